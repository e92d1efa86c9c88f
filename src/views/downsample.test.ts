import { describe, expect, it } from 'vitest';
import { Random } from '../engine/random';
import { m4Indices } from './downsample';

/** Brute force: every column's points, as index lists, straight from the definition. */
function columnsOf(pixelX: ArrayLike<number>): Map<number, number[]> {
  const columns = new Map<number, number[]>();
  for (let index = 0; index < pixelX.length; index++) {
    const column = Math.floor(pixelX[index]);
    columns.set(column, [...(columns.get(column) ?? []), index]);
  }
  return columns;
}

/** A random walk with occasional spikes and, when asked, NaN holes: what a noisy loss curve looks like. */
function randomCurve(random: Random, count: number, holes: boolean): Float64Array {
  const values = new Float64Array(count);
  let value = 0;
  for (let index = 0; index < count; index++) {
    value += random.nextGaussian();
    const spike = random.nextFloat() < 0.01 ? 50 * random.nextGaussian() : 0;
    values[index] = holes && random.nextFloat() < 0.005 ? NaN : value + spike;
  }
  return values;
}

/** Pixel positions for `count` points spread over `width` columns, like a linear x scale would give. */
function pixelsFor(count: number, width: number, offset = 40.3): Float64Array {
  const pixelX = new Float64Array(count);
  for (let index = 0; index < count; index++) pixelX[index] = offset + (index * width) / Math.max(1, count - 1);
  return pixelX;
}

describe('m4Indices', () => {
  it('keeps every point when there are no more than four per column', () => {
    const pixelX = pixelsFor(50, 400);
    const values = Float64Array.from({ length: 50 }, (_, index) => Math.sin(index));
    expect(m4Indices(pixelX, values)).toEqual(Array.from({ length: 50 }, (_, index) => index));
  });

  it('keeps first, lowest, highest and last of a column, in index order (worked by hand)', () => {
    // one column (all x in [3, 4)): first 5, min -2 at 3, max 9 at 1, last 4
    const values = [5, 9, 1, -2, 0, 7, 4];
    const pixelX = [3, 3.1, 3.2, 3.3, 3.5, 3.7, 3.9];
    expect(m4Indices(pixelX, values)).toEqual([0, 1, 3, 6]);
  });

  for (const [count, width, holes] of [
    [100_000, 500, false],
    [5_001, 480, true],
    [2_000, 1_999, false],
    [30_000, 37, true],
  ] as const) {
    it(`matches the brute-force extremes of every pixel column (${count} points, ${width} px${holes ? ', with NaN holes' : ''})`, () => {
      const random = new Random(count + width);
      const values = randomCurve(random, count, holes);
      const pixelX = pixelsFor(count, width);
      const kept = m4Indices(pixelX, values);
      const keptSet = new Set(kept);

      for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
      for (const [, indices] of columnsOf(pixelX)) {
        const finite = indices.filter((index) => Number.isFinite(values[index]));
        const keptHere = indices.filter((index) => keptSet.has(index));
        expect(keptSet.has(indices[0])).toBe(true);
        expect(keptSet.has(indices[indices.length - 1])).toBe(true);
        for (const index of indices) if (!Number.isFinite(values[index])) expect(keptSet.has(index)).toBe(true);
        if (finite.length > 0) {
          const lowest = Math.min(...finite.map((index) => values[index]));
          const highest = Math.max(...finite.map((index) => values[index]));
          const keptFinite = keptHere.filter((index) => Number.isFinite(values[index])).map((index) => values[index]);
          expect(Math.min(...keptFinite)).toBe(lowest);
          expect(Math.max(...keptFinite)).toBe(highest);
        }
        const gaps = indices.length - finite.length;
        expect(keptHere.length).toBeLessThanOrEqual(4 + gaps);
      }
      if (!holes) expect(kept.length).toBeLessThanOrEqual(4 * (width + 1));
    });
  }

  it('returns nothing for no data', () => {
    expect(m4Indices([], [])).toEqual([]);
  });
});
