import { describe, expect, it } from 'vitest';
import { lossBandPaths } from './loss-band';

// Oracles: path strings written out by hand for 3-step bands under x = 10·step, y = 100 − loss.

const x = (step: number) => 10 * step;
const y = (loss: number) => (loss > 0 ? 100 - loss : NaN);

describe('lossBandPaths', () => {
  it('outlines the band upper quartile out, lower back, and draws the median through it', () => {
    const band = { label: 'seeds', color: '#000', lower: [1, 2, 3], median: [5, 6, 7], upper: [9, 10, 11] };
    expect(lossBandPaths(band, x, y)).toEqual({
      area: 'M0.0,91.0L10.0,90.0L20.0,89.0L20.0,97.0L10.0,98.0L0.0,99.0Z',
      median: 'M0.0,95.0L10.0,94.0L20.0,93.0',
    });
  });

  it('leaves out steps it cannot draw (f ≤ 0 on a log axis) and breaks the median there', () => {
    const band = { label: 'seeds', color: '#000', lower: [1, -1, 3], median: [5, 0, 7], upper: [9, 10, 11] };
    expect(lossBandPaths(band, x, y)).toEqual({ area: 'M0.0,91.0L20.0,89.0L20.0,97.0L0.0,99.0Z', median: 'M0.0,95.0M20.0,93.0' });
  });

  it('thins long runs evenly, keeping the last step', () => {
    const values = Array.from({ length: 10 }, (_, step) => step + 1);
    const { median } = lossBandPaths({ label: '', color: '', lower: values, median: values, upper: values }, x, y, 4);
    expect(median).toBe('M0.0,99.0L30.0,96.0L60.0,93.0L90.0,90.0');
  });
});
