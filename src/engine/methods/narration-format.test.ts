import { describe, expect, it } from 'vitest';
import { latexNumber, latexVector, narratedNumber, narratedVector } from './narration-format';

describe('narration numbers', () => {
  it('reads as words and as LaTeX', () => {
    expect(narratedNumber(0.123456)).toBe('0.1235');
    expect(narratedVector([0.5, -2])).toBe('(0.5, −2)');
    expect(narratedVector([1, 2, 3, 4])).toBe('(1, 2, 3, …)');
    expect(latexNumber(-3e-5)).toBe('-3 \\times 10^{-5}');
    expect(latexNumber(Infinity)).toBe('\\infty');
    expect(latexVector([0.5, -2])).toBe('\\left(0.5,\\ -2\\right)');
    expect(latexVector([1, 2, 3, 4])).toBe('\\left(1,\\ 2,\\ 3,\\ \\dots\\right)');
  });
});
