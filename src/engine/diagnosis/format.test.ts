import { describe, expect, it } from 'vitest';
import { formatPoint, formatRatio, formatSignificant, roundDownTwoDigits } from './format';

describe('formatSignificant', () => {
  it('writes plain numbers in the middle range and exponents outside it, with a true minus', () => {
    expect(formatSignificant(0.0009559088)).toBe('0.000956');
    expect(formatSignificant(2092.2497, 4)).toBe('2092');
    expect(formatSignificant(-1.5)).toBe('−1.5');
    expect(formatSignificant(5.53e10)).toBe('5.53e10');
    expect(formatSignificant(2.5e-7)).toBe('2.5e−7');
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(Infinity)).toBe('∞');
  });
});

describe('formatPoint and formatRatio', () => {
  it('shows up to three coordinates, and ratios as "40x"', () => {
    expect(formatPoint([-1.5, 2])).toBe('(−1.5, 2)');
    expect(formatPoint([1, 2, 3, 4])).toBe('(1, 2, 3, …)');
    expect(formatRatio(1046.12)).toBe('1046x');
    expect(formatRatio(1.84)).toBe('1.8x');
  });
});

describe('roundDownTwoDigits', () => {
  it('keeps two significant digits and never rounds up past the bound', () => {
    expect(roundDownTwoDigits(0.0009559)).toBe(0.00095);
    expect(roundDownTwoDigits(0.0018164)).toBe(0.0018);
    expect(roundDownTwoDigits(0.9)).toBe(0.9);
    expect(roundDownTwoDigits(1)).toBe(1);
    for (const value of [1e-7, 3.33e-5, 0.0099999, 0.123456, 7.77, 99.99, 1234.5]) {
      const rounded = roundDownTwoDigits(value);
      expect(rounded).toBeLessThanOrEqual(value);
      expect(rounded).toBeGreaterThan(value * 0.89);
      expect(Number(rounded.toPrecision(2))).toBe(rounded);
    }
  });
});
