import { describe, expect, it } from 'vitest';
import { spreadReadings } from './elapsed';

describe('spreadReadings', () => {
  it('interpolates linearly between readings where the clock moved', () => {
    // a 0.1 ms clock read every 2 points: 0, 0, 0.1, 0.1, 0.2
    const readings = [0, 0, 0.1, 0.1, 0.2].map((time, index) => ({ point: 2 * index, time }));
    const times = Array.from(spreadReadings(readings, 9));
    const expected = [0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2];
    times.forEach((time, index) => expect(time).toBeCloseTo(expected[index], 12));
  });

  it('gives 0 throughout when the clock never moved, and handles a single point', () => {
    expect(Array.from(spreadReadings([{ point: 0, time: 0 }, { point: 5, time: 0 }], 6))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(spreadReadings([{ point: 0, time: 0 }], 1))).toEqual([0]);
  });

  it('is non-decreasing and ends at the last reading', () => {
    const readings = [{ point: 0, time: 0 }, { point: 32, time: 0.1 }, { point: 64, time: 0.1 }, { point: 70, time: 0.3 }];
    const times = spreadReadings(readings, 71);
    for (let k = 1; k < times.length; k++) expect(times[k]).toBeGreaterThanOrEqual(times[k - 1]);
    expect(times[70]).toBe(0.3);
  });
});
