// Bounded memory for many seeds. Each seed's path is reduced, in the worker that ran it, to its
// points at a bounded set of steps (every step for short runs, evenly spaced ones for long runs),
// so what the page gathers before the quartiles are taken, and the quartiles it keeps, are bounded
// whatever seeds × steps is: 1,000 seeds × 100,000 steps were 2.4 GB of paths, every one kept until
// the quartiles were done. The quartiles at the kept steps are exact (the same numbers as from the
// whole paths); no single seed's path is kept, only its outcome (final and best f, evaluations).

/** Most steps at which many seeds keep their quartiles: above the views' own thinning (1,500 boxes, 2,000 band points). */
export const MAX_SEED_POINTS = 2_001;

/** Most floats of reduced paths the page gathers at once before they are summarised: 2²² (32 MiB). */
export const SEED_PATH_FLOATS = 2 ** 22;

/** Points kept per seed of a `count`-seed job of `numSteps` steps on `dimension` coordinates (at least the start and the end). */
export function seedPointCount(numSteps: number, count: number, dimension: number): number {
  const byBudget = Math.floor(SEED_PATH_FLOATS / (Math.max(1, count) * (dimension + 1)));
  return Math.max(2, Math.min(numSteps + 1, MAX_SEED_POINTS, byBudget));
}

/** The steps of the `points` kept points: 0 to numSteps, evenly spaced (every step when points is numSteps + 1). */
export function seedPointSteps(numSteps: number, points: number): Float64Array {
  const steps = new Float64Array(points);
  if (points === 1) return steps;
  // the spacing is at least one step, so rounding keeps them strictly increasing
  for (let index = 0; index < points; index++) steps[index] = Math.round((index * numSteps) / (points - 1));
  return steps;
}

/**
 * A seed's path and loss curve at the kept steps; past its last point (a run that diverged) its
 * last finite point stands, as the quartiles over whole paths count it. An empty path (a run
 * compared by its outcome only) stays empty.
 */
export function thinSeedPath(
  path: { readonly trajectory: Float64Array; readonly loss: Float64Array; readonly dimension: number },
  steps: ArrayLike<number>,
): { trajectory: Float64Array; loss: Float64Array } {
  const { trajectory, loss, dimension } = path;
  if (loss.length === 0) return { trajectory, loss };
  const keptTrajectory = new Float64Array(steps.length * dimension);
  const keptLoss = new Float64Array(steps.length);
  for (let index = 0; index < steps.length; index++) {
    const at = Math.min(steps[index], loss.length - 1);
    keptLoss[index] = loss[at];
    keptTrajectory.set(trajectory.subarray(at * dimension, (at + 1) * dimension), index * dimension);
  }
  return { trajectory: keptTrajectory, loss: keptLoss };
}

/** The index of the last kept point at or before `step` (steps ascending; absent: point i is step i). */
export function pointAtStep(steps: ArrayLike<number> | undefined, numPoints: number, step: number): number {
  if (!steps) return Math.max(0, Math.min(numPoints - 1, Math.floor(step)));
  let low = 0;
  let high = numPoints - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (steps[middle] <= step) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** What a many-seeds job keeps and gathers, in floats and bytes. */
export interface SeedsMemory {
  /** Points (steps) at which the quartiles are kept. */
  readonly points: number;
  /** The quartiles (lower, median, upper of each coordinate and f) and the kept steps. */
  readonly summaryFloats: number;
  /** Each seed's outcome of every compared run: final and best f, evaluations, one per target. */
  readonly outcomeFloats: number;
  /** Bytes kept after the job: summaries and outcomes. */
  readonly keptBytes: number;
  /** Floats of reduced paths gathered at once while the job runs (gone once summarised). */
  readonly gatheredFloats: number;
}

/** The memory of `count` seeds × `numSteps` steps on `dimension` coordinates, `compared` runs, `targets` targets each. */
export function seedsMemory(count: number, numSteps: number, dimension: number, compared: number, targets: number): SeedsMemory {
  const points = seedPointCount(numSteps, count, dimension);
  const summaryFloats = points * (3 * (dimension + 1) + 1);
  const outcomeFloats = compared * count * (3 + targets);
  return { points, summaryFloats, outcomeFloats, keptBytes: 8 * (summaryFloats + outcomeFloats), gatheredFloats: count * points * (dimension + 1) };
}
