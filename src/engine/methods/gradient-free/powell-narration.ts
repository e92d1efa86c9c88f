import type { MethodInspection, NarratedSubstep, StateQuantity } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { matrixQuantity, numberQuantity, stepEvaluationsQuantity, timesInWords, vectorQuantity } from './state-quantities';

// Powell's iteration for the inspector: the extrapolation test that closes the previous iteration
// (scipy runs it at the end of its loop; the playground at the start of the next step), then one
// Brent line search per direction, each with its step length and where it landed.

/** One line search: along `direction`, the step length α, the point reached and f there. */
export interface LineSearch {
  readonly direction: Float64Array;
  readonly alpha: number;
  readonly point: Float64Array;
  readonly value: number;
}

/** One iteration as the method made it, recorded on the inspector's replay only. */
export interface PowellIteration {
  readonly startPoint: Float64Array;
  readonly startValue: number;
  /** The extrapolated point 2x − x_previous and f there; null in the first iteration. */
  extrapolated: { readonly point: Float64Array; readonly value: number } | null;
  /** The search along x − x_previous when Powell's test took it, and the direction index it replaced (or −1 for a zero step). */
  newDirection: { readonly search: LineSearch; readonly replaced: number } | null;
  readonly searches: LineSearch[];
  evaluations: number;
  stopReason: string | null;
}

/** The inspection after start() (`iteration` null) or an iteration. */
export function powellInspection(x: Float64Array, value: number, directions: Float64Array, displacement: Float64Array | null, iteration: PowellIteration | null): MethodInspection {
  const n = x.length;
  const state: StateQuantity[] = [
    vectorQuantity('best', 'current point (the trajectory point)', 'x', x),
    numberQuantity('bestValue', 'f at the current point', 'f(x)', value),
    matrixQuantity('directions', 'direction set, one row per direction, in the order searched', 'd_i', directions, n, n),
  ];
  if (displacement !== null) state.push(vectorQuantity('searchDirection', 'this iteration\'s displacement x_k − x_{k−1}, the candidate new direction', 'x_k - x_{k-1}', displacement));
  state.push(stepEvaluationsQuantity(iteration === null ? 1 : iteration.evaluations));
  if (iteration === null) return { state, narration: [] };
  const narration: NarratedSubstep[] = [];
  if (iteration.extrapolated !== null) {
    const taken = iteration.newDirection;
    narration.push({
      sentence: `Tried the extrapolated point ${words(iteration.extrapolated.point)} (twice the last iteration's displacement), where f = ${word(iteration.extrapolated.value)}; ${taken === null ? "Powell's test says the displacement is not worth a new direction, so the direction set stays" : `Powell's test takes it: a line search along it reached ${words(taken.search.point)} (α = ${word(taken.search.alpha)}, f = ${word(taken.search.value)})${taken.replaced >= 0 ? `, and it replaces direction ${taken.replaced + 1}, the one of largest decrease` : ''}`}.`,
      rule: `x_e = 2x_k - x_{k-1} = ${vec(iteration.extrapolated.point)},\\ f(x_e) = ${num(iteration.extrapolated.value)}`,
    });
  }
  iteration.searches.forEach((search, i) => {
    narration.push({
      sentence: `Line search ${i + 1} of ${n} along ${words(search.direction)}: Brent's method found the step α = ${word(search.alpha)}, moving to ${words(search.point)} where f = ${word(search.value)}.`,
      rule: `x \\leftarrow x + \\alpha d_{${i + 1}},\\ \\alpha = \\arg\\min_\\alpha f(x + \\alpha d_{${i + 1}}) = ${num(search.alpha)},\\ x = ${vec(search.point)}`,
    });
  });
  narration.push({
    sentence: `f fell from ${word(iteration.startValue)} to ${word(value)} in this iteration${iteration.stopReason !== null ? `, which meets the stopping test ${iteration.stopReason}` : ''}; it evaluated f ${timesInWords(iteration.evaluations)}.`,
    rule: `f(x_{k-1}) = ${num(iteration.startValue)} \\to f(x_k) = ${num(value)}`,
  });
  return { state, narration };
}
