import type { KernelBuilder } from './kernel';

/** Hyperparameter values at the experiment boundary, named as in torch.optim (snake_case). */
export type HyperValue = number | boolean | readonly [number, number];
export type HyperValues = Readonly<Record<string, HyperValue>>;

/** Describes one hyperparameter for validation and for the controls that edit it. */
export type HyperSpec =
  | {
      readonly kind: 'number';
      readonly name: string;
      readonly defaultValue: number;
      /** Inclusive bounds that validation enforces. */
      readonly min: number;
      readonly max: number;
      /** True when min itself is not allowed (lr > 0). */
      readonly exclusiveMin?: boolean;
      /** Controls use a log scale (learning rates, eps). */
      readonly log?: boolean;
      /** Only whole numbers are valid (a schedule's step_size, T_max). */
      readonly integer?: boolean;
      readonly description: string;
    }
  | {
      readonly kind: 'boolean';
      readonly name: string;
      readonly defaultValue: boolean;
      readonly description: string;
    }
  | {
      readonly kind: 'pair';
      readonly name: string;
      readonly defaultValue: readonly [number, number];
      readonly min: number;
      readonly max: number;
      /** True when max itself is not allowed (betas < 1). */
      readonly exclusiveMax?: boolean;
      readonly description: string;
    };

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
