import type { MethodInspection } from './methods/inspection';
import { Runner, type RunOptions } from './run';

// The step inspector: a run replayed to step k with its method inspecting, read at k. Replaying is
// exact (the engine is deterministic: same options, same path bit for bit) and costs k steps, which
// is microseconds for the runs people scrub; nothing is kept per step on ordinary runs.

/** One run at one step, as the inspector shows it. */
export interface StepInspection {
  /** The trajectory index inspected: the one asked for, or the run's last where it ended before. */
  readonly step: number;
  /** x_k. */
  readonly point: Float64Array;
  /** f(x_k) as the run recorded it (on mini-batches: over all the training rows). */
  readonly value: number;
  /** ∇f(x_k), exact (no gradient noise, over all the data), evaluated outside the run's counts; shown for every method, used only by some. */
  readonly gradient: Float64Array;
  /** x_{k−1}; null at the start. */
  readonly previousPoint: Float64Array | null;
  /** The update Δ = x_k − x_{k−1}; null at the start. */
  readonly delta: Float64Array | null;
  /** Evaluations of f, ∇f and ∇²f the run had made by x_k. */
  readonly evaluations: { readonly function: number; readonly gradient: number; readonly hessian: number };
  /** The method's state after step k and step k told sub-step by sub-step; null for a method without inspect(). */
  readonly method: MethodInspection | null;
}

/** Replays the run of `options` to trajectory index `step` (clamped to where it ends) and inspects it there. */
export function inspectStep(options: RunOptions, step: number): StepInspection {
  const wanted = Math.max(0, Math.min(Math.floor(step), options.numSteps));
  const runner = new Runner({ ...options, numSteps: wanted, inspecting: true });
  runner.advance(wanted);
  // a run that diverged at step j stops with its method past x_{j−1}: its state is then that of the failed step
  const method = runner.diverged !== null && runner.stepsTaken < wanted ? null : runner.inspect();
  const result = runner.result(false);
  const { dimension } = result;
  const index = result.loss.length - 1;
  const point = result.trajectory.slice(index * dimension, (index + 1) * dimension);
  const previous = index > 0 ? result.trajectory.slice((index - 1) * dimension, index * dimension) : null;
  const gradient = new Float64Array(dimension);
  options.objective.valueAndGradient(point, gradient);
  return {
    step: index,
    point,
    value: result.loss[index],
    gradient,
    previousPoint: previous,
    delta: previous === null ? null : point.map((coordinate, i) => coordinate - previous[i]),
    evaluations: { function: result.evaluations.function[index], gradient: result.evaluations.gradient[index], hessian: result.evaluations.hessian[index] },
    method,
  };
}
