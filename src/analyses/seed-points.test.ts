import { describe, expect, it } from 'vitest';
import { MAX_SEED_POINTS, pointAtStep, seedPointCount, seedPointSteps, thinSeedPath } from './seed-points';

describe('seed points', () => {
  it('keeps every step of a short run and evenly spaced ones of a long run', () => {
    expect(seedPointCount(150, 200, 2)).toBe(151);
    expect(seedPointCount(100_000, 10, 2)).toBe(MAX_SEED_POINTS);
    // a thousand seeds of a 100-dimensional problem: the float budget decides, never below start and end
    expect(seedPointCount(100_000, 1_000, 100)).toBe(Math.floor(2 ** 22 / (1_000 * 101)));
    expect(seedPointCount(100_000, 1_000, 1_000_000)).toBe(2);
    expect(Array.from(seedPointSteps(4, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(seedPointSteps(10, 4))).toEqual([0, 3, 7, 10]);
  });

  it('holds a diverged run’s last point past its end, as the quartiles over whole paths do', () => {
    // a 2-D run that stopped after 3 points (steps 0, 1, 2) of a 6-step job
    const path = { dimension: 2, trajectory: Float64Array.from([0, 0, 1, 10, 2, 20]), loss: Float64Array.from([5, 4, 3]) };
    const thinned = thinSeedPath(path, [0, 2, 4, 6]);
    expect(Array.from(thinned.loss)).toEqual([5, 3, 3, 3]);
    expect(Array.from(thinned.trajectory)).toEqual([0, 0, 2, 20, 2, 20, 2, 20]);
    const empty = { dimension: 2, trajectory: new Float64Array(0), loss: new Float64Array(0) };
    expect(thinSeedPath(empty, [0, 6]).loss.length).toBe(0);
  });

  it('finds the kept point of a playback step', () => {
    const steps = [0, 3, 7, 10];
    expect(pointAtStep(steps, 4, 0)).toBe(0);
    expect(pointAtStep(steps, 4, 6.5)).toBe(1);
    expect(pointAtStep(steps, 4, 7)).toBe(2);
    expect(pointAtStep(steps, 4, Infinity)).toBe(3);
    expect(pointAtStep(undefined, 11, 4.7)).toBe(4);
    expect(pointAtStep(undefined, 11, Infinity)).toBe(10);
  });
});
