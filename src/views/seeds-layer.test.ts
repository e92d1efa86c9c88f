import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { medianPath, quartileBoxesPath, thinnedIndices } from './seeds-layer';

// Oracles: path strings written out by hand for a 2-point statistic under an identity-like scale.

const scales = { x: scaleLinear().domain([0, 10]).range([0, 100]), y: scaleLinear().domain([0, 10]).range([100, 0]) };

function quartiles(lower: number[], median: number[], upper: number[]) {
  return { lower: Float64Array.from(lower), median: Float64Array.from(median), upper: Float64Array.from(upper) };
}

describe('thinnedIndices', () => {
  it('keeps every point up to the limit, else every n-th and always the last', () => {
    expect(thinnedIndices(4, 10)).toEqual([0, 1, 2, 3]);
    expect(thinnedIndices(10, 4)).toEqual([0, 3, 6, 9]);
    expect(thinnedIndices(11, 4)).toEqual([0, 3, 6, 9, 10]);
    expect(thinnedIndices(0, 4)).toEqual([]);
  });
});

describe('the seeds band and median path', () => {
  const statistics = {
    coordinates: [quartiles([1, 2], [1.5, 3], [2, 4]), quartiles([1, NaN], [2, 5], [3, 6])],
  };

  it('draws one box per step from the lower to the upper quartiles, skipping non-finite ones', () => {
    // x 1..2 → 10..20 px; y 1..3 → 90..70 px (y grows upwards)
    expect(quartileBoxesPath(statistics, [0, 1], scales)).toBe('M10.0,70.0h10.0v20.0h-10.0Z');
  });

  it('keeps a box that has not spread yet a pixel wide', () => {
    const start = { coordinates: [quartiles([1], [1], [1]), quartiles([1], [1], [1])] };
    expect(quartileBoxesPath(start, [0], scales)).toBe('M10.0,90.0h1.0v1.0h-1.0Z');
  });

  it('draws the median through the kept points', () => {
    expect(medianPath(statistics, [0, 1], scales)).toBe('M15.0,80.0L30.0,50.0');
    const broken = { coordinates: [quartiles([0, 0, 0], [1, NaN, 3], [0, 0, 0]), quartiles([0, 0, 0], [1, 1, 1], [0, 0, 0])] };
    expect(medianPath(broken, [0, 1, 2], scales)).toBe('M10.0,90.0M30.0,90.0');
  });
});
