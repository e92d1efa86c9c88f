import type { MethodInspection, NarratedSubstep } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { matrixQuantity, numberQuantity, stepEvaluationsQuantity, timesInWords, vectorQuantity } from './state-quantities';

// Nelder-Mead's step for the inspector: the simplex and its values, and the move the latest pass of
// scipy's loop made told in its order (centroid, reflection, then expansion, contraction or shrink,
// then the sort), with the test that chose it and the numbers that decided the test.

/** The coefficients: reflection ρ, expansion χ, contraction ψ, shrink σ. */
export interface Coefficients {
  readonly reflection: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly shrink: number;
}

/** What one pass of the loop did, recorded on the inspector's replay only. */
export interface NelderMeadMove {
  /** The move tried after the reflection ('reflection': the reflected point was kept outright); 'none' when the simplex already met the tolerances. */
  kind: 'none' | 'reflection' | 'expansion' | 'outside contraction' | 'inside contraction';
  stepped: boolean;
  /** The contraction failed and every vertex but the best moved towards it. */
  shrink: boolean;
  readonly coefficients: Coefficients;
  /** Before the move: x̄, the best and the worst vertex, and f at the best, second-worst and worst. */
  readonly centroid: Float64Array;
  readonly best: Float64Array;
  readonly worst: Float64Array;
  bestValue: number;
  secondWorstValue: number;
  worstValue: number;
  readonly reflected: Float64Array;
  reflectedValue: number;
  /** The expansion or contraction point and f there. */
  readonly trial: Float64Array;
  trialValue: number;
  evaluations: number;
}

/** The inspection of a Nelder-Mead run: its sorted simplex (best first), and the latest move told sub-step by sub-step. */
export function nelderMeadInspection(simplex: Float64Array, values: Float64Array, n: number, move: NelderMeadMove | null, startEvaluations: number): MethodInspection {
  const stepped = move !== null && move.stepped;
  const state = [
    matrixQuantity('simplex', 'simplex: n + 1 vertices, best first', 'x_1, \\dots, x_{n+1}', simplex, n + 1, n),
    vectorQuantity('simplexValues', 'f at each vertex, best first', 'f(x_i)', values),
    vectorQuantity('best', 'best vertex (the trajectory point)', 'x_1', simplex.subarray(0, n)),
    numberQuantity('bestValue', 'f at the best vertex', 'f(x_1)', values[0]),
  ];
  if (stepped) state.push(vectorQuantity('centroid', 'centroid of all vertices but the worst', '\\bar{x}', move.centroid));
  state.push(stepEvaluationsQuantity(stepped ? move.evaluations : startEvaluations));
  return { state, narration: stepped ? narrate(move, simplex, values, n) : [] };
}

function narrate(move: NelderMeadMove, simplex: Float64Array, values: Float64Array, n: number): NarratedSubstep[] {
  if (move.kind === 'none') {
    return [{ sentence: 'The simplex already meets xatol and fatol, so nothing moved and f was not evaluated.', rule: '\\max_i \\lVert x_i - x_1 \\rVert_\\infty \\le \\text{xatol},\\ \\max_i |f_i - f_1| \\le \\text{fatol}' }];
  }
  const { reflection: rho, expansion: chi, contraction: psi, shrink: sigma } = move.coefficients;
  const worstLabel = `x_{${n + 1}}`;
  const steps: NarratedSubstep[] = [
    {
      sentence: `The centroid of the ${n} best vertices is ${words(move.centroid)}.`,
      rule: `\\bar{x} = \\tfrac{1}{${n}}\\textstyle\\sum_{i=1}^{${n}} x_i = ${vec(move.centroid)}`,
    },
    {
      sentence: `Reflected the worst vertex ${words(move.worst)} (f = ${word(move.worstValue)}) through the centroid ${words(move.centroid)} to ${words(move.reflected)}, where f = ${word(move.reflectedValue)}.`,
      rule: `x_r = \\bar{x} + ${num(rho)}\\,(\\bar{x} - ${worstLabel}) = ${vec(move.centroid)} + ${num(rho)}\\,(${vec(move.centroid)} - ${vec(move.worst)}) = ${vec(move.reflected)}`,
    },
  ];
  const fr = word(move.reflectedValue);
  switch (move.kind) {
    case 'reflection':
      steps.push({
        sentence: `f = ${fr} is better than the second-worst (${word(move.secondWorstValue)}) but not than the best (${word(move.bestValue)}), so the reflected point is kept in place of the worst vertex.`,
        rule: `f_1 = ${num(move.bestValue)} \\le f(x_r) = ${num(move.reflectedValue)} < f_{${n}} = ${num(move.secondWorstValue)} \\Rightarrow ${worstLabel} \\leftarrow x_r`,
      });
      break;
    case 'expansion': {
      const kept = move.trialValue < move.reflectedValue;
      steps.push({
        sentence: `f = ${fr} is better than the best (${word(move.bestValue)}), so it went further along the same line to ${words(move.trial)}, where f = ${word(move.trialValue)}; ${kept ? 'that is better still, so the expanded point is kept' : 'that is no better, so the reflected point is kept'} in place of the worst vertex.`,
        rule: `x_e = \\bar{x} + ${num(rho * chi)}\\,(\\bar{x} - ${worstLabel}) = ${vec(move.trial)},\\ f(x_e) = ${num(move.trialValue)} ${kept ? '<' : '\\ge'} f(x_r) = ${num(move.reflectedValue)} \\Rightarrow ${worstLabel} \\leftarrow ${kept ? 'x_e' : 'x_r'}`,
      });
      break;
    }
    case 'outside contraction': {
      const kept = !move.shrink;
      steps.push({
        sentence: `f = ${fr} is no better than the second-worst (${word(move.secondWorstValue)}) but better than the worst (${word(move.worstValue)}), so it contracted on the reflected side to ${words(move.trial)}, where f = ${word(move.trialValue)}; ${kept ? 'that is no worse than the reflected point, so it is kept in place of the worst vertex' : 'that is worse than the reflected point, so the simplex shrinks'}.`,
        rule: `x_c = \\bar{x} + ${num(psi * rho)}\\,(\\bar{x} - ${worstLabel}) = ${vec(move.trial)},\\ f(x_c) = ${num(move.trialValue)} ${kept ? '\\le' : '>'} f(x_r) = ${num(move.reflectedValue)}`,
      });
      break;
    }
    case 'inside contraction': {
      const kept = !move.shrink;
      steps.push({
        sentence: `f = ${fr} is no better than the worst (${word(move.worstValue)}), so it contracted inside, between the centroid and the worst vertex, to ${words(move.trial)}, where f = ${word(move.trialValue)}; ${kept ? 'that is better than the worst, so it is kept in its place' : 'that is no better than the worst, so the simplex shrinks'}.`,
        rule: `x_{cc} = \\bar{x} - ${num(psi)}\\,(\\bar{x} - ${worstLabel}) = ${vec(move.trial)},\\ f(x_{cc}) = ${num(move.trialValue)} ${kept ? '<' : '\\ge'} f(${worstLabel}) = ${num(move.worstValue)}`,
      });
      break;
    }
  }
  if (move.shrink) {
    steps.push({
      sentence: `Every vertex but the best ${words(move.best)} moved towards it by the factor ${word(sigma)}, and f was evaluated at each of the ${n} moved vertices.`,
      rule: `x_i \\leftarrow x_1 + ${num(sigma)}\\,(x_i - x_1),\\ x_1 = ${vec(move.best)}`,
    });
  }
  steps.push({
    sentence: `Sorted by f, the best vertex is now ${words(simplex.subarray(0, n))} with f = ${word(values[0])} and the worst has f = ${word(values[n])}; this step evaluated f ${timesInWords(move.evaluations)}.`,
    rule: `f(x_1) = ${num(values[0])} \\le \\dots \\le f(x_{${n + 1}}) = ${num(values[n])}`,
  });
  return steps;
}
