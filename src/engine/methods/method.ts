import type { ClipSpec } from '../clipping';
import type { Oracle } from '../oracle';
import type { ScheduleSpec } from '../schedules';
import type { KernelBuilder } from './first-order/kernel';
import type { HyperSpec, HyperValues } from './hyperparameters';

// How a point moves. A method declares what it needs of the objective, owns its state, and reaches
// f, ∇f and ∇²f only through the counting Oracle, so a race between first-order, second-order and
// gradient-free methods compares them by the evaluations each made. One step is one iteration of
// the method (an optimizer update, a Newton step, a simplex move).

/** What a method evaluates: f alone (gradient-free), ∇f, ∇²f. */
export interface MethodNeeds {
  readonly value: boolean;
  readonly gradient: boolean;
  readonly hessian: boolean;
}

/** How the method picker groups the methods. */
export type MethodFamily = 'first-order' | 'second-order' | 'gradient-free';

/** What a run hands its method besides the hyperparameters. */
export interface MethodContext {
  readonly dimension: number;
  /** Learning-rate schedule (methods with an `lr`); constant when absent. */
  readonly schedule?: ScheduleSpec;
  /** Gradient clipping before each update (gradient methods); none when absent. */
  readonly clip?: ClipSpec;
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
}

/** A method in the registry: its id, what it needs, its hyperparameters and a factory. */
export interface MethodDefinition {
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
  /** `hyper` is complete and validated (defaults filled in). */
  create(hyper: HyperValues, context: MethodContext): MethodInstance;
  /** First-order methods: the update rule as data, from which the fused GPU kernels are generated. */
  readonly kernel?: KernelBuilder;
}
