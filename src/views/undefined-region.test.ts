import { geoPath } from 'd3';
import { describe, expect, it } from 'vitest';
import type { Domain } from '../engine/objective';
import { sampleObjective } from '../engine/sample';
import { countUndefined, fillUndefined, hatchPath, undefinedRegion } from './undefined-region';

const DOMAIN: Domain = [
  [-3, 3],
  [-3, 3],
];

/** f sampled on DOMAIN as the map samples it (only f is asked for). */
function sampled(f: (x: number, y: number) => number, columns: number, rows: number) {
  const unused = () => {
    throw new Error('the map samples f only');
  };
  return sampleObjective({ dimension: 2, value: (point) => f(point[0], point[1]), valueAndGradient: unused, hessian: unused }, DOMAIN, columns, rows);
}

/** f(x, y) = log(x) + y²: NaN for x < 0, −∞ on the column x = 0. */
function logGrid(columns: number, rows: number) {
  return sampled((x, y) => Math.log(x) + y * y, columns, rows);
}

/** Area of a region in d3.contours' grid units (the cells' own size), by the shoelace formula. */
function gridArea(region: Parameters<ReturnType<typeof geoPath>['area']>[0]): number {
  return geoPath().area(region);
}

describe('countUndefined', () => {
  it('counts NaN and both infinities, and nothing finite', () => {
    expect(countUndefined([1, Number.NaN, -Infinity, Infinity, -1e308, 0])).toBe(3);
    expect(countUndefined(new Float64Array(4))).toBe(0);
  });

  it('finds every sample left of x = 0 undefined for log(x) + y², and the column x = 0 (−∞)', () => {
    // 41 columns over [−3, 3]: column 20 is x = 0, columns 0..19 are x < 0
    const grid = logGrid(41, 21);
    expect(countUndefined(grid.values)).toBe(21 * 21);
    for (let row = 0; row < 21; row++) {
      expect(grid.values[row * 41 + 20]).toBe(-Infinity);
      expect(Number.isFinite(grid.values[row * 41 + 21])).toBe(true);
    }
  });
});

describe('fillUndefined', () => {
  it('leaves a finite grid as it is', () => {
    const values = [3, 1, 4, 1, 5, 9];
    expect(Array.from(fillUndefined(values, 3, 2))).toEqual(values);
  });

  it('gives each undefined sample its nearest finite sample’s value, walking the four neighbours', () => {
    // 4 × 3, undefined on the left: each row takes the value of its first finite sample
    const N = Number.NaN;
    const values = [N, N, 5, 6, N, -Infinity, 7, 8, Infinity, N, 9, 10];
    expect(Array.from(fillUndefined(values, 4, 3))).toEqual([5, 5, 5, 6, 7, 7, 7, 8, 9, 9, 9, 10]);
  });

  it('reaches a corner that only diagonal neighbours would have touched', () => {
    const N = Number.NaN;
    // the corner (0, 0) is two steps from the only finite sample
    expect(Array.from(fillUndefined([N, N, N, 2], 2, 2))).toEqual([2, 2, 2, 2]);
  });

  it('gives up on a grid with no finite sample (there is nothing to contour)', () => {
    expect(Array.from(fillUndefined([Number.NaN, Infinity], 2, 1))).toEqual([Number.NaN, Infinity]);
  });
});

describe('undefinedRegion', () => {
  it('is null where f is finite at every sample', () => {
    const grid = sampled((x, y) => x * x + y * y, 21, 21);
    expect(undefinedRegion(grid)).toBeNull();
  });

  it('covers x < 0 for log(x) + y²: its edge half a cell right of x = 0, and nothing else', () => {
    const columns = 41;
    const rows = 21;
    const region = undefinedRegion(logGrid(columns, rows))!;
    // d3 puts sample i at i + 0.5; the undefined samples are columns 0..20 (x = 0 is −∞), so the
    // region runs from the grid's edge (0) to half way to column 21 (21), over every row (0..rows),
    // less the quarter cell that marching squares cuts off each corner where the edge meets the border
    expect(gridArea(region)).toBeCloseTo(21 * rows - 2 * 0.25, 9);
    const xs = region.coordinates.flat(2).map(([column]) => column);
    expect(Math.max(...xs)).toBeCloseTo(21, 12);
    expect(Math.min(...xs)).toBe(0);
  });

  it('outlines a single undefined column (1/x is ±∞ at x = 0) as a strip one cell wide', () => {
    const grid = sampled((x) => 1 / x, 41, 11);
    const region = undefinedRegion(grid)!;
    const xs = region.coordinates.flat(2).map(([column]) => column);
    // the column x = 0 is sample 20, at 20.5: the strip runs half a cell either side
    expect(Math.min(...xs)).toBeCloseTo(20, 12);
    expect(Math.max(...xs)).toBeCloseTo(21, 12);
  });
});

describe('hatchPath', () => {
  it('draws the lines x + y = k · spacing inside the box, cut at its edges', () => {
    // box 0..12 × 0..6, spacing 6: k = 1 (sum 6), 2 (sum 12), 3 (sum 18); sum 0 and 24 touch a corner only
    expect(hatchPath({ left: 0, top: 0, right: 12, bottom: 6 }, 6)).toBe('M0,6L6,0M6,6L12,0');
  });

  it('keeps its lines on the same diagonals wherever the box starts, so redrawn hatching lines up', () => {
    const segments = hatchPath({ left: 3, top: 1, right: 20, bottom: 15 }, 6).match(/M[^M]+/g)!;
    for (const segment of segments) {
      const [x0, y0, x1, y1] = segment.match(/-?[\d.]+/g)!.map(Number);
      expect((x0 + y0) % 6).toBeCloseTo(0, 9);
      expect(x1 + y1).toBeCloseTo(x0 + y0, 9);
      // "/": up and to the right, inside the box
      expect(x1).toBeGreaterThan(x0);
      for (const [x, y] of [
        [x0, y0],
        [x1, y1],
      ]) {
        expect(x).toBeGreaterThanOrEqual(3);
        expect(x).toBeLessThanOrEqual(20);
        expect(y).toBeGreaterThanOrEqual(1);
        expect(y).toBeLessThanOrEqual(15);
      }
    }
    // sums 6..30 fall inside a box whose corners sum to 4..35
    expect(segments).toHaveLength(5);
  });

  it('is empty for an empty box', () => {
    expect(hatchPath({ left: 5, top: 5, right: 5, bottom: 9 }, 6)).toBe('');
  });
});
