// Fair comparison of runs by what they cost to reach a target, as the COCO/BBOB benchmarking
// platform measures it: a target is a precision f − f* above the known optimum f*, and a run reaches
// it when the best f it has evaluated so far is within it; its cost is the function evaluations made
// by then (counted by the oracle, recorded per point, so the cost is read at the first point where
// the best f is within the target: per iteration of the method, not per single evaluation).

/** The targets f − f* of the COCO/BBOB platform: 1e-1, 1e-2, ..., 1e-8. */
export const TARGET_PRECISIONS: readonly number[] = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

/** How one seed of a run ended and what it cost to reach each target. */
export interface SeedOutcome {
  /** f at the last finite point. */
  readonly finalLoss: number;
  /** The lowest f evaluated. */
  readonly bestLoss: number;
  /** Function evaluations made in all. */
  readonly evaluations: number;
  /** Per target (in the job's order): function evaluations made when the best f first came within it; NaN when it never did (or f* is unknown). */
  readonly hitEvaluations: Float64Array;
}

/**
 * For each target t, the function evaluations made by the first point k with bestLoss[k] − optimum ≤ t
 * (evaluations[k]), NaN if none; all NaN when the optimum is unknown (null).
 */
export function targetHits(bestLoss: ArrayLike<number>, evaluations: ArrayLike<number>, optimum: number | null, targets: readonly number[]): Float64Array {
  const hits = new Float64Array(targets.length).fill(NaN);
  if (optimum === null) return hits;
  // the best f only falls, so each target is met from its first hit on: one pass, targets in any order
  let pending = targets.length;
  for (let k = 0; k < bestLoss.length && pending > 0; k++) {
    const precision = bestLoss[k] - optimum;
    for (let t = 0; t < targets.length; t++) {
      if (Number.isNaN(hits[t]) && precision <= targets[t]) {
        hits[t] = evaluations[k];
        pending--;
      }
    }
  }
  return hits;
}
