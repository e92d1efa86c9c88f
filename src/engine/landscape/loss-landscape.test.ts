import { describe, expect, it } from 'vitest';
import { sliceResolution } from './loss-landscape';

describe('sliceResolution', () => {
  it('gives a cheap f the full 41 × 41 grid and a costly one fewer samples, odd and at least 15', () => {
    expect(sliceResolution(10)).toBe(41);
    expect(sliceResolution(200 * 105)).toBe(41);
    expect(sliceResolution(1437 * 2410)).toBe(15);
    expect(sliceResolution(1e9 / 400)).toBe(19);
    expect(sliceResolution(1e12)).toBe(15);
  });
});
