import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import { narratedNumber } from '../narration-format';
import { arrayOf, narrationText, numberOf } from './inspection.test-helper';
import { simulatedAnnealing } from './simulated-annealing';

/*
 * The inspector's annealing state against the math: the temperature at step k is the schedule's
 * formula written out here (T0·αᵏ, T0·ln 2/ln(k + 2), T0·max(0, 1 − k/K)), Δf is recomputed from the
 * objective at the proposal and at x_{k−1}, the acceptance probability is exp(−Δf/T), and the
 * verdict is Metropolis's (Δf ≤ 0, or u < p) and agrees with where the path went.
 */
const T0 = 2;
const schedules: { name: string; hyper: HyperValues; formula: (k: number) => number }[] = [
  { name: 'exponential', hyper: { cooling: 'exponential', alpha: 0.9 }, formula: (k) => T0 * 0.9 ** k },
  { name: 'logarithmic', hyper: { cooling: 'logarithmic' }, formula: (k) => (T0 * Math.log(2)) / Math.log(k + 2) },
  { name: 'linear', hyper: { cooling: 'linear', cooling_steps: 12 }, formula: (k) => T0 * Math.max(0, 1 - k / 12) },
];

describe('simulated_annealing inspection', () => {
  for (const schedule of schedules) {
    it(`${schedule.name}: T_k is the schedule's formula, and the Metropolis test reads from Δf, T and the draw`, () => {
      const objective = getSurface('himmelblau')!.create() as Objective;
      const hyper = { ...defaultHyperValues(simulatedAnnealing.hyperSpecs), initial_temperature: T0, sigma: 0.8, ...schedule.hyper };
      const options = { objective, method: simulatedAnnealing, hyper, start: [-0.35, -0.75], numSteps: 16, seed: 9 };
      expect(numberOf(inspectStep(options, 0).method, 'temperature')).toBe(T0);
      const verdicts = new Set<string>();
      for (let k = 1; k <= 16; k++) {
        const inspection = inspectStep(options, k);
        const method = inspection.method;
        // trajectory index k follows step k − 1, which used T_{k−1}
        const temperature = numberOf(method, 'temperature');
        expect(Math.abs(temperature - schedule.formula(k - 1))).toBeLessThanOrEqual(1e-14 * T0);
        const proposal = arrayOf(method, 'proposal');
        const increase = objective.value(proposal) - objective.value(inspection.previousPoint!);
        expect(numberOf(method, 'proposalValue')).toBe(objective.value(proposal));
        const probability = numberOf(method, 'acceptanceProbability');
        const accepted = numberOf(method, 'accepted') === 1;
        const text = narrationText(method);
        expect(text).toContain(`Δf = ${narratedNumber(increase)}`);
        if (increase <= 0) {
          expect(probability).toBe(1);
          expect(accepted).toBe(true);
          verdicts.add('downhill');
        } else if (temperature === 0) {
          expect(accepted).toBe(false);
          verdicts.add('greedy');
        } else {
          expect(Math.abs(probability - Math.exp(-increase / temperature))).toBeLessThanOrEqual(1e-15);
          const draw = Number(/u = (\S+) is/.exec(method!.narration[2].sentence)?.[1].replace('−', '-'));
          expect(draw).toBeGreaterThanOrEqual(0);
          expect(draw).toBeLessThan(1);
          // the 4 digits shown decide it unless u and p are that close
          if (Math.abs(draw - probability) > 1e-3) expect(accepted).toBe(draw < probability);
          verdicts.add(accepted ? 'uphill accepted' : 'uphill rejected');
        }
        expect(Array.from(inspection.point)).toEqual(accepted ? proposal : Array.from(inspection.previousPoint!));
        expect(numberOf(method, 'stepEvaluations')).toBe(1);
        expect(inspection.evaluations.function).toBe(1 + k);
        expect(method!.narration[3].sentence).toContain(`the next step's is ${narratedNumber(schedule.formula(k))}`);
      }
      console.info(`simulated_annealing ${schedule.name}: ${[...verdicts].join(', ')}`);
      expect(verdicts.has('downhill')).toBe(true);
    });
  }

  it('covers an uphill move accepted and one rejected', () => {
    const objective = getSurface('himmelblau')!.create() as Objective;
    const hyper = { ...defaultHyperValues(simulatedAnnealing.hyperSpecs), initial_temperature: 5, sigma: 1 };
    const verdicts = new Set<string>();
    for (let k = 1; k <= 30; k++) {
      const { method } = inspectStep({ objective, method: simulatedAnnealing, hyper, start: [0, 0], numSteps: 30, seed: 2 }, k);
      const sentence = method!.narration[2].sentence;
      if (sentence.startsWith('Uphill:')) verdicts.add(sentence.includes('is below') ? 'accepted' : 'rejected');
    }
    expect(verdicts).toEqual(new Set(['accepted', 'rejected']));
  });
});
