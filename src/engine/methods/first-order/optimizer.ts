import type { HyperSpec, HyperValues } from '../hyperparameters';
import type { KernelBuilder } from './kernel';

export type { HyperSpec, HyperValue, HyperValues } from '../hyperparameters';

/** One optimizer's state for one run: applies the update rule in place. */
export interface OptimizerInstance {
  /**
   * One update, params ← update(params, gradient) at this step's learning rate (the schedule's
   * value, as torch's scheduler writes group['lr']). `gradient` is ∇f already noised and clipped;
   * the optimizer may overwrite it.
   */
  step(params: Float64Array, gradient: Float64Array, learningRate: number): void;
}

/** A first-order optimizer: its id, torch defaults, hyperparameter specs and a factory. */
export interface OptimizerDefinition {
  readonly id: string;
  readonly name: string;
  /** The update rule as LaTeX (shown beside the controls in the playground). */
  readonly updateRule: string;
  readonly hyperSpecs: readonly HyperSpec[];
  /**
   * Cross-field rules torch enforces (SGD's nesterov needs momentum > 0 and dampening = 0), checked
   * after each value is within its HyperSpec: a message naming the field, or null when valid.
   */
  validate?(hyper: HyperValues): string | null;
  /** `hyper` is complete and validated (defaults filled in). */
  create(hyper: HyperValues, dimension: number): OptimizerInstance;
  /** The same update rule as data (see kernel.ts), from which the fused GPU kernels are generated. */
  readonly kernel: KernelBuilder;
}
