import type { MethodInspection, StateQuantity } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { numberQuantity, stepEvaluationsQuantity, vectorQuantity } from './state-quantities';

// The (1+1)-ES's step for the inspector: the offspring, the comparison with the parent, and σ's 1/5th-rule update.

/** One step as the method took it, recorded on the inspector's replay only. */
export interface OffspringStep {
  readonly parent: Float64Array;
  readonly parentValue: number;
  readonly offspring: Float64Array;
  readonly offspringValue: number;
  readonly success: boolean;
  readonly previousSigma: number;
  /** log σ's change: 1/3 after a success, −1/12 after a failure. */
  readonly logFactor: number;
}

/** The inspection after start() (`step` null) or a step: the distribution N(x, σ²I) the next offspring comes from. */
export function onePlusOneInspection(mean: Float64Array, meanValue: number, sigma: number, step: OffspringStep | null): MethodInspection {
  const state: StateQuantity[] = [
    vectorQuantity('mean', 'parent x, the centre of the next offspring\'s distribution (the trajectory point)', 'x', mean),
    numberQuantity('bestValue', 'f at the parent', 'f(x)', meanValue),
    numberQuantity('sigma', 'step size σ (1/5th success rule)', '\\sigma', sigma),
  ];
  if (step !== null) {
    state.push(
      vectorQuantity('proposal', 'offspring x\' = x + σz of this step', "x'", step.offspring),
      numberQuantity('proposalValue', 'f at the offspring', "f(x')", step.offspringValue),
      numberQuantity('accepted', 'offspring kept (1) or discarded (0)', "[f(x') \\le f(x)]", step.success ? 1 : 0),
    );
  }
  state.push(stepEvaluationsQuantity(1));
  if (step === null) return { state, narration: [] };
  const factor = Math.exp(step.logFactor);
  return {
    state,
    narration: [
      {
        sentence: `Drew the offspring ${words(step.offspring)}, a Gaussian step of σ = ${word(step.previousSigma)} from the parent ${words(step.parent)}, and evaluated f there once.`,
        rule: `x' = x + \\sigma z = ${vec(step.parent)} + ${num(step.previousSigma)}\\, z = ${vec(step.offspring)},\\ z \\sim \\mathcal{N}(0, I)`,
      },
      {
        sentence: `f = ${word(step.offspringValue)} is ${step.success ? 'no worse than' : 'worse than'} the parent's ${word(step.parentValue)}, so the ${step.success ? 'offspring replaces the parent' : 'parent stays'}.`,
        rule: `f(x') = ${num(step.offspringValue)} ${step.success ? '\\le' : '>'} f(x) = ${num(step.parentValue)}`,
      },
      {
        sentence: `A ${step.success ? 'success' : 'failure'}: σ ${step.success ? 'grows' : 'shrinks'} by the factor ${word(factor)} to ${word(sigma)}, which holds about one success in five in balance.`,
        rule: `\\sigma \\leftarrow \\sigma\\, e^{${step.success ? '1/3' : '-1/12'}} = ${num(step.previousSigma)} \\cdot ${num(factor)} = ${num(sigma)}`,
      },
    ],
  };
}
