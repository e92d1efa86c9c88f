import type { MethodInspection, NarratedSubstep, StateQuantity } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { stepEvaluationsQuantity, numberQuantity, vectorQuantity } from './state-quantities';

// Simulated annealing's step for the inspector: the Gaussian proposal, Δf, the Metropolis test
// (exp(−Δf/T) against the uniform draw) and the temperature schedule with its numbers.

/** One step as the method took it, recorded on the inspector's replay only. */
export interface AnnealingStep {
  /** k, counting from 0, and T_k, the temperature this step used. */
  readonly step: number;
  readonly temperature: number;
  /** T_{k+1}, the next step's. */
  readonly nextTemperature: number;
  readonly previous: Float64Array;
  readonly previousValue: number;
  readonly proposal: Float64Array;
  readonly proposalValue: number;
  /** min(1, exp(−Δf/T)); 0 at T = 0 uphill or for a NaN f. */
  readonly acceptanceProbability: number;
  /** The uniform draw u the Metropolis test compared with it; NaN when none was drawn (downhill, T = 0, NaN). */
  readonly draw: number;
  readonly accepted: boolean;
}

/** The schedule's settings, for its rule. */
export interface AnnealingSchedule {
  readonly cooling: 'exponential' | 'logarithmic' | 'linear';
  readonly initialTemperature: number;
  readonly alpha: number;
  readonly coolingSteps: number;
  readonly sigma: number;
}

/** The inspection after start() (`step` null: the first temperature) or after a step. */
export function annealingInspection(schedule: AnnealingSchedule, temperature: number, step: AnnealingStep | null): MethodInspection {
  const state: StateQuantity[] = [numberQuantity('temperature', 'temperature T of the latest step', 'T_k', temperature), numberQuantity('sigma', 'σ of the Gaussian proposals', '\\sigma', schedule.sigma)];
  if (step !== null) {
    state.push(
      vectorQuantity('proposal', 'proposed point x\' = x + σz', "x'", step.proposal),
      numberQuantity('proposalValue', "f at the proposal", "f(x')", step.proposalValue),
      numberQuantity('acceptanceProbability', 'probability of moving there, min(1, exp(−Δf/T))', 'p', step.acceptanceProbability),
      numberQuantity('accepted', 'accepted (1) or rejected (0)', '[x \\leftarrow x\']', step.accepted ? 1 : 0),
    );
  }
  state.push(stepEvaluationsQuantity(1));
  return { state, narration: step === null ? [] : narrate(schedule, step) };
}

function narrate(schedule: AnnealingSchedule, step: AnnealingStep): NarratedSubstep[] {
  const increase = step.proposalValue - step.previousValue;
  const { temperature: T } = step;
  const verdict = step.accepted ? 'the proposal is accepted' : 'the proposal is rejected and x stays';
  let test: NarratedSubstep;
  if (increase <= 0) {
    test = { sentence: `Δf ≤ 0, a downhill (or level) move, so ${verdict} without a draw.`, rule: `\\Delta f = ${num(increase)} \\le 0 \\Rightarrow x \\leftarrow x'` };
  } else if (!(increase > 0)) {
    test = { sentence: `f at the proposal is not a number, so ${verdict}.`, rule: `\\Delta f = \\text{NaN} \\Rightarrow \\text{reject}` };
  } else if (!(T > 0)) {
    test = { sentence: `Uphill at T = 0 (the greedy limit), so ${verdict}.`, rule: `\\Delta f = ${num(increase)} > 0,\\ T = 0 \\Rightarrow \\text{reject}` };
  } else {
    test = {
      sentence: `Uphill: it is taken with probability exp(−Δf/T) = exp(−${word(increase)}/${word(T)}) = ${word(step.acceptanceProbability)}; the uniform draw u = ${word(step.draw)} is ${step.accepted ? 'below' : 'not below'} it, so ${verdict}.`,
      rule: `p = e^{-\\Delta f / T} = e^{-${num(increase)} / ${num(T)}} = ${num(step.acceptanceProbability)},\\ u = ${num(step.draw)} ${step.accepted ? '<' : '\\ge'} p`,
    };
  }
  return [
    {
      sentence: `Proposed ${words(step.proposal)}, a Gaussian step of σ = ${word(schedule.sigma)} from the current point ${words(step.previous)}.`,
      rule: `x' = x + \\sigma z = ${vec(step.previous)} + ${num(schedule.sigma)}\\, z = ${vec(step.proposal)},\\ z \\sim \\mathcal{N}(0, I)`,
    },
    {
      sentence: `f there is ${word(step.proposalValue)} against ${word(step.previousValue)} at the current point (one evaluation): Δf = ${word(increase)}.`,
      rule: `\\Delta f = f(x') - f(x) = ${num(step.proposalValue)} - ${num(step.previousValue)} = ${num(increase)}`,
    },
    test,
    {
      sentence: `The temperature of step ${step.step} was T = ${word(T)} (${schedule.cooling} cooling); the next step's is ${word(step.nextTemperature)}.`,
      rule: coolingRule(schedule, step.step, T),
    },
  ];
}

/** T_k by its schedule with the values substituted. */
function coolingRule(schedule: AnnealingSchedule, k: number, temperature: number): string {
  const T0 = num(schedule.initialTemperature);
  switch (schedule.cooling) {
    case 'exponential':
      return `T_{${k}} = T_0\\,\\alpha^{k} = ${T0} \\cdot ${num(schedule.alpha)}^{${k}} = ${num(temperature)}`;
    case 'logarithmic':
      return `T_{${k}} = \\frac{T_0 \\ln 2}{\\ln(k + 2)} = \\frac{${T0} \\ln 2}{\\ln ${k + 2}} = ${num(temperature)}`;
    case 'linear':
      return `T_{${k}} = T_0 \\max\\left(0, 1 - \\tfrac{k}{K}\\right) = ${T0} \\max\\left(0, 1 - \\tfrac{${k}}{${schedule.coolingSteps}}\\right) = ${num(temperature)}`;
  }
}
