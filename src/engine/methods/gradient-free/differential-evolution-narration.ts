import type { MethodInspection, StateQuantity } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { matrixQuantity, numberQuantity, stepEvaluationsQuantity, vectorQuantity } from './state-quantities';

// Differential evolution's generation for the inspector: the mutation factor drawn, the first
// member's trial (best1bin) and its fate, how many trials replaced their member, and the best.

/** One generation as the method made it, recorded on the inspector's replay only. */
export interface Generation {
  readonly scale: number;
  readonly firstMember: Float64Array;
  readonly firstMemberValue: number;
  readonly firstTrial: Float64Array;
  readonly firstTrialValue: number;
  replaced: number;
  readonly previousBestValue: number;
}

/** The inspection after the start (`generation` null) or a generation; the population is kept best first. */
export function differentialEvolutionInspection(population: Float64Array, energies: Float64Array, n: number, recombination: number, generation: Generation | null): MethodInspection {
  const size = energies.length;
  const best = population.subarray(0, n);
  const state: StateQuantity[] = [
    matrixQuantity('population', 'the population, best member first', 'x_i', population, size, n),
    vectorQuantity('populationValues', 'f at each member', 'f(x_i)', energies),
    vectorQuantity('best', 'best member (the trajectory point)', 'x_{\\text{best}}', best),
    numberQuantity('bestValue', 'f at the best member', 'f(x_{\\text{best}})', energies[0]),
  ];
  if (generation !== null) state.push(numberQuantity('mutationFactor', 'mutation factor F drawn for this generation', 'F', generation.scale));
  state.push(stepEvaluationsQuantity(size));
  if (generation === null) return { state, narration: [] };
  const firstKept = generation.firstTrialValue <= generation.firstMemberValue;
  return {
    state,
    narration: [
      {
        sentence: `Drew the mutation factor F = ${word(generation.scale)} for this generation.`,
        rule: `F \\sim \\mathcal{U}(F_{\\min}, F_{\\max}) = ${num(generation.scale)}`,
      },
      {
        sentence: `For each of the ${size} members a trial mixes the best member plus F times the difference of two others with the member itself (each coordinate from the mutant with probability CR = ${word(recombination)}); member 1's trial is ${words(generation.firstTrial)} with f = ${word(generation.firstTrialValue)}, ${firstKept ? 'no worse than' : 'worse than'} its ${word(generation.firstMemberValue)}, so it ${firstKept ? 'replaces it' : 'is discarded'}.`,
        rule: `b' = x_{\\text{best}} + ${num(generation.scale)}\\,(x_{r_0} - x_{r_1}),\\ u_j = b'_j \\text{ if } r_j < ${num(recombination)} \\text{ or } j = j^*;\\ u_1 = ${vec(generation.firstTrial)}`,
      },
      {
        sentence: `f was evaluated at all ${size} trials (${size} evaluations); ${generation.replaced} replaced their member, and the best f is ${energies[0] < generation.previousBestValue ? `now ${word(energies[0])} at ${words(best)}` : `still ${word(energies[0])}`}.`,
        rule: `x_i \\leftarrow u_i \\text{ if } f(u_i) \\le f(x_i);\\ f(x_{\\text{best}}) = ${num(energies[0])}`,
      },
    ],
  };
}
