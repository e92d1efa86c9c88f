import { describe, expect, it } from 'vitest';
import { sampleSlice, sliceDomain } from './slice-grid';

describe('sliceDomain', () => {
  it('is a square holding every finite projected point with a margin', () => {
    const [[aMin, aMax], [bMin, bMax]] = sliceDomain([Float64Array.from([0, 0, 4, 1, NaN, 50]), Float64Array.from([-1, 2])]);
    expect(aMax - aMin).toBeCloseTo(bMax - bMin, 12);
    expect(aMin).toBeLessThan(-1);
    expect(aMax).toBeGreaterThan(4);
    expect(bMin).toBeLessThan(0);
    expect(bMax).toBeGreaterThan(2);
    expect(bMax).toBeLessThan(50);
  });

  it('is [−1, 1]² around the centre when every point is the centre', () => {
    expect(sliceDomain([Float64Array.from([0, 0, 0, 0])])).toEqual([
      [-1, 1],
      [-1, 1],
    ]);
  });
});

describe('sampleSlice', () => {
  it('samples f(θ_c + α d1 + β d2) with α across and β up (row 0 at β max)', () => {
    const f = (p: Float64Array) => p[0] + 10 * p[1] + 100 * p[2];
    const grid = sampleSlice(f, [1, 1, 1], [1, 0, 0], [0, 0, 1], [[-1, 1], [0, 2]], 3, 2);
    // row 0: β = 2 → p = (1 + α, 1, 3); row 1: β = 0 → (1 + α, 1, 1)
    expect(Array.from(grid.values)).toEqual([310, 311, 312, 110, 111, 112]);
  });
});
