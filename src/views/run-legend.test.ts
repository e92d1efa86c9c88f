import { describe, expect, it } from 'vitest';
import { flowLegend, formatFinalLoss, legendEntries, legendValue } from './run-legend';

describe('legendValue: how a run ended, in its legend entry', () => {
  it('gives the final f with three significant digits', () => {
    expect(legendValue({ loss: [4, 2.5, 0.0123456], diverged: null })).toBe('f 0.0123');
    expect(legendValue({ loss: [4, 3.14159], diverged: null })).toBe('f 3.14');
  });

  it('says where a run diverged, and that f is undefined where it starts where f is not defined', () => {
    expect(legendValue({ loss: [4, 90, 8100], diverged: { step: 3 } })).toBe('diverged at step 3');
    expect(legendValue({ loss: [Number.NaN], diverged: { step: 0 } })).toBe('f undefined');
    expect(legendValue({ loss: [Number.POSITIVE_INFINITY], diverged: { step: 0 } })).toBe('f undefined');
    expect(legendValue({ loss: [], diverged: null })).toBe('f undefined');
  });

  it('lists entries in run order, with name and colour', () => {
    expect(legendEntries([{ label: 'Adam lr 0.05', color: '#e69f00', loss: [1, 0.5], diverged: null }])).toEqual([{ label: 'Adam lr 0.05', color: '#e69f00', value: 'f 0.5' }]);
  });
});

describe('formatFinalLoss', () => {
  // expected strings written by hand from the values' decimal expansions
  it('keeps three significant digits, exponent form when tiny or huge', () => {
    expect(formatFinalLoss(5.04912)).toBe('5.05');
    expect(formatFinalLoss(0.00123456)).toBe('0.00123');
    expect(formatFinalLoss(0.000123456)).toBe('1.23e-4');
    expect(formatFinalLoss(123456)).toBe('1.23e+5');
    expect(formatFinalLoss(99999)).toBe('100000');
    expect(formatFinalLoss(0)).toBe('0');
    expect(formatFinalLoss(-1.0316)).toBe('-1.03');
    expect(formatFinalLoss(-0.0000001)).toBe('-1.00e-7');
  });
});

describe('flowLegend', () => {
  it('puts entries side by side, a gap apart, and wraps one that would overflow the row', () => {
    // widths 100, 120, 90 in 260 px with a 10 px gap: 0..100, 110..230, then 240+90 > 260 wraps
    expect(flowLegend([100, 120, 90], 260, 10)).toEqual([
      { row: 0, x: 0 },
      { row: 0, x: 110 },
      { row: 1, x: 0 },
    ]);
  });

  it('starts at the left edge it is given and gives an entry wider than a row a row of its own', () => {
    expect(flowLegend([50, 500, 50, 50], 200, 10, 4)).toEqual([
      { row: 0, x: 4 },
      { row: 1, x: 4 },
      { row: 2, x: 4 },
      { row: 2, x: 64 },
    ]);
  });

  it('fits an entry that ends exactly at the right edge', () => {
    expect(flowLegend([95, 95], 200, 10)).toEqual([
      { row: 0, x: 0 },
      { row: 0, x: 105 },
    ]);
  });
});
