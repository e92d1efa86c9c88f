import { describe, expect, it } from 'vitest';
import { Random } from '../engine/random';
import { buildScreenPath, clipBox, clipSegment, type ScreenPath } from './screen-path';
import type { PlotBox } from './scales';

const BOX: PlotBox = { left: 0, right: 100, top: 0, bottom: 50 };
const identity = (value: number) => value;

/** Path data back to subpaths of [x, y] points: an independent reading of what the string draws. */
function parsePath(d: string): [number, number][][] {
  const subpaths: [number, number][][] = [];
  for (const match of d.matchAll(/([ML])(-?[\d.e+-]+),(-?[\d.e+-]+)/g)) {
    const point: [number, number] = [Number(match[2]), Number(match[3])];
    if (match[1] === 'M') subpaths.push([point]);
    else subpaths[subpaths.length - 1].push(point);
  }
  return subpaths;
}

function build(points: [number, number][], box: PlotBox = BOX): ScreenPath {
  return buildScreenPath(points.flat(), points.length, identity, identity, box);
}

describe('buildScreenPath', () => {
  it('draws every point of a path that stays on the plot, to 1/100 of a pixel', () => {
    const random = new Random(7);
    const points = Array.from({ length: 500 }, () => [random.nextFloat() * 100, random.nextFloat() * 50] as [number, number]);
    const subpaths = parsePath(build(points).d);
    expect(subpaths).toHaveLength(1);
    expect(subpaths[0]).toHaveLength(500);
    subpaths[0].forEach(([x, y], k) => {
      expect(Math.abs(x - points[k][0])).toBeLessThanOrEqual(0.005);
      expect(Math.abs(y - points[k][1])).toBeLessThanOrEqual(0.005);
    });
  });

  it('cuts the path at step k exactly after point k: playback only slices the string', () => {
    const points: [number, number][] = [
      [10, 10],
      [20, 15],
      [30, 12],
      [45, 40],
      [60, 5],
    ];
    const { d, ends } = build(points);
    expect(ends[ends.length - 1]).toBe(d.length);
    for (let k = 0; k < points.length; k++) {
      expect(parsePath(d.slice(0, ends[k]))).toEqual([points.slice(0, k + 1)]);
    }
  });

  it('maps through the given scales (y flipped as on the map)', () => {
    const { d } = buildScreenPath([0, 0, 1, 1], 2, (x) => 10 + 40 * x, (y) => 45 - 40 * y, BOX);
    expect(parsePath(d)).toEqual([
      [
        [10, 45],
        [50, 5],
      ],
    ]);
  });

  it('clips a run that heads for divergence to the box along the true direction, and lifts the pen while it is outside', () => {
    // out to 1e12 (where the engine calls it diverged) and back onto the plot
    const points: [number, number][] = [
      [50, 25],
      [1e12, 25 + 5e11],
      [60, 30],
    ];
    const subpaths = parsePath(build(points).d);
    expect(subpaths).toHaveLength(2);
    const [out, back] = subpaths;
    expect(out[0]).toEqual([50, 25]);
    // leaves through the right edge on the line y = 25 + (x - 50) / 2
    expect(out[1][0]).toBe(100);
    expect(out[1][1]).toBeCloseTo(50, 2);
    // comes back along the segment from (1e12, …) to (60, 30): it enters where that line meets x = 100 or y = 50
    expect(back[back.length - 1]).toEqual([60, 30]);
    const [entryX, entryY] = back[0];
    const slope = (25 + 5e11 - 30) / (1e12 - 60);
    expect(entryY).toBeCloseTo(30 + slope * (entryX - 60), 2);
    expect(entryX === 100 || entryY === 50).toBe(true);
  });

  it('draws nothing for a segment wholly outside, and never prints NaN', () => {
    const points: [number, number][] = [
      [200, 200],
      [300, 300],
      [Number.NaN, 5],
      [10, 10],
      [20, 20],
    ];
    const { d, ends } = build(points);
    expect(d).not.toContain('NaN');
    expect(parsePath(d)).toEqual([
      [
        [10, 10],
        [20, 20],
      ],
    ]);
    expect(ends[0]).toBe(0);
    expect(ends[2]).toBe(0);
  });

  it('gives an empty path for no points', () => {
    expect(build([])).toEqual({ d: '', ends: new Uint32Array(0) });
  });
});

describe('clipSegment', () => {
  it('agrees with sampling the segment: the kept part is exactly the part inside the box', () => {
    const random = new Random(11);
    const disagreements: string[] = [];
    for (let trial = 0; trial < 300; trial++) {
      const [x0, y0, x1, y1] = Array.from({ length: 4 }, () => -100 + random.nextFloat() * 300);
      const clipped = clipSegment(x0, y0, x1, y1, BOX);
      for (let i = 0; i <= 200; i++) {
        const t = i / 200;
        const x = x0 + t * (x1 - x0);
        const y = y0 + t * (y1 - y0);
        const inside = x >= BOX.left && x <= BOX.right && y >= BOX.top && y <= BOX.bottom;
        const kept = clipped !== null && t >= clipped[0] - 1e-12 && t <= clipped[1] + 1e-12;
        // points within a hair of the edge may go either way in floating point
        const nearEdge = Math.min(Math.abs(x - BOX.left), Math.abs(x - BOX.right), Math.abs(y - BOX.top), Math.abs(y - BOX.bottom)) < 1e-9;
        if (!nearEdge && kept !== inside) disagreements.push(`(${x0}, ${y0}) → (${x1}, ${y1}) at t = ${t}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('clipBox', () => {
  it('grows the plot by twice its size on every side', () => {
    expect(clipBox(BOX)).toEqual({ left: -200, right: 300, top: -100, bottom: 150 });
  });
});

describe('buildScreenPath thinning', () => {
  it('leaves out points within a quarter pixel of the line drawn, and every left-out point stays that close to it', () => {
    // a run converging to (50, 25): 100,000 steps, most of them inside one pixel
    const points: [number, number][] = Array.from({ length: 100_000 }, (_, k) => [50 + 40 * 0.999 ** k, 25 - 20 * 0.999 ** k]);
    const { d, ends } = build(points);
    const drawn = parsePath(d)[0];
    expect(drawn.length).toBeLessThan(1_000);
    expect(drawn[0]).toEqual(points[0]);
    // at every step k the prefix ends within a quarter pixel (plus rounding) of point k
    for (let k = 0; k < points.length; k += 97) {
      const prefix = parsePath(d.slice(0, ends[k]))[0];
      const [x, y] = prefix[prefix.length - 1];
      expect(Math.abs(x - points[k][0])).toBeLessThan(0.255);
      expect(Math.abs(y - points[k][1])).toBeLessThan(0.255);
    }
  });
});
