import type { HyperValues } from '../hyperparameters';
import { add, constant, divide, multiply, ref, select, squareRoot, type KernelExpr } from './kernel';

// What the step inspector calls each name of the optimizer kernels (kernel.ts): plain words and a
// symbol for the narration, and for state the StateQuantity name of the inspector's contract
// (torch's optimizer.state key in brackets). One table for all ten optimizers; an optimizer's own
// entries override the shared ones where a name means something else there (Lion's `momentum` is
// a state, NAdam's the schedule μ_t, SGD's the factor μ).

/** How the inspector speaks of one kernel name. */
export interface NameWords {
  /** In a sentence, lower case: "the first moment m". */
  readonly label: string;
  /** As LaTeX: "m_t". */
  readonly symbol: string;
}

/** The names every kernel shares. */
const SHARED: Readonly<Record<string, NameWords>> = {
  lr: { label: 'the learning rate γ', symbol: '\\gamma' },
  step: { label: 'the step count t', symbol: 't' },
  param: { label: 'the point', symbol: '\\theta' },
  grad: { label: 'the gradient', symbol: 'g_t' },
  beta1: { label: 'β₁', symbol: '\\beta_1' },
  beta2: { label: 'β₂', symbol: '\\beta_2' },
  eps: { label: 'ε', symbol: '\\epsilon' },
  weight_decay: { label: 'the weight decay λ', symbol: '\\lambda' },
  momentum: { label: 'the momentum factor μ', symbol: '\\mu' },
  dampening: { label: 'the dampening τ', symbol: '\\tau' },
  alpha: { label: 'α', symbol: '\\alpha' },
  rho: { label: 'ρ', symbol: '\\rho' },
  lr_decay: { label: 'the learning-rate decay η', symbol: '\\eta' },
  momentum_decay: { label: 'the momentum decay ψ', symbol: '\\psi' },
  firstMoment: { label: 'the first moment m', symbol: 'm_t' },
  secondMoment: { label: 'the second moment v', symbol: 'v_t' },
  maxSecondMoment: { label: 'the largest second moment so far', symbol: 'v^{\\max}_t' },
  infinityNorm: { label: 'the infinity norm u', symbol: 'u_t' },
  momentumBuffer: { label: 'the velocity', symbol: 'b_t' },
  squareAverage: { label: 'the average of squared gradients', symbol: 'v_t' },
  gradientAverage: { label: 'the average gradient', symbol: '\\bar g_t' },
  accumulatedUpdate: { label: 'the average of squared steps', symbol: 'u_t' },
  sumOfSquares: { label: 'the sum of squared gradients', symbol: 's_t' },
  momentumProduct: { label: 'the product of the momentum schedule', symbol: '\\textstyle\\prod_{i \\le t} \\mu_i' },
  stepSize: { label: 'the bias-corrected step size', symbol: '\\gamma_t' },
  secondMomentCorrection: { label: 'the second-moment correction', symbol: 'c_t' },
  firstMomentCorrection: { label: 'the first-moment correction', symbol: '1 - \\beta_1^t' },
  denominator: { label: 'the denominator', symbol: 'd_t' },
  direction: { label: 'the step direction', symbol: 'p_t' },
  update: { label: 'the step Δx', symbol: '\\Delta x_t' },
  interpolation: { label: 'the interpolated momentum c', symbol: 'c_t' },
  decayedLearningRate: { label: 'the decayed learning rate', symbol: '\\tilde\\gamma' },
  rectification: { label: 'the rectification r', symbol: 'r_t' },
  smaLength: { label: 'the SMA length ρ_t', symbol: '\\rho_t' },
  maxSmaLength: { label: 'the longest SMA length ρ∞', symbol: '\\rho_\\infty' },
  correctedFirstMoment: { label: 'the bias-corrected first moment', symbol: '\\hat m_t' },
  adaptiveLearningRate: { label: 'the adaptive rate', symbol: 'l_t' },
  correctionRoot: { label: 'the square root of the second-moment correction', symbol: '\\sqrt{1 - \\beta_2^t}' },
  variance: { label: 'the variance estimate', symbol: '\\sigma^2_t' },
  nextMomentum: { label: 'the next momentum μ_{t+1}', symbol: '\\mu_{t+1}' },
  nextMomentumProduct: { label: 'the next product of the schedule', symbol: '\\textstyle\\prod_{i \\le t+1} \\mu_i' },
  gradientStep: { label: "the gradient's step factor", symbol: 'a_t' },
  momentStep: { label: "the moment's step factor", symbol: 'b_t' },
};

/** What the inspector reads of one optimizer's kernel. */
export interface OptimizerInspectionNames {
  /** Names that mean something else in this optimizer. */
  readonly words?: Readonly<Record<string, NameWords>>;
  /** Kernel state → StateQuantity name (quantities13: torch's names in brackets there). */
  readonly quantities: Readonly<Record<string, string>>;
  /** The per-coordinate step size applied to the update direction, over the step's final names. */
  readonly effectiveLearningRate: KernelExpr;
  /** State the setting leaves unused (SGD's buffer at μ = 0): neither shown nor narrated. */
  unused?(hyper: HyperValues): readonly string[];
}

const ADAM_NAMES: OptimizerInspectionNames = {
  quantities: { firstMoment: 'firstMoment', secondMoment: 'secondMoment', maxSecondMoment: 'maxSecondMoment' },
  // lr_t/(1 − β1^t) / (√v_t/√(1 − β2^t) + ε): the factor that multiplies m_t
  effectiveLearningRate: divide(ref('stepSize'), ref('denominator')),
};

const unusedMomentum = (hyper: HyperValues) => (hyper.momentum === 0 ? ['momentumBuffer'] : []);

/** Each optimizer's entries, by id. */
export const OPTIMIZER_INSPECTION_NAMES: Readonly<Record<string, OptimizerInspectionNames>> = {
  sgd: { quantities: { momentumBuffer: 'velocity' }, effectiveLearningRate: ref('lr'), unused: unusedMomentum },
  adam: ADAM_NAMES,
  adamw: ADAM_NAMES,
  adamax: {
    quantities: { firstMoment: 'firstMoment', infinityNorm: 'infinityNorm' },
    effectiveLearningRate: divide(ref('stepSize'), ref('infinityNorm')),
  },
  nadam: {
    words: { momentum: { label: 'the momentum μ_t', symbol: '\\mu_t' } },
    quantities: { firstMoment: 'firstMoment', secondMoment: 'secondMoment', momentumProduct: 'momentumProduct' },
    effectiveLearningRate: divide(ref('lr'), ref('denominator')),
  },
  radam: {
    quantities: { firstMoment: 'firstMoment', secondMoment: 'secondMoment' },
    // the factor on m_t: γ r_t l_t / (1 − β1^t) once rectified, γ / (1 − β1^t) before
    effectiveLearningRate: select(
      '>',
      ref('smaLength'),
      constant(5),
      divide(multiply(multiply(ref('lr'), ref('adaptiveLearningRate')), ref('rectification')), ref('firstMomentCorrection')),
      divide(ref('lr'), ref('firstMomentCorrection')),
    ),
  },
  rmsprop: {
    quantities: { squareAverage: 'squareAverage', gradientAverage: 'gradientAverage', momentumBuffer: 'velocity' },
    effectiveLearningRate: divide(ref('lr'), ref('denominator')),
    unused: unusedMomentum,
  },
  adagrad: {
    quantities: { sumOfSquares: 'sumOfSquares' },
    effectiveLearningRate: divide(ref('decayedLearningRate'), add(squareRoot(ref('sumOfSquares')), ref('eps'))),
  },
  adadelta: {
    quantities: { squareAverage: 'squareAverage', accumulatedUpdate: 'accumulatedDelta' },
    // Δx = √(u + ε)/√(v + ε) · g, scaled by γ
    effectiveLearningRate: multiply(ref('lr'), divide(ref('update'), ref('grad'))),
  },
  lion: {
    words: { momentum: { label: 'the momentum m', symbol: 'm_t' } },
    // the reference code's exp_avg
    quantities: { momentum: 'firstMoment' },
    effectiveLearningRate: ref('lr'),
  },
};

/** How the inspector speaks of `name` in optimizer `id`. */
export function nameWords(id: string, name: string): NameWords {
  return OPTIMIZER_INSPECTION_NAMES[id]?.words?.[name] ?? SHARED[name] ?? { label: name, symbol: `\\mathrm{${name}}` };
}

/** The quantities' plain-words labels and symbols (StateQuantity.label, .symbol). */
export const QUANTITY_WORDS: Readonly<Record<string, NameWords>> = {
  velocity: { label: 'velocity b (momentum buffer)', symbol: 'b_t' },
  firstMoment: { label: 'first moment m (running mean of the gradients)', symbol: 'm_t' },
  secondMoment: { label: 'second moment v (running mean of the squared gradients)', symbol: 'v_t' },
  maxSecondMoment: { label: 'largest second moment so far (AMSGrad)', symbol: 'v^{\\max}_t' },
  infinityNorm: { label: 'infinity norm u (decaying maximum of |g|)', symbol: 'u_t' },
  sumOfSquares: { label: 'sum of squared gradients s', symbol: 's_t' },
  squareAverage: { label: 'running mean of the squared gradients', symbol: 'v_t' },
  gradientAverage: { label: 'running mean of the gradients (centered)', symbol: '\\bar g_t' },
  accumulatedDelta: { label: 'running mean of the squared steps', symbol: 'u_t' },
  momentumProduct: { label: 'product of the momentum schedule μ₁⋯μ_t', symbol: '\\textstyle\\prod_{i \\le t} \\mu_i' },
  step: { label: 'step count t', symbol: 't' },
  learningRate: { label: 'learning rate (after the schedule)', symbol: '\\gamma_t' },
  effectiveLearningRate: { label: 'effective learning rate per coordinate', symbol: '\\gamma^{\\mathrm{eff}}_t' },
  gradient: { label: 'gradient the step used (noised and clipped)', symbol: 'g_t' },
};
