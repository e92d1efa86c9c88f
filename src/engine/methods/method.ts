import type { ClipSpec } from '../clipping';
import type { Oracle } from '../oracle';
import type { ScheduleSpec } from '../schedules';
import type { KernelBuilder } from './first-order/kernel';
import type { Domain } from '../objective';
import type { HyperSpec, HyperValues } from './hyperparameters';
import type { MethodSnapshot } from './snapshot';
import type { MethodInspection } from './inspection';

// How a point moves. A method declares what it needs of the objective, owns its state, and reaches
// f, ∇f and ∇²f only through the counting Oracle, so a race between first-order, second-order and
// gradient-free methods compares them by the evaluations each made. One step is one iteration of
// the method (an optimizer update, a Newton step, a simplex move).

/** What a method evaluates: f alone (gradient-free), ∇f, ∇²f, or a least-squares problem's residuals and Jacobian. */
export interface MethodNeeds {
  readonly value: boolean;
  readonly gradient: boolean;
  readonly hessian: boolean;
  /** f = Σ rᵢ² with r and its Jacobian (Objective.leastSquares): Gauss-Newton, Levenberg-Marquardt, least_squares. */
  readonly residuals?: boolean;
}

/** How the method picker groups the methods. */
export type MethodFamily = 'first-order' | 'second-order' | 'least-squares' | 'quasi-newton' | 'gradient-free' | 'zeroth-order';

/** The picker's group names, in its order. */
export const METHOD_FAMILY_NAMES: Readonly<Record<MethodFamily, string>> = {
  'first-order': 'First-order (gradient)',
  'second-order': 'Second-order (Hessian)',
  'least-squares': 'Least squares (residuals and Jacobian)',
  'quasi-newton': 'Quasi-Newton and conjugate gradient',
  'gradient-free': 'Gradient-free search',
  'zeroth-order': 'Zeroth-order gradient estimates',
};

/** What a run hands its method besides the hyperparameters. */
export interface MethodContext {
  readonly dimension: number;
  /** Learning-rate schedule (methods with an `lr`); constant when absent. */
  readonly schedule?: ScheduleSpec;
  /** Gradient clipping before each update (gradient methods); none when absent. */
  readonly clip?: ClipSpec;
  /**
   * uint32 seed of the method's own randomness (proposals, populations, probe directions): derived
   * from the run's seed, apart from the gradient-noise stream. Same link, same draws.
   */
  readonly seed: number;
  /** The region the user is looking at (random search samples it uniformly); absent outside the app (the CLI gives the problem's plotting domain). */
  readonly domain?: Domain;
  /**
   * True only when the run is replayed for the step inspector (engine/inspect-step.ts): the method
   * may then keep what inspect() needs (copies of its state before each step, the intermediate
   * values of an update). Absent on every other run, which must not pay for it.
   */
  readonly inspecting?: boolean;
}

/** One method's state for one run. */
export interface MethodInstance {
  /** Evaluates what the method needs at the start and returns f(start). */
  start(point: Float64Array, oracle: Oracle): number;
  /**
   * One iteration from `point` (the previous iterate, moved in place to the new one); `step` counts
   * from 0. Returns f at the new point (NaN or ±∞ end the run as divergence). A point that is not
   * finite or beyond the divergence bound need not be evaluated: the runner ends the run there
   * whatever value is returned. (A number, not an object: this runs millions of times a second.)
   */
  step(point: Float64Array, oracle: Oracle, step: number): number;
  /**
   * The method's own stopping test, asked after each step: why it is met at the new point, in the
   * method's words ("‖∇f‖ ≤ gtol"), or null. Methods without one leave it out.
   */
  stoppingTest?(): string | null;
  /**
   * The state the map draws after the latest start() or step() (the simplex, the population, the
   * trial points...), or null. Asked only of recorded runs, once per point; the result must not be
   * changed afterwards (copy what the method keeps mutating).
   */
  snapshot?(): MethodSnapshot | null;
  /**
   * The step inspector's view after the latest start() or step(): the state in named quantities
   * (copies) and the latest step told sub-step by sub-step. Asked only of runs created with
   * context.inspecting.
   */
  inspect?(): MethodInspection;
}

/**
 * What the page knows of a method without running it: its id, what it needs, its hyperparameters
 * and their rules. The main thread reads these alone (methods/catalogue.ts), so the methods' code
 * stays in the workers' bundles, out of the page's first paint.
 */
export interface MethodSpec {
  /** The id in experiment JSON and links ("adam", "nelder_mead"), as the reference library names it. */
  readonly id: string;
  readonly name: string;
  readonly family: MethodFamily;
  readonly needs: MethodNeeds;
  /** The update rule as LaTeX (shown beside the controls). */
  readonly updateRule: string;
  readonly hyperSpecs: readonly HyperSpec[];
  /** Cross-field rules checked after each value is within its HyperSpec: a message naming the field, or null. */
  validate?(hyper: HyperValues): string | null;
  /**
   * Whether the method draws on context.seed (its runs differ from seed to seed without gradient
   * noise); absent: the gradient-free and zeroth-order families do, the others do not. Deterministic
   * searches (Nelder-Mead, Powell) say false; the many-seeds analysis reads it.
   */
  readonly stochastic?: boolean;
  /** First-order methods: the update rule as data, from which the fused GPU kernels are generated. */
  readonly kernel?: KernelBuilder;
}

/** A method in the registry: its spec and a factory of runs. */
export interface MethodDefinition extends MethodSpec {
  /** `hyper` is complete and validated (defaults filled in). */
  create(hyper: HyperValues, context: MethodContext): MethodInstance;
}
