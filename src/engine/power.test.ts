import { describe, expect, it } from 'vitest';
import { power, powersOf } from './power';

// Oracle: Math.pow (correctly rounded or within an ulp on every engine) to within power's error
// bound, plus values exact in float64. Bit-stability across engines is why power() exists; the
// e2e export test compares the browser's runs with the CLI's byte for byte.

function ulpsApart(a: number, b: number): number {
  return Math.abs(a - b) / (Number.EPSILON * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE));
}

describe('power', () => {
  it('keeps Math.pow special cases', () => {
    expect(power(0.9, 0)).toBe(1);
    expect(power(0, 0)).toBe(1);
    expect(power(Number.NaN, 0)).toBe(1);
    expect(power(0, 3)).toBe(0);
    expect(power(0, -1)).toBe(Infinity);
    expect(power(0, 0.5)).toBe(0);
    expect(power(0, -0.5)).toBe(Infinity);
    expect(power(-8, 1 / 3)).toBeNaN();
    expect(power(2, Number.NaN)).toBeNaN();
    expect(power(Number.NaN, 2)).toBeNaN();
    expect(power(-2, 3)).toBe(-8);
    expect(power(-2, -3)).toBe(-0.125);
    expect(power(2, 10)).toBe(1024);
    expect(power(2, -1074)).toBe(Number.MIN_VALUE);
    expect(power(10, 400)).toBe(Infinity);
  });

  it('whole exponents are within |n| ulps (squaring) or |n ln x| + 2 ulps (exp/log) of Math.pow', () => {
    for (const base of [0.9, 0.99, 0.999, 0.9999, -1.7, 3.3, 1e-3]) {
      for (const exponent of [1, 2, 3, 4, 5, 6, 7, 10, 33, 64, 65, 100, 1000, 12345, 100000, -1, -3, -101]) {
        const expected = Math.pow(base, exponent);
        if (!Number.isFinite(expected) || expected === 0 || Math.abs(expected) < 1e-300) continue;
        const bound = Math.abs(exponent) <= 64 ? Math.abs(exponent) : Math.abs(exponent * Math.log(Math.abs(base))) + 2;
        expect(ulpsApart(power(base, exponent), expected)).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('squares exactly, like x * x', () => {
    for (const x of [0.1, -3.7, 1e-160, 12345.678]) expect(power(x, 2)).toBe(x * x);
  });

  it('fractional exponents are within |y ln x| + 2 ulps of Math.pow', () => {
    for (const [base, exponent] of [
      [0.96, 0.004],
      [0.96, 400.4],
      [2, 0.5],
      [7.5, -2.25],
      [1e-5, 1.5],
    ]) {
      const expected = Math.pow(base, exponent);
      expect(ulpsApart(power(base, exponent), expected)).toBeLessThanOrEqual(Math.abs(exponent * Math.log(base)) + 2);
    }
  });
});

describe('PowerTable', () => {
  it('gives power(base, n) bit for bit, in any order of n', () => {
    for (const base of [0.9, 0.999, 0.5, 1.5, -0.7]) {
      const table = powersOf(base);
      for (const n of [300, 0, 1, 2, 64, 65, 1000, 7, 999]) expect(table.at(n)).toBe(power(base, n));
    }
    expect(powersOf(0.9)).toBe(powersOf(0.9));
  });
});
