import type { Objective } from '../objective';
import { Random } from '../random';
import type { SurfaceGrid } from '../sample';
import type { ParameterFilters } from './parameter-filters';
import { pathPrincipalComponents } from './path-pca';
import { randomSliceDirections } from './filter-normalized-direction';
import { sampleSlice, sliceDomain } from './slice-grid';
import { SliceProjection } from './slice-projection';

// A 2-D slice of an n-D loss landscape with every run's path projected onto it: the parameter plane
// of a problem with more than two parameters. It shows f on one plane through one point; valleys
// and ridges that cross the plane obliquely look shallower than they are, and the paths' distances
// from the plane are lost (Li et al. 2018).

/** How the slice's two directions are chosen. */
export type SliceDirections = 'random' | 'pca';

/** Grid resolution of the slice (f is evaluated columns × rows times) when f is cheap. */
export const SLICE_GRID = { columns: 41, rows: 41 } as const;
/** The coarsest grid a costly f gets. */
const MIN_SLICE_COLUMNS = 15;
/**
 * Multiply-adds a slice may spend (about a second in the engine worker): a 2-8-8-1 MLP on 200 rows
 * (105 parameters) gets the full 41 × 41, a 64-32-10 MLP on 1,437 digits (2,410 parameters) 15 × 15.
 */
const SLICE_WORK = 1e9;

/**
 * Columns (= rows) of a slice's grid for an f that costs `evaluationCost` multiply-adds (about rows
 * of data × parameters): as many as SLICE_WORK allows, odd so that a sample falls on the centre's
 * line when the domain is symmetric, between MIN_SLICE_COLUMNS and SLICE_GRID.columns.
 */
export function sliceResolution(evaluationCost: number): number {
  const affordable = Math.floor(Math.sqrt(SLICE_WORK / Math.max(1, evaluationCost)));
  const odd = affordable % 2 === 1 ? affordable : affordable - 1;
  return Math.max(MIN_SLICE_COLUMNS, Math.min(SLICE_GRID.columns, odd));
}

/** What a slice needs: f, the runs' paths and which run it goes through. */
export interface LandscapeSliceInput {
  readonly objective: Objective;
  /** Filters and biases of the model's parameters, null for a problem without a model (a surface). */
  readonly layout: ParameterFilters | null;
  /** Each run's recorded points, flattened (n per point); a hidden run may be an empty array. */
  readonly paths: readonly Float64Array[];
  /** The run the slice goes through (and whose path gives the principal components). */
  readonly runIndex: number;
  /** The step whose point is the centre of a random slice (clamped to the run's last point). */
  readonly step: number;
  readonly directions: SliceDirections;
  /** Seed of the random directions. */
  readonly seed: number;
  readonly columns?: number;
  readonly rows?: number;
}

/** The slice's loss grid over (α, β), the paths projected onto it and, for PCA, the variance each axis explains. */
export interface LandscapeSlice {
  readonly grid: SurfaceGrid;
  /** Per input path, flattened (α, β) pairs. */
  readonly paths: readonly Float64Array[];
  /** Share of the path's variance along α and β (PCA), null for random directions. */
  readonly explainedVarianceRatio: readonly [number, number] | null;
  /** The slice's plane: θ_c and the directions d1 (α) and d2 (β). */
  readonly centre: Float64Array;
  readonly directions: readonly [Float64Array, Float64Array];
}

/** The point of `path` (n per point) at `step`, clamped to its last finite point. */
function pointAt(path: Float64Array, dimension: number, step: number): Float64Array {
  const count = Math.floor(path.length / dimension);
  for (let k = Math.min(count - 1, Math.max(0, Math.floor(step))); k >= 0; k--) {
    const point = path.subarray(k * dimension, (k + 1) * dimension);
    if (point.every(Number.isFinite)) return Float64Array.from(point);
  }
  return new Float64Array(dimension);
}

/**
 * Computes a slice: through the run's point at `step` along random (filter-normalized) directions,
 * or through its final point along its path's top two principal components. The loss is the full
 * objective (all training rows of a data problem, not a mini-batch).
 */
export function lossLandscapeSlice(input: LandscapeSliceInput): LandscapeSlice {
  const { objective, paths, runIndex } = input;
  const n = objective.dimension;
  const path = paths[runIndex] ?? new Float64Array(0);
  let centre: Float64Array;
  let directions: [Float64Array, Float64Array];
  let explainedVarianceRatio: [number, number] | null = null;
  if (input.directions === 'pca') {
    centre = pointAt(path, n, Infinity);
    const pca = pathPrincipalComponents(path, n);
    directions = [pca.components[0], pca.components[1]];
    explainedVarianceRatio = [pca.explainedVarianceRatio[0], pca.explainedVarianceRatio[1]];
  } else {
    centre = pointAt(path, n, input.step);
    directions = randomSliceDirections(centre, input.layout, new Random(input.seed));
  }
  const projection = new SliceProjection(centre, directions[0], directions[1]);
  const projected = paths.map((each) => projection.projectPath(each));
  const domain = sliceDomain(projected);
  const full = objective.miniBatches;
  const value = full ? (point: Float64Array) => full.fullValue(point) : (point: Float64Array) => objective.value(point);
  const grid = sampleSlice(value, centre, directions[0], directions[1], domain, input.columns ?? SLICE_GRID.columns, input.rows ?? SLICE_GRID.rows);
  return { grid, paths: projected, explainedVarianceRatio, centre, directions };
}
