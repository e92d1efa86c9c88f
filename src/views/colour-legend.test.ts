import { describe, expect, it } from 'vitest';
import { formatLevel, formatLevels, labelledBoundaries } from './colour-legend';

describe('formatLevel', () => {
  it('gives three significant digits in the everyday range', () => {
    expect(formatLevel(2509.87)).toBe('2510');
    expect(formatLevel(93.2714)).toBe('93.3');
    expect(formatLevel(1.5521)).toBe('1.55');
    expect(formatLevel(0.00123)).toBe('0.00123');
    expect(formatLevel(-78.33)).toBe('-78.3');
    expect(formatLevel(0)).toBe('0');
  });

  it('reads rounding noise around a minimum at 0 as 0', () => {
    expect(formatLevel(-1.4e-17, 890)).toBe('0');
    expect(formatLevel(2.5e-4, 890)).toBe('2.5e-4');
  });

  it('switches to exponent form for the very large and the very small', () => {
    expect(formatLevel(1.234e6)).toBe('1.2e6');
    expect(formatLevel(0.00025)).toBe('2.5e-4');
  });
});

describe('formatLevels', () => {
  it('adds digits until neighbouring labels differ', () => {
    // six-hump camel: levels crowd just above its minimum −1.0316
    expect(formatLevels([-1.031628, -1.028435, -0.99713], 5.73)).toEqual(['-1.032', '-1.028', '-0.9971']);
    expect(formatLevels([0, 1.55, 93.3, 2510])).toEqual(['0', '1.55', '93.3', '2510']);
  });
});

describe('labelledBoundaries', () => {
  it('labels both ends and about maxLabels evenly spaced boundaries', () => {
    expect(labelledBoundaries(28, 6)).toEqual([0, 6, 12, 18, 24, 28]);
    expect(labelledBoundaries(4, 6)).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops a label that would crowd the top one', () => {
    // every 3rd: 0, 3, 6, 9 and then 10 would sit one band above 9
    expect(labelledBoundaries(10, 5)).toEqual([0, 3, 6, 10]);
  });

  it('labels the single boundary of nothing', () => {
    expect(labelledBoundaries(0, 6)).toEqual([0]);
  });
});
