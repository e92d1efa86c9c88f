// How each method's step relates to its learning rate and to the curvature: what the diagnosis
// compares. Gradient descent (SGD) steps lr·∇f, so on a quadratic with largest curvature λmax it is
// stable only while lr·λmax stays below a constant; the adaptive methods divide by the gradient's
// own size, so their steps are about lr per coordinate whatever the gradient.
import { booleanHyper, numberHyper } from '../methods/first-order/hyper';
import type { HyperValues } from '../methods/hyperparameters';

/** SGD-like: stable on a quadratic while lr · (λmax + weight_decay) < `boundFactor`. */
export interface GradientStepRule {
  readonly kind: 'gradient';
  /** The constant c in lr < c/λmax: 2 for plain gradient descent. */
  readonly boundFactor: number;
  /** The bound as a formula, for the explanation ("2/λmax", "2(1+μ)/λmax"). */
  readonly boundFormula: string;
  /** Added to λmax: L2 weight decay adds λ·θ to the gradient, so λ to every curvature. */
  readonly weightDecay: number;
  /** The momentum factor μ (0: none). */
  readonly momentum: number;
}

/** Adaptive: each coordinate's step is about lr (times a method constant) whatever the gradient's size. */
export interface ScaleFreeStepRule {
  readonly kind: 'scale-free';
  /** The step as a formula, for the explanation ("lr·m̂/(√v̂ + ε)"). */
  readonly stepFormula: string;
}

/** What the diagnosis knows of a method's step, or null when it knows nothing to compare. */
export type StepRule = GradientStepRule | ScaleFreeStepRule | null;

/** The adaptive methods' steps, as formulas. Adadelta is left out: its step is not about lr. */
const SCALE_FREE_STEPS: Readonly<Record<string, string>> = {
  adam: 'lr·m̂/(√v̂ + ε)',
  adamw: 'lr·m̂/(√v̂ + ε)',
  nadam: 'lr·m̂/(√v̂ + ε)',
  radam: 'lr·m̂/(√v̂ + ε)',
  adamax: 'lr·m̂/u',
  rmsprop: 'lr·g/(√v + ε)',
  adagrad: 'lr·g/(√Σg² + ε)',
  lion: 'lr·sign(…)',
};

/**
 * The step rule of method `methodId` with complete hyperparameters `hyper`. SGD's bounds, from the
 * characteristic roots of each update on f = λx²/2 (with a = lr·λ):
 * plain x ← (1 − a)x: |1 − a| < 1 ⟺ a < 2;
 * heavy ball b ← μb + (1−τ)λx, x ← x − lr·b: r² − (1 + μ − (1−τ)a)r + μ = 0, stable ⟺ (1−τ)a < 2(1 + μ);
 * Nesterov: r² − (1 + μ)(1 − a)r + μ(1 − a) = 0, stable ⟺ a < 2(1 + μ)/(1 + 2μ).
 */
export function stepRuleOf(methodId: string, hyper: HyperValues): StepRule {
  if (methodId === 'sgd') {
    const momentum = numberHyper(hyper, 'momentum');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    if (momentum === 0) return { kind: 'gradient', boundFactor: 2, boundFormula: '2/λmax', weightDecay, momentum };
    if (booleanHyper(hyper, 'nesterov')) {
      return { kind: 'gradient', boundFactor: (2 * (1 + momentum)) / (1 + 2 * momentum), boundFormula: '2(1+μ)/((1+2μ)λmax)', weightDecay, momentum };
    }
    const dampening = numberHyper(hyper, 'dampening');
    if (dampening >= 1) return null;
    return dampening === 0
      ? { kind: 'gradient', boundFactor: 2 * (1 + momentum), boundFormula: '2(1+μ)/λmax', weightDecay, momentum }
      : { kind: 'gradient', boundFactor: (2 * (1 + momentum)) / (1 - dampening), boundFormula: '2(1+μ)/((1−τ)λmax)', weightDecay, momentum };
  }
  const stepFormula = SCALE_FREE_STEPS[methodId];
  return stepFormula === undefined ? null : { kind: 'scale-free', stepFormula };
}

/** The largest stable learning rate of a gradient rule where the curvature is λmax: Infinity where λmax + weight decay ≤ 0. */
export function stableLearningRate(rule: GradientStepRule, largestEigenvalue: number): number {
  const curvature = largestEigenvalue + rule.weightDecay;
  return curvature > 0 ? rule.boundFactor / curvature : Infinity;
}
