import type { HyperValues } from '../hyperparameters';

// An optimizer's update rule as data: a few lines of scalar algebra per step and per coordinate,
// in the rule's own names. The fused WebGPU kernels are generated from it (src/gpu), and
// kernel-interpreter.ts runs it in float64 so the golden tests hold it to torch.optim exactly as
// they hold the hand-written TypeScript optimizers (which stay: they are the fast exact path).
//
// Boolean hyperparameters (nesterov, amsgrad, centered, maximize…) are decided when the kernel is
// built, so the statements hold only the branch taken. Numeric hyperparameters stay symbolic
// ({ ref: 'beta1' }) so a batch can vary them per run (a learning-rate × β₁ sweep). So the
// statements never depend on a numeric value: where torch branches on one (weight_decay != 0, SGD's
// momentum != 0) the kernel computes both sides and picks with a `select` on the constant, and one
// kernel built from a batch's template serves every run of it.

/** A scalar expression. */
export type KernelExpr =
  | { readonly op: 'const'; readonly value: number }
  /**
   * A name: a numeric hyperparameter (`lr` is this step's scheduled learning rate; pairs are split,
   * betas → beta1, beta2), `step` (t, 1 on the first update, as a float), a state variable, a
   * temporary assigned earlier, and per coordinate also `param` (θᵢ) and `grad` (gᵢ, already noised
   * and clipped).
   */
  | { readonly op: 'ref'; readonly name: string }
  | { readonly op: 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'min' | 'max'; readonly a: KernelExpr; readonly b: KernelExpr }
  | { readonly op: 'neg' | 'sqrt' | 'abs' | 'sign' | 'exp' | 'log'; readonly a: KernelExpr }
  /** `then` where a <op> b holds, else `otherwise`. */
  | {
      readonly op: 'select';
      readonly compare: '<' | '<=' | '>' | '>=' | '==';
      readonly a: KernelExpr;
      readonly b: KernelExpr;
      readonly then: KernelExpr;
      readonly otherwise: KernelExpr;
    };

/** `name ← value`: a state variable's new value, or a temporary (declared by its first assignment). */
export interface KernelAssignment {
  readonly name: string;
  readonly value: KernelExpr;
}

/** A state variable and the value it starts from (torch's zeros, or Adagrad's initial_accumulator_value). */
export interface KernelState {
  readonly name: string;
  readonly initial: KernelExpr;
}

/** One optimizer's update rule for one hyperparameter setting, as data. */
export interface OptimizerKernel {
  /** Numeric hyperparameters the statements refer to, with this setting's values (lr is the base learning rate). */
  readonly constants: Readonly<Record<string, number>>;
  /** State kept once per run (NAdam's μ product). */
  readonly runState: readonly KernelState[];
  /** State kept per coordinate (firstMoment, secondMoment, momentumBuffer…). */
  readonly coordinateState: readonly KernelState[];
  /** Once per step, before the coordinates: may read constants, lr, step and run state. */
  readonly stepStatements: readonly KernelAssignment[];
  /** Per coordinate, in order: may read everything above plus param and grad; must assign `param`. */
  readonly coordinateStatements: readonly KernelAssignment[];
}

/** Builds an optimizer's kernel for complete, validated hyperparameters. */
export type KernelBuilder = (hyper: HyperValues) => OptimizerKernel;

// Small constructors so kernels read like the math.
export const constant = (value: number): KernelExpr => ({ op: 'const', value });
export const ref = (name: string): KernelExpr => ({ op: 'ref', name });
export const add = (a: KernelExpr, b: KernelExpr): KernelExpr => ({ op: 'add', a, b });
export const subtract = (a: KernelExpr, b: KernelExpr): KernelExpr => ({ op: 'sub', a, b });
export const multiply = (a: KernelExpr, b: KernelExpr): KernelExpr => ({ op: 'mul', a, b });
export const divide = (a: KernelExpr, b: KernelExpr): KernelExpr => ({ op: 'div', a, b });
export const power = (a: KernelExpr, b: KernelExpr): KernelExpr => ({ op: 'pow', a, b });
export const maximum = (a: KernelExpr, b: KernelExpr): KernelExpr => ({ op: 'max', a, b });
export const minimum = (a: KernelExpr, b: KernelExpr): KernelExpr => ({ op: 'min', a, b });
export const negate = (a: KernelExpr): KernelExpr => ({ op: 'neg', a });
export const squareRoot = (a: KernelExpr): KernelExpr => ({ op: 'sqrt', a });
export const sign = (a: KernelExpr): KernelExpr => ({ op: 'sign', a });
export const assign = (name: string, value: KernelExpr): KernelAssignment => ({ name, value });
/** |a|. */
export const absolute = (a: KernelExpr): KernelExpr => ({ op: 'abs', a });
/** e^a. */
export const exponential = (a: KernelExpr): KernelExpr => ({ op: 'exp', a });
/** ln a. */
export const logarithm = (a: KernelExpr): KernelExpr => ({ op: 'log', a });
/** `then` where `a compare b` holds, else `otherwise`. */
export const select = (
  compare: '<' | '<=' | '>' | '>=' | '==',
  a: KernelExpr,
  b: KernelExpr,
  then: KernelExpr,
  otherwise: KernelExpr,
): KernelExpr => ({ op: 'select', compare, a, b, then, otherwise });

/** torch's L2 weight decay g ← g + λθ, taken only where λ ≠ 0 (torch's `if weight_decay != 0`). */
export const l2WeightDecay = (): KernelAssignment =>
  assign('grad', select('==', ref('weight_decay'), constant(0), ref('grad'), add(ref('grad'), multiply(ref('weight_decay'), ref('param')))));

/** The operands of an expression, in order (none for a constant or a name). */
export function operands(expression: KernelExpr): readonly KernelExpr[] {
  switch (expression.op) {
    case 'const':
    case 'ref':
      return [];
    case 'select':
      return [expression.a, expression.b, expression.then, expression.otherwise];
    case 'neg':
    case 'sqrt':
    case 'abs':
    case 'sign':
    case 'exp':
    case 'log':
      return [expression.a];
    default:
      return [expression.a, expression.b];
  }
}
