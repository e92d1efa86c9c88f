// The 3-D view's geometry, apart from any renderer: where each grid sample and each path point
// goes in the scene, and what colour each vertex takes. Pure numbers, so it is tested without a
// GPU. The scene is three.js's: y up, the plane's x to the right and its y going away from the
// viewer (scene −z), the domain fitted in a 2 × 2 square with its aspect kept, f as height.
import type { Domain } from '../engine/objective';
import type { SurfaceGrid } from '../engine/sample';
import { bandColour, finiteRange, logOffset, logThresholds } from './contour-map';
import { fillUndefined } from './undefined-region';

/** How f becomes height: f itself, or log(f − fMin + δ) as the contour map's colours space it. */
export type HeightScale = 'linear' | 'log';

/** The height of the highest sample, in scene units (the domain's longer side is 2). */
export const SURFACE_HEIGHT = 0.9;
/** How far a path floats over the surface, in scene units: above the mesh's facets, under a marker's radius. */
export const PATH_LIFT = 0.012;
/** Contour levels of the colour scale: the contour map's own count, so both read alike. */
const COLOUR_LEVELS = 28;
/** Where f is undefined: the contour map hatches it; here a neutral grey. */
const UNDEFINED_COLOUR: readonly [number, number, number] = [0.55, 0.55, 0.55];
/** "Auto" takes log f when half the map sits below this share of a linear height. */
const FLAT_HEIGHT = 0.1;

/** "#rrggbb" as [r, g, b] in [0, 1] (sRGB, as written). */
export function rgbOf(colour: string): [number, number, number] {
  const hex = colour.replace('#', '');
  return [0, 2, 4].map((offset) => parseInt(hex.slice(offset, offset + 2), 16) / 255) as [number, number, number];
}

/**
 * Log f when a linear height would leave most of the surface flat (Rosenbrock's walls dwarf its
 * valley; Beale's corners its basin): half the samples or more in the lowest 10% of the range.
 */
export function suggestedHeightScale(values: ArrayLike<number>): HeightScale {
  const range = finiteRange(values);
  if (!range || !(range[1] > range[0])) return 'linear';
  const [low, high] = range;
  let flat = 0;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    finite++;
    if ((values[i] - low) / (high - low) < FLAT_HEIGHT) flat++;
  }
  return flat >= finite / 2 ? 'log' : 'linear';
}

/** The surface as a mesh: positions, per-vertex colours and triangles, and the maps paths are placed with. */
export interface SurfaceMesh {
  readonly columns: number;
  readonly rows: number;
  /** x, y, z per sample, row-major as the grid (row 0 at the far edge, y = yMax). */
  readonly positions: Float32Array;
  /** r, g, b in [0, 1] (sRGB) per sample: the contour map's band colour at that sample. */
  readonly colours: Float32Array;
  /** Two triangles per grid cell, counter-clockwise seen from above. */
  readonly indices: Uint32Array;
  /** The height f would have (clamped to the surface's range, so a path that climbs off the map stays on it). */
  heightOf(value: number): number;
  /** The mesh's own height over a point of the plane: bilinear between the four samples around it. */
  heightAt(x: number, y: number): number;
  /** Scene x and z of a point of the plane. */
  planeToScene(x: number, y: number): [number, number];
}

/** The half-widths of the scene's square the domain fills, keeping its aspect: the longer side spans −1..1. */
export function sceneExtent(domain: Domain): [number, number] {
  const width = domain[0][1] - domain[0][0];
  const depth = domain[1][1] - domain[1][0];
  const longer = Math.max(width, depth);
  return [width / longer, depth / longer];
}

/** f → height in [0, SURFACE_HEIGHT] for values in [low, high], linear or log as the contour colours. */
function heightFunction(values: ArrayLike<number>, scale: HeightScale): (value: number) => number {
  const range = finiteRange(values);
  if (!range || !(range[1] > range[0])) return () => 0;
  const [low, high] = range;
  const clamp = (height: number) => Math.max(0, Math.min(SURFACE_HEIGHT, height));
  if (scale === 'linear') return (value) => (Number.isFinite(value) ? clamp(((value - low) / (high - low)) * SURFACE_HEIGHT) : SURFACE_HEIGHT);
  const offset = logOffset(values, low, high, COLOUR_LEVELS);
  const logLow = Math.log(offset);
  const span = Math.log(high - low + offset) - logLow;
  return (value) => {
    if (!Number.isFinite(value)) return SURFACE_HEIGHT;
    const shifted = value - low + offset;
    return shifted <= offset ? 0 : clamp(((Math.log(shifted) - logLow) / span) * SURFACE_HEIGHT);
  };
}

/** The colour band a value falls in: the last threshold at or below it, as the contour map stacks its fills. */
function bandIndex(thresholds: readonly number[], value: number): number {
  let low = 0;
  let high = thresholds.length - 1;
  // binary search for the last threshold ≤ value
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (thresholds[middle] <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Builds the mesh of a sampled surface with its heights on `scale`. */
export function surfaceMesh(grid: SurfaceGrid, scale: HeightScale): SurfaceMesh {
  const { columns, rows, domain } = grid;
  const filled = fillUndefined(grid.values, columns, rows);
  const heightOf = heightFunction(grid.values, scale);
  const thresholds = logThresholds(grid.values, COLOUR_LEVELS);
  const [halfWidth, halfDepth] = sceneExtent(domain);
  const [[xMin, xMax], [yMin, yMax]] = domain;
  const planeToScene = (x: number, y: number): [number, number] => [
    -halfWidth + ((x - xMin) / (xMax - xMin)) * 2 * halfWidth,
    halfDepth - ((y - yMin) / (yMax - yMin)) * 2 * halfDepth,
  ];
  const count = columns * rows;
  const positions = new Float32Array(count * 3);
  const colours = new Float32Array(count * 3);
  const heights = new Float64Array(count);
  const palette = thresholds.map((_threshold, index) => rgbOf(bandColour(index, thresholds.length)));
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column;
      const height = Number.isFinite(filled[index]) ? heightOf(filled[index]) : 0;
      heights[index] = height;
      positions[index * 3] = -halfWidth + (column / (columns - 1)) * 2 * halfWidth;
      positions[index * 3 + 1] = height;
      // row 0 is y = yMax, the far edge
      positions[index * 3 + 2] = -halfDepth + (row / (rows - 1)) * 2 * halfDepth;
      const value = grid.values[index];
      const colour = Number.isFinite(value) && palette.length > 0 ? palette[bandIndex(thresholds, value)] : UNDEFINED_COLOUR;
      colours.set(colour, index * 3);
    }
  }
  const indices = new Uint32Array((columns - 1) * (rows - 1) * 6);
  let next = 0;
  for (let row = 0; row < rows - 1; row++) {
    for (let column = 0; column < columns - 1; column++) {
      const farLeft = row * columns + column;
      const farRight = farLeft + 1;
      const nearLeft = farLeft + columns;
      const nearRight = nearLeft + 1;
      // counter-clockwise seen from +y (above): far-left, near-left, near-right; far-left, near-right, far-right
      indices.set([farLeft, nearLeft, nearRight, farLeft, nearRight, farRight], next);
      next += 6;
    }
  }
  const heightAt = (x: number, y: number): number => {
    const u = Math.max(0, Math.min(columns - 1, ((x - xMin) / (xMax - xMin)) * (columns - 1)));
    const v = Math.max(0, Math.min(rows - 1, ((yMax - y) / (yMax - yMin)) * (rows - 1)));
    const column = Math.min(columns - 2, Math.floor(u));
    const row = Math.min(rows - 2, Math.floor(v));
    const s = u - column;
    const t = v - row;
    const at = (r: number, c: number) => heights[r * columns + c];
    return (1 - t) * ((1 - s) * at(row, column) + s * at(row, column + 1)) + t * ((1 - s) * at(row + 1, column) + s * at(row + 1, column + 1));
  };
  return { columns, rows, positions, colours, indices, heightOf, heightAt, planeToScene };
}

/**
 * A path's vertices in the scene, x, y, z per recorded point: over the plane where it went, at the
 * height of its exact f or of the mesh under it, whichever is higher (the mesh's facets cut
 * across a curved valley's floor), lifted by PATH_LIFT so the surface does not hide it.
 */
export function pathVertices(trajectory: Float64Array, loss: Float64Array, mesh: Pick<SurfaceMesh, 'heightOf' | 'heightAt' | 'planeToScene'>): Float32Array {
  const count = Math.min(trajectory.length / 2, loss.length);
  const vertices = new Float32Array(count * 3);
  for (let k = 0; k < count; k++) {
    const x = trajectory[2 * k];
    const y = trajectory[2 * k + 1];
    const [sceneX, sceneZ] = mesh.planeToScene(x, y);
    vertices[3 * k] = sceneX;
    vertices[3 * k + 1] = Math.max(mesh.heightOf(loss[k]), mesh.heightAt(x, y)) + PATH_LIFT;
    vertices[3 * k + 2] = sceneZ;
  }
  return vertices;
}

/** Vertices of a path drawn at step k: the start and one per step up to k, no more than were recorded. */
export function verticesShown(pointCount: number, step: number): number {
  return pointCount === 0 ? 0 : Math.max(1, Math.min(pointCount, Math.floor(step) + 1));
}
