import { describe, expect, it } from 'vitest';
import { clockResolution, spreadReadings } from './elapsed';

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

describe('spreadReadings after the last tick', () => {
  it('goes on at the pace before the tick instead of stopping the clock, held to one tick', () => {
    // ticks of 0.1 ms at points 0, 10, 20; the run ended at point 25 before the next tick
    const readings = [{ point: 0, time: 0 }, { point: 10, time: 0.1 }, { point: 20, time: 0.2 }, { point: 25, time: 0.2 }];
    const times = spreadReadings(readings, 26);
    // pace 0.01 ms per point: point 25 at 0.25 (half a tick on)
    expect(times[20]).toBeCloseTo(0.2, 12);
    expect(times[23]).toBeCloseTo(0.23, 12);
    expect(times[25]).toBeCloseTo(0.25, 12);
    // a long tail at that pace would pass the next tick, which the last reading says did not come: one tick at most
    const long = spreadReadings([{ point: 0, time: 0 }, { point: 10, time: 0.1 }, { point: 20, time: 0.2 }, { point: 60, time: 0.2 }], 61);
    expect(long[60]).toBeCloseTo(0.3, 12);
    expect(long[40]).toBeCloseTo(0.25, 12);
  });

  it('leaves a run whose clock never moved, or moved at the last reading, as it was', () => {
    expect(Array.from(spreadReadings([{ point: 0, time: 0.1 }, { point: 3, time: 0.1 }], 4))).toEqual([0.1, 0.1, 0.1, 0.1]);
    const ended = spreadReadings([{ point: 0, time: 0 }, { point: 4, time: 0.1 }], 5);
    expect(ended[4]).toBe(0.1);
  });
});

describe('clockResolution', () => {
  /** A clock that reads `times` in turn, then stays at the last. */
  const clockReading = (times: readonly number[]) => {
    let read = 0;
    return () => times[Math.min(read++, times.length - 1)];
  };

  it('is the smallest step between readings that differ, however often the clock repeats', () => {
    // a 0.1 ms clock read ~3 times per tick, with one late reading (a pause) that skipped 4 ticks
    const times = [0, 0, 0, 0.1, 0.1, 0.5, 0.5, 0.5, 0.6, 0.7, 0.7, 0.8, 0.9];
    expect(clockResolution(clockReading(times))).toBe(0.1);
    // a 1 ms clock
    expect(clockResolution(clockReading([5, 5, 6, 6, 7, 8, 9, 10, 11]))).toBe(1);
    // Chromium's coarsened readings, as read: the float noise is rounded away
    expect(clockResolution(clockReading([1000.1000000005588, 1000.2000000001863, 1000.2999999998137, 1000.3999999994412, 1000.5, 1000.6, 1000.7]))).toBe(0.1);
  });

  it('stops after a few changes, and gives null for a clock that never moved', () => {
    let reads = 0;
    const counting = () => Math.floor(reads++ / 10) * 0.1; // a new tick every 10 reads
    expect(clockResolution(counting)).toBe(0.1);
    expect(reads).toBeLessThanOrEqual(71); // the first reading, then 6 changes
    expect(clockResolution(() => 42, 1000)).toBeNull();
  });
});
