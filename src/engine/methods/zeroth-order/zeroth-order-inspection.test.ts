import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import { arrayOf, narrationText, numberOf } from '../gradient-free/inspection.test-helper';
import { narratedNumber } from '../narration-format';
import { getMethod } from '../index';

/*
 * The inspector's zeroth-order state against the math, recomputed here from the probes it shows: with
 * Δ_j = (x₊ − x₋)/(2c) (the perturbation of pair j), the estimate is (1/q) Σ (f(x₊) − f(x₋))/(2c)·Δ_j for
 * the Gaussian methods and (f(x₊) − f(x₋))/(2c·Δᵢ) for SPSA, with f evaluated by the test; the probes
 * straddle x_{k−1}; the update is x_{k−1} − γ·ĝ (zo_sgd, SPSA), − γ·sign(ĝ) (zo_sign_sgd), and for
 * zo_adam m and v follow torch's recursions over the estimates shown and the step is −(effective rate)⊙m.
 * Tolerance 1e-9 relative (floor 1e-9): recovering Δ from x ± cΔ loses about log10(|x|/c) digits.
 */
const objective = getSurface('rosenbrock')!.create() as Objective;

function close(actual: readonly number[], expected: readonly number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]), `${what}[${i}]: ${value} vs ${expected[i]}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected[i]), 1e-9)));
}

const cases: { id: string; hyper: HyperValues; c: (k: number) => number }[] = [
  { id: 'zo_sgd', hyper: { lr: 1e-3, eps: 1e-3 }, c: () => 1e-3 },
  { id: 'zo_sgd', hyper: { lr: 1e-3, eps: 1e-2, q: 3 }, c: () => 1e-2 },
  { id: 'zo_sign_sgd', hyper: { lr: 0.01, eps: 1e-3 }, c: () => 1e-3 },
  { id: 'zo_adam', hyper: { lr: 0.05, mu: 1e-3, q: 2, amsgrad: true }, c: () => 1e-3 },
  { id: 'spsa', hyper: { a: 0.002, c: 0.05 }, c: (k) => 0.05 / (k + 1) ** 0.101 },
];

describe('zeroth-order inspection: the estimate recomputed from the probes', () => {
  for (const { id, hyper, c } of cases) {
    it(`${id} ${JSON.stringify(hyper)}`, () => {
      const method = getMethod(id)!;
      const options = { objective, method, hyper: { ...defaultHyperValues(method.hyperSpecs), ...hyper }, start: [-1.2, 1], numSteps: 10, seed: 11 };
      const q = id === 'spsa' ? 1 : Number(hyper.q ?? 1);
      const first = [0, 0];
      const second = [0, 0];
      for (let k = 1; k <= 10; k++) {
        const inspection = inspectStep(options, k);
        const state = inspection.method;
        const previous = Array.from(inspection.previousPoint!);
        const perturbation = numberOf(state, 'perturbation');
        expect(Math.abs(perturbation - c(k - 1))).toBeLessThanOrEqual(1e-15);
        const probes = arrayOf(state, 'probes');
        expect(probes).toHaveLength(4 * q);
        const expected = [0, 0];
        for (let j = 0; j < q; j++) {
          const plus = probes.slice(4 * j, 4 * j + 2);
          const minus = probes.slice(4 * j + 2, 4 * j + 4);
          close([(plus[0] + minus[0]) / 2, (plus[1] + minus[1]) / 2], previous, 'the probes straddle x');
          const delta = plus.map((value, i) => (value - minus[i]) / (2 * perturbation));
          const slope = (objective.value(plus) - objective.value(minus)) / (2 * perturbation);
          for (let i = 0; i < 2; i++) expected[i] += id === 'spsa' ? slope / delta[i] : (slope * delta[i]) / q;
          if (j === 0) {
            const norm = Math.hypot(...delta);
            close(arrayOf(state, 'probeDirection'), delta.map((value) => value / norm), 'probeDirection');
          }
        }
        const estimate = arrayOf(state, 'gradientEstimate');
        close(estimate, expected, 'gradientEstimate');
        const learningRate = numberOf(state, 'learningRate');
        const point = Array.from(inspection.point);
        if (id === 'zo_adam') {
          for (let i = 0; i < 2; i++) {
            first[i] = 0.9 * first[i] + 0.1 * estimate[i];
            second[i] = 0.999 * second[i] + 0.001 * estimate[i] * estimate[i];
          }
          close(arrayOf(state, 'firstMoment'), first, 'firstMoment');
          close(arrayOf(state, 'secondMoment'), second, 'secondMoment');
          const effective = arrayOf(state, 'effectiveLearningRate');
          close(point, previous.map((x, i) => x - effective[i] * first[i]), 'Adam step');
          expect(numberOf(state, 'step')).toBe(k);
        } else {
          const direction = id === 'zo_sign_sgd' ? estimate.map(Math.sign) : estimate;
          close(point, previous.map((x, i) => x - learningRate * direction[i]), 'update');
        }
        expect(numberOf(state, 'stepEvaluations')).toBe(2 * q + 1);
        const text = narrationText(state);
        expect(text).toContain(`f = ${narratedNumber(objective.value(probes.slice(0, 2)))} at`);
        expect(text).toContain(`evaluated f ${2 * q + 1} times`);
      }
    });
  }

  it('is empty after the start and says the start cost one evaluation', () => {
    const method = getMethod('zo_sgd')!;
    const { method: state } = inspectStep({ objective, method, hyper: defaultHyperValues(method.hyperSpecs), start: [0, 0], numSteps: 3 }, 0);
    expect(state?.narration).toEqual([]);
    expect(numberOf(state, 'stepEvaluations')).toBe(1);
  });
});
