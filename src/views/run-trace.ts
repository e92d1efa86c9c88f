import type { Divergence } from '../engine/run';

/** What the views draw for one run: its path, its loss curve and how it ended. */
export interface RunTrace {
  readonly label: string;
  readonly color: string;
  /** Flattened [x0, y0, x1, y1, ...]: the start first, one point per recorded step. */
  readonly trajectory: Float64Array;
  /** loss[k] = f(trajectory point k). */
  readonly loss: Float64Array;
  readonly diverged: Divergence | null;
}

/** Number of points a trace holds (steps recorded + 1). */
export function pointCount(trace: RunTrace): number {
  return trace.trajectory.length / 2;
}
