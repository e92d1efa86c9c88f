import type { MethodInspection, NarratedSubstep, StateQuantity } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { matrixQuantity, numberQuantity, stepEvaluationsQuantity, timesInWords, vectorQuantity } from './state-quantities';

// Random search's step for the inspector: where the samples came from, f at each, and whether one beat the best.

/** One step as the method took it, recorded on the inspector's replay only. */
export interface SearchStep {
  /** samples × n, and f at each. */
  readonly samples: Float64Array;
  readonly values: Float64Array;
  /** 1 where a sample became the best when it was drawn. */
  readonly accepted: Uint8Array;
  readonly previousBest: Float64Array;
  readonly previousBestValue: number;
}

/** How the samples are drawn: uniformly in a box, or around the best with σ. */
export interface SearchMode {
  readonly local: boolean;
  readonly sigma: number;
  readonly ranges: readonly (readonly [number, number])[];
}

/** The inspection after start() (`step` null) or after a step. */
export function randomSearchInspection(best: Float64Array, bestValue: number, mode: SearchMode, step: SearchStep | null): MethodInspection {
  const n = best.length;
  const state: StateQuantity[] = [vectorQuantity('best', 'best point so far (the trajectory point)', 'x^\\star', best), numberQuantity('bestValue', 'f at the best point', 'f(x^\\star)', bestValue)];
  if (step === null) return { state: [...state, stepEvaluationsQuantity(1)], narration: [] };
  const count = step.values.length;
  const improved = step.accepted.some((flag) => flag === 1);
  if (count === 1) {
    state.push(vectorQuantity('proposal', 'the point sampled this step', "x'", step.samples), numberQuantity('proposalValue', 'f at the sample', "f(x')", step.values[0]));
  } else {
    state.push(matrixQuantity('population', 'the points sampled this step', "x'_s", step.samples, count, n), vectorQuantity('populationValues', 'f at each sample', "f(x'_s)", step.values));
  }
  state.push(numberQuantity('accepted', 'a sample became the best (1) or none did (0)', "[f(x') < f(x^\\star)]", improved ? 1 : 0), stepEvaluationsQuantity(count));
  let lowest = 0;
  for (let s = 1; s < count; s++) if (step.values[s] < step.values[lowest]) lowest = s;
  const first = step.samples.subarray(0, n);
  const where = mode.local
    ? `Gaussian steps of σ = ${word(mode.sigma)} around the best point ${words(step.previousBest)}`
    : `uniformly in the box ${mode.ranges.slice(0, 3).map(([low, high]) => `[${word(low)}, ${word(high)}]`).join(' × ')}${n > 3 ? ' × …' : ''}`;
  const narration: NarratedSubstep[] = [
    {
      sentence: `Drew ${count === 1 ? `the sample ${words(first)}` : `${count} samples (the first ${words(first)})`} ${where}, and evaluated f ${timesInWords(count)}.`,
      rule: mode.local ? `x' = x^\\star + \\sigma z = ${vec(step.previousBest)} + ${num(mode.sigma)}\\, z = ${vec(first)}` : `x' \\sim \\mathcal{U}(\\text{box}),\\ x' = ${vec(first)}`,
    },
    {
      sentence: `The lowest f sampled is ${word(step.values[lowest])}, ${improved ? 'below' : 'not below'} the best so far ${word(step.previousBestValue)}, so ${improved ? `the best moves to ${words(best)}` : 'the best stays'}.`,
      rule: `\\min_s f(x'_s) = ${num(step.values[lowest])} ${improved ? '<' : '\\ge'} f(x^\\star) = ${num(step.previousBestValue)}${improved ? ` \\Rightarrow x^\\star = ${vec(best)}` : ''}`,
    },
  ];
  return { state, narration };
}
