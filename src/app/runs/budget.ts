// Budget mode: every run stops at the same cost. The engine's results are left whole (scrubbing and
// switching the axis never recompute); the views draw each run cut at its last point within the
// budget, so the map, the loss chart and the cards all show the same cut. Pure, tested in Node.
import { budgetStop, type CostAxis, type DataCost, type GradientCost } from '../../experiment/cost';
import type { RunPayload } from '../../worker/protocol';

/** How runs are cut: the x axis's measure, the price of a gradient, and the budget (null: off). */
export interface BudgetSettings {
  readonly lossAxis: CostAxis;
  readonly gradientCost: GradientCost;
  readonly budget: number | null;
  /** A data problem's steps per epoch and rows per evaluation (the epoch and examples axes). */
  readonly data?: DataCost | null;
}

/** A run's result as the views draw it, and the index of the point the budget stopped it at (null: not stopped). */
export interface BudgetedRun {
  readonly result: RunPayload;
  readonly stoppedAt: number | null;
}

/** The result cut to its first `count` points (views of the same buffers, not copies). */
export function cutResult(result: RunPayload, count: number): RunPayload {
  const { dimension } = result;
  const last = count - 1;
  const { function: values, gradient, hessian } = result.evaluations;
  return {
    ...result,
    trajectory: result.trajectory.subarray(0, count * dimension),
    loss: result.loss.subarray(0, count),
    evaluations: { function: values.subarray(0, count), gradient: gradient.subarray(0, count), hessian: hessian.subarray(0, count) },
    bestLoss: result.bestLoss.subarray(0, count),
    elapsedMs: result.elapsedMs.subarray(0, count),
    snapshots: result.snapshots ? result.snapshots.slice(0, count) : null,
    // what happened after the cut did not happen within the budget
    diverged: result.diverged && result.diverged.step <= last ? result.diverged : null,
    converged: result.converged && result.converged.step <= last ? result.converged : null,
    diagnosis: null,
  };
}

/** One run under the budget: cut where its cost first passes the budget, or as it is. */
export function budgeted(result: RunPayload, settings: BudgetSettings): BudgetedRun {
  const stoppedAt = budgetStop(result, settings.lossAxis, settings.gradientCost, settings.budget, settings.data ?? null);
  return stoppedAt === null ? { result, stoppedAt: null } : { result: cutResult(result, stoppedAt + 1), stoppedAt };
}

// The last answer, so the map, the chart and the cards share the same cut arrays (the views keep a
// path per trajectory array) and a re-render with the same results and settings costs nothing.
let cache: { results: readonly RunPayload[]; key: string; runs: readonly BudgetedRun[]; cut: readonly RunPayload[] } | null = null;

function cached(results: readonly RunPayload[], settings: BudgetSettings) {
  const key = `${settings.lossAxis} ${settings.gradientCost} ${settings.budget} ${settings.data?.batchesPerEpoch} ${settings.data?.rowsPerEvaluation}`;
  if (cache && cache.results === results && cache.key === key) return cache;
  const runs = results.map((result) => (settings.budget === null ? { result, stoppedAt: null } : budgeted(result, settings)));
  cache = { results, key, runs, cut: runs.map((run) => run.result) };
  return cache;
}

/** Every run under the budget, in order; the same array for the same results and settings. */
export function budgetedRuns(results: readonly RunPayload[], settings: BudgetSettings): readonly BudgetedRun[] {
  return cached(results, settings).runs;
}

/** The store's results under the budget (null before the engine answers); the same array for the same results and settings. */
export function budgetedResults(results: readonly RunPayload[] | null, settings: BudgetSettings): readonly RunPayload[] | null {
  if (results === null || settings.budget === null) return results;
  return cached(results, settings).cut;
}
