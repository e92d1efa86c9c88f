import { describe, expect, it } from 'vitest';
import { formatConstant, resolveParameters } from './bind';

describe('formatConstant', () => {
  it('writes ordinary numbers as JavaScript does', () => {
    expect(formatConstant(100)).toBe('100');
    expect(formatConstant(0.1)).toBe('0.1');
    expect(formatConstant(-0.5)).toBe('-0.5');
    expect(formatConstant(0.866025403784439)).toBe('0.866025403784439');
  });

  it('spells out what String() would put in exponent notation', () => {
    expect(formatConstant(1e-7)).toBe('0.0000001');
    expect(formatConstant(-1.5e-7)).toBe('-0.00000015');
    expect(formatConstant(1.2345e-10)).toBe('0.00000000012345');
    expect(formatConstant(1e21)).toBe('1000000000000000000000');
    expect(formatConstant(-2.5e22)).toBe('-25000000000000000000000');
  });

  it('round-trips to the same float64', () => {
    for (const value of [1 / 3, 1 / 7e9, Math.PI * 1e-12, 6.123233995736766e-17, 1.7976931348623157e308, 5e-324]) {
      const text = formatConstant(value);
      expect(text).not.toMatch(/e/i);
      expect(Number(text)).toBe(value);
    }
  });
});

describe('resolveParameters', () => {
  const parameters = [
    { name: 'a', label: 'a', defaultValue: 1, min: -2, max: 2 },
    { name: 'b', label: 'b', defaultValue: 100, min: 1, max: 1000, log: true },
  ] as const;

  it('fills in defaults for missing or non-finite values and ignores unknown names', () => {
    expect(resolveParameters(parameters)).toEqual({ a: 1, b: 100 });
    expect(resolveParameters(parameters, { a: 0.5, c: 3 })).toEqual({ a: 0.5, b: 100 });
    expect(resolveParameters(parameters, { a: Number.NaN, b: Infinity })).toEqual({ a: 1, b: 100 });
  });
});
