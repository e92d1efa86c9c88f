import { contours } from 'd3';
import { describe, expect, it } from 'vitest';
import type { Domain } from '../engine/objective';
import { bandColour, contourBandPaths, contourPointToParameter, finiteRange, logOffset, logThresholds, undefinedRegionPath } from './contour-map';
import { mapScales } from './scales';

const DOMAIN: Domain = [
  [-2, 2],
  [-1, 3],
];

/** f sampled as the engine samples it (engine/sample.ts): row 0 at yMax, samples on the edges. */
function sample(f: (x: number, y: number) => number, columns: number, rows: number): Float64Array {
  const values = new Float64Array(columns * rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const x = DOMAIN[0][0] + (column * (DOMAIN[0][1] - DOMAIN[0][0])) / (columns - 1);
      const y = DOMAIN[1][1] - (row * (DOMAIN[1][1] - DOMAIN[1][0])) / (rows - 1);
      values[row * columns + column] = f(x, y);
    }
  }
  return values;
}

/** Every vertex of d3's contour at one level, mapped to parameter space; the grid's outer frame left out. */
function contourVertices(values: Float64Array, columns: number, rows: number, level: number): [number, number][] {
  const [band] = contours().size([columns, rows]).thresholds([level])(Array.from(values));
  const grid = { domain: DOMAIN, columns, rows };
  return band.coordinates
    .flat(2)
    .filter(([column, row]) => column > 0 && column < columns && row > 0 && row < rows)
    .map(([column, row]) => contourPointToParameter(grid, column, row));
}

describe('contourPointToParameter', () => {
  // A linear f is interpolated exactly by marching squares, so its contour f = c must lie on the
  // line f = c itself: an oracle that catches a half-cell shift (the bug this mapping fixes).
  it('puts the contour x = 0.3 of f = x at x = 0.3', () => {
    const vertices = contourVertices(sample((x) => x, 41, 31), 41, 31, 0.3);
    expect(vertices.length).toBeGreaterThan(10);
    for (const [x] of vertices) expect(x).toBeCloseTo(0.3, 12);
  });

  it('puts the contour y = 1.7 of f = y at y = 1.7 (rows run downwards from yMax)', () => {
    const vertices = contourVertices(sample((_x, y) => y, 41, 31), 41, 31, 1.7);
    expect(vertices.length).toBeGreaterThan(10);
    for (const [, y] of vertices) expect(y).toBeCloseTo(1.7, 12);
  });

  it('puts a tilted level set x + 2y = 1 on its line', () => {
    const vertices = contourVertices(sample((x, y) => x + 2 * y, 33, 33), 33, 33, 1);
    for (const [x, y] of vertices) expect(x + 2 * y).toBeCloseTo(1, 12);
  });
});

describe('logThresholds', () => {
  it('spaces the levels evenly in log(f − fMin + δ), starting at fMin', () => {
    const values = [0, 1, 10, 100, 1000];
    const thresholds = logThresholds(values, 8);
    expect(thresholds).toHaveLength(8);
    expect(thresholds[0]).toBeCloseTo(0, 12);
    const offset = logOffset(values, 0, 1000, 8);
    const logs = thresholds.map((t) => Math.log(t - 0 + offset));
    const step = (Math.log(1000 + offset) - Math.log(offset)) / 8;
    logs.slice(1).forEach((log, k) => expect(log - logs[k]).toBeCloseTo(step, 10));
  });

  it('keeps colours near the minimum of a heavy-tailed surface and spreads them over an even one', () => {
    const levels = 28;
    const span = (offset: number, range: number) => Math.log((range + offset) / offset);
    // Rosenbrock-like: most of the map is near the floor, a few cells are huge
    const heavy = Array.from({ length: 10_000 }, (_, i) => (i / 10_000) ** 3 * 2500);
    const heavyOffset = logOffset(heavy, 0, 2500, levels);
    const heavyP01 = heavy[100];
    expect((levels * Math.log((heavyP01 + heavyOffset) / heavyOffset)) / span(heavyOffset, 2500)).toBeGreaterThanOrEqual(3);
    // an even spread (Ackley's or Rastrigin's bumps): nearly linear, so the bulk gets most levels
    const even = Array.from({ length: 10_000 }, (_, i) => (i / 10_000) * 10);
    const evenOffset = logOffset(even, 0, 10, levels);
    const bulkLevels = (levels * Math.log((9 + evenOffset) / (1 + evenOffset))) / span(evenOffset, 10);
    expect(bulkLevels).toBeGreaterThan(levels / 3);
    expect(evenOffset / 10).toBeGreaterThan(heavyOffset / 2500);
    // when no δ can keep levels near an extremely sharp minimum, the smallest one comes closest
    const extreme = Array.from({ length: 10_000 }, (_, i) => (i / 10_000) ** 12 * 2500);
    expect(logOffset(extreme, 0, 2500, levels)).toBe(2500 * 1e-9);
  });

  it('works for negative surfaces (Styblinski–Tang dips below zero) and skips non-finite samples', () => {
    const thresholds = logThresholds([-78, -10, Number.NaN, Infinity, 250], 5);
    expect(thresholds[0]).toBeCloseTo(-78, 10);
    expect(thresholds.every((t, k) => k === 0 || t > thresholds[k - 1])).toBe(true);
    expect(thresholds[4]).toBeLessThan(250);
  });

  it('sets the levels by the finite samples alone: undefined ones change none of them', () => {
    const finite = Array.from({ length: 400 }, (_, i) => Math.log(1 + i) + (i % 7));
    const withUndefined = [...finite.slice(0, 200), Number.NaN, -Infinity, Infinity, ...finite.slice(200)];
    // the same values in a grid with undefined samples in it: only logOffset's sampling stride could
    // differ, and at under 4096 samples it takes every one
    expect(logThresholds(withUndefined, 12)).toEqual(logThresholds(finite, 12));
  });

  it('gives one level for a flat surface and none for one with no finite value', () => {
    expect(logThresholds([2, 2, 2], 10)).toEqual([2]);
    expect(logThresholds([Number.NaN, Infinity], 10)).toEqual([]);
  });
});

describe('finiteRange', () => {
  it('is the smallest and largest finite value', () => {
    expect(finiteRange([3, -Infinity, 1, Number.NaN, 7])).toEqual([1, 7]);
    expect(finiteRange([])).toBeNull();
  });
});

describe('bandColour', () => {
  it('runs viridis from dark purple (lowest f) to yellow (highest)', () => {
    expect(bandColour(0, 28)).toBe('#440154');
    expect(bandColour(27, 28)).toBe('#fde725');
  });
});

describe('contourBandPaths', () => {
  const scales = mapScales(DOMAIN, 540, 540, { top: 20, right: 20, bottom: 20, left: 20 });

  it('gives one band per threshold, each band’s edge on its level line, in pixels to a tenth', () => {
    const grid = { domain: DOMAIN, columns: 41, rows: 41, values: sample((x) => x, 41, 41) };
    const paths = [...contourBandPaths(grid, [-1, 0.3, 1.25], scales)];
    expect(paths).toHaveLength(3);
    paths.forEach((d, k) => {
      const level = [-1, 0.3, 1.25][k];
      const vertices = Array.from(d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g), (match) => [Number(match[1]), Number(match[2])]);
      // the band {x ≥ level} is bounded by the level line and, half a cell beyond the plot, the grid's edges
      const edge = scales.x(level);
      expect(Math.abs(Math.min(...vertices.map(([px]) => px)) - edge)).toBeLessThanOrEqual(0.0501);
      const strayInside = vertices.filter(([px, py]) => py > scales.y(3) && py < scales.y(-1) && Math.abs(px - edge) > 0.051 && px < scales.x(2));
      expect(strayInside).toEqual([]);
    });
  });

  it('never leaves a hole of −∞ where samples are not finite', () => {
    const values = sample(() => 1, 5, 5);
    values[12] = Number.NaN;
    values[13] = Infinity;
    const grid = { domain: DOMAIN, columns: 5, rows: 5, values };
    const [band] = [...contourBandPaths(grid, [0.5], scales)];
    // one outline: the grid's edge, with no hole around the non-finite samples
    expect(band.match(/M/g)).toHaveLength(1);
  });

  it('runs the bands on under an undefined region instead of painting it as the highest band', () => {
    // f = −x is highest at the left edge; where x < −1 it is undefined (as log(x + 1) would be)
    const finite = sample((x) => -x, 41, 41);
    const values = sample((x) => (x < -1 ? Number.NaN : -x), 41, 41);
    const grid = { domain: DOMAIN, columns: 41, rows: 41, values };
    // the band {f ≥ 0.5} is x ≤ −0.5, whatever lies left of x = −1: with the undefined samples read
    // as very high (as before) its outline would be the same, but the band {f ≥ 1.5} must then be
    // empty, not the undefined region painted in the top colour
    const [middle, top] = [...contourBandPaths(grid, [0.5, 1.5], scales)];
    expect(pathNumbers(middle)).toEqual(pathNumbers([...contourBandPaths({ ...grid, values: finite }, [0.5], scales)][0]));
    expect(top).toBe('');
  });
});

describe('undefinedRegionPath', () => {
  const scales = mapScales(DOMAIN, 540, 540, { top: 20, right: 20, bottom: 20, left: 20 });

  it('is empty where f is finite everywhere', () => {
    expect(undefinedRegionPath({ domain: DOMAIN, columns: 9, rows: 9, values: sample((x, y) => x * y, 9, 9) }, scales)).toBe('');
  });

  it('draws x < 0 of log(x) in pixels: its right edge half a cell right of x = 0', () => {
    const columns = 41;
    const grid = { domain: DOMAIN, columns, rows: 41, values: sample((x) => Math.log(x), columns, 41) };
    const xs = pathNumbers(undefinedRegionPath(grid, scales)).filter((_number, i) => i % 2 === 0);
    const halfCell = (scales.x(2) - scales.x(-2)) / (columns - 1) / 2;
    // to the tenth of a pixel the paths are written with
    expect(Math.abs(Math.max(...xs) - (scales.x(0) + halfCell))).toBeLessThanOrEqual(0.0501);
    // the left edge half a cell beyond the plot, like the bands'
    expect(Math.abs(Math.min(...xs) - (scales.x(-2) - halfCell))).toBeLessThanOrEqual(0.0501);
  });
});

/** The numbers in SVG path data, in order. */
function pathNumbers(d: string): number[] {
  return Array.from(d.matchAll(/-?[\d.]+/g), (match) => Number(match[0]));
}
