import { interpolateViridis, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import type { SurfaceGrid } from '../engine/sample';
import { backendName } from './surface3d-backend';
import { PATH_LIFT, pathVertices, sceneExtent, suggestedHeightScale, surfaceMesh, SURFACE_HEIGHT, verticesShown } from './surface3d-geometry';

// Oracles: values worked out by hand for f = x² + y² on a 3 × 3 grid, the viridis ends from d3's
// own scheme (not the app's copy), and Rosenbrock's well-known walls against its valley.

/** f sampled at the grid's corners, row 0 at y = yMax, as engine/sample.ts lays it out. */
function grid(f: (x: number, y: number) => number, domain: [[number, number], [number, number]], columns: number, rows: number): SurfaceGrid {
  const values = new Float64Array(columns * rows);
  const [[xMin, xMax], [yMin, yMax]] = domain;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      values[row * columns + column] = f(xMin + ((xMax - xMin) * column) / (columns - 1), yMax - ((yMax - yMin) * row) / (rows - 1));
    }
  }
  return { columns, rows, domain, values };
}

const bowl = grid((x, y) => x * x + y * y, [[-1, 1], [-1, 1]], 3, 3);
const viridisEnd = (t: number) => {
  const { r, g, b } = rgb(interpolateViridis(t));
  return [r / 255, g / 255, b / 255];
};

describe('surfaceMesh', () => {
  it('puts each sample over its point of the plane at its height, f linear', () => {
    const mesh = surfaceMesh(bowl, 'linear');
    // f ranges over [0, 2]: a corner (f = 2) at the full height, an edge's middle (f = 1) at half, the centre at 0
    const at = (row: number, column: number) => Array.from(mesh.positions.slice((row * 3 + column) * 3, (row * 3 + column) * 3 + 3));
    expect(at(0, 0)[0]).toBeCloseTo(-1);
    expect(at(0, 0)[1]).toBeCloseTo(SURFACE_HEIGHT);
    // row 0 is y = yMax, the far edge: scene z = −1
    expect(at(0, 0)[2]).toBeCloseTo(-1);
    expect(at(1, 2)).toEqual([1, expect.closeTo(SURFACE_HEIGHT / 2, 6), 0]);
    expect(at(1, 1)).toEqual([0, 0, 0]);
    expect(mesh.planeToScene(1, -1)).toEqual([1, 1]);
  });

  it('winds every triangle counter-clockwise seen from above (normals up)', () => {
    const flat = surfaceMesh(grid(() => 1, [[0, 1], [0, 1]], 4, 4), 'linear');
    expect(flat.indices.length).toBe(3 * 3 * 6);
    for (let i = 0; i < flat.indices.length; i += 3) {
      const [a, b, c] = [0, 1, 2].map((k) => Array.from(flat.positions.slice(flat.indices[i + k] * 3, flat.indices[i + k] * 3 + 3)));
      const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      // y component of u × v
      expect(u[2] * v[0] - u[0] * v[2]).toBeGreaterThan(0);
    }
  });

  it('colours the lowest sample and the highest with the ends of viridis, as the contour map does', () => {
    const mesh = surfaceMesh(bowl, 'linear');
    const colourAt = (index: number) => Array.from(mesh.colours.slice(index * 3, index * 3 + 3));
    colourAt(4).forEach((channel, k) => expect(channel).toBeCloseTo(viridisEnd(0)[k], 2));
    colourAt(0).forEach((channel, k) => expect(channel).toBeCloseTo(viridisEnd(1)[k], 2));
  });

  it('reads the mesh height between samples bilinearly', () => {
    const mesh = surfaceMesh(bowl, 'linear');
    // half way from the centre (0) to the right edge's middle (0.45)
    expect(mesh.heightAt(0.5, 0)).toBeCloseTo(SURFACE_HEIGHT / 4);
    // a point off the grid reads its edge
    expect(mesh.heightAt(5, 0)).toBeCloseTo(SURFACE_HEIGHT / 2);
  });

  it('spaces log heights evenly in log(f − fMin + δ): the ends at 0 and the full height, monotone, concave', () => {
    const mesh = surfaceMesh(bowl, 'log');
    expect(mesh.heightOf(0)).toBe(0);
    expect(mesh.heightOf(2)).toBeCloseTo(SURFACE_HEIGHT);
    expect(mesh.heightOf(1e9)).toBe(SURFACE_HEIGHT);
    const heights = [0.01, 0.1, 0.5, 1, 1.5].map(mesh.heightOf);
    for (let k = 1; k < heights.length; k++) expect(heights[k]).toBeGreaterThan(heights[k - 1]);
    // log grows fastest near the minimum: f = 1 sits well above half the height
    expect(mesh.heightOf(1)).toBeGreaterThan(SURFACE_HEIGHT / 2);
  });

  it('keeps the domain aspect in the scene', () => {
    expect(sceneExtent([[-2, 2], [-1, 3]])).toEqual([1, 1]);
    expect(sceneExtent([[0, 4], [0, 2]])).toEqual([1, 0.5]);
  });
});

describe('suggestedHeightScale', () => {
  it('takes log f for Rosenbrock, whose walls dwarf its valley, and f for a bowl', () => {
    const rosenbrock = grid((x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [[-2, 2], [-1, 3]], 41, 41);
    expect(suggestedHeightScale(rosenbrock.values)).toBe('log');
    expect(suggestedHeightScale(grid((x, y) => x * x + y * y, [[-1, 1], [-1, 1]], 41, 41).values)).toBe('linear');
  });
});

describe('pathVertices and verticesShown', () => {
  it('lifts a path over the higher of its exact f and the mesh under it', () => {
    const mesh = surfaceMesh(bowl, 'linear');
    // (0, 0) with f = 0 exactly; (0.5, 0) with f = 0.25, where the facets sit higher (0.225 > 0.1125)
    const vertices = pathVertices(Float64Array.of(0, 0, 0.5, 0), Float64Array.of(0, 0.25), mesh);
    expect(Array.from(vertices.slice(0, 3))).toEqual([0, expect.closeTo(PATH_LIFT, 6), 0]);
    expect(vertices[4]).toBeCloseTo(SURFACE_HEIGHT / 4 + PATH_LIFT);
    expect(vertices[3]).toBeCloseTo(0.5);
  });

  it('draws the start and one vertex per step up to the step shown', () => {
    expect(verticesShown(41, 0)).toBe(1);
    expect(verticesShown(41, 2.7)).toBe(3);
    expect(verticesShown(41, 40)).toBe(41);
    expect(verticesShown(41, Infinity)).toBe(41);
    expect(verticesShown(0, 5)).toBe(0);
  });
});

describe('backendName', () => {
  it('names a software adapter as not a GPU', () => {
    expect(backendName({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } })).toBe('WebGPU (SwiftShader, not a GPU)');
    expect(backendName({ info: { vendor: 'microsoft', architecture: '' }, isFallbackAdapter: true })).toBe('WebGPU (a software fallback, not a GPU)');
    expect(backendName({ info: { vendor: 'nvidia', architecture: 'hopper', isFallbackAdapter: false } })).toBe('WebGPU');
    expect(backendName(null)).toBe('WebGL 2');
  });
});
