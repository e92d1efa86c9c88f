// A method's hyperparameters: values as the experiment holds them, and specs for validation and controls.

/** Hyperparameter values at the experiment boundary, named as in torch.optim (snake_case). */
export type HyperValue = number | boolean | string | readonly [number, number];
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
      /** One of a few named options (a line search, a cooling schedule), spelled as the reference spells them. */
      readonly kind: 'choice';
      readonly name: string;
      readonly defaultValue: string;
      readonly options: readonly string[];
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
