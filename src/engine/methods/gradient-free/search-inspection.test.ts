import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues } from '../first-order/hyper';
import { narratedNumber } from '../narration-format';
import type { MethodDefinition } from '../method';
import { differentialEvolution } from './differential-evolution';
import { arrayOf, narrationText, numberOf } from './inspection.test-helper';
import { FAILURE_LOG_FACTOR, onePlusOneEs, SUCCESS_LOG_FACTOR } from './one-plus-one-es';
import { pso } from './pso';
import { randomSearch } from './random-search';

/*
 * The inspector's state of the (1+1)-ES, PSO, differential evolution and random search against the
 * math, step by step: every f shown is the objective's at the point shown; the (1+1)-ES's σ is
 * σ0·e^{s/3 − f/12} over the successes s and failures f read off the path, a success being f(x') ≤ f(x);
 * PSO's particles move by the velocities shown (x_k = x_{k−1} + v_k), each personal best is the best
 * of its particle's positions so far and the global best the best of those; DE's best member is the
 * population's lowest f; random search keeps the lowest f sampled.
 */
const objective = getSurface('himmelblau')!.create() as Objective;
const f = (point: ArrayLike<number>) => objective.value(point);

function runOptions(method: MethodDefinition, numSteps: number) {
  return { objective, method, hyper: defaultHyperValues(method.hyperSpecs), start: [-0.35, -0.75], numSteps, seed: 5, domain: [[-5, 5], [-5, 5]] as const };
}

function rows(values: number[], n: number): number[][] {
  return Array.from({ length: values.length / n }, (_, i) => values.slice(i * n, (i + 1) * n));
}

describe('one_plus_one_es inspection', () => {
  it('σ follows the 1/5th rule over the successes, which are the offspring no worse than the parent', () => {
    const options = runOptions(onePlusOneEs, 25);
    let logSigma = Math.log(0.5);
    let successes = 0;
    for (let k = 1; k <= 25; k++) {
      const inspection = inspectStep(options, k);
      const method = inspection.method;
      const proposal = arrayOf(method, 'proposal');
      expect(numberOf(method, 'proposalValue')).toBe(f(proposal));
      const success = f(proposal) <= f(inspection.previousPoint!);
      expect(numberOf(method, 'accepted')).toBe(success ? 1 : 0);
      expect(Array.from(inspection.point)).toEqual(success ? proposal : Array.from(inspection.previousPoint!));
      expect(arrayOf(method, 'mean')).toEqual(Array.from(inspection.point));
      logSigma += success ? SUCCESS_LOG_FACTOR : FAILURE_LOG_FACTOR;
      if (success) successes++;
      expect(Math.abs(numberOf(method, 'sigma') / Math.exp(logSigma) - 1)).toBeLessThan(1e-13);
      expect(narrationText(method)).toContain(`to ${narratedNumber(Math.exp(logSigma))}`);
    }
    expect(successes).toBeGreaterThan(0);
    expect(successes).toBeLessThan(25);
  });
});

describe('pso inspection', () => {
  it('particles move by the velocities shown, and the bests are the best positions so far', () => {
    const options = runOptions(pso, 12);
    const start = inspectStep(options, 0).method;
    const n = 2;
    let positions = rows(arrayOf(start, 'population'), n);
    let bests = positions.map((position) => ({ position, value: f(position) }));
    for (let k = 1; k <= 12; k++) {
      const inspection = inspectStep(options, k);
      const method = inspection.method;
      const velocities = rows(arrayOf(method, 'velocities'), n);
      const next = rows(arrayOf(method, 'population'), n);
      next.forEach((position, i) => position.forEach((x, d) => expect(x).toBe(positions[i][d] + velocities[i][d])));
      const values = arrayOf(method, 'populationValues');
      next.forEach((position, i) => expect(values[i]).toBe(f(position)));
      bests = bests.map((best, i) => (values[i] < best.value ? { position: next[i], value: values[i] } : best));
      expect(rows(arrayOf(method, 'personalBest'), n)).toEqual(bests.map((best) => best.position));
      expect(arrayOf(method, 'personalBestValues')).toEqual(bests.map((best) => best.value));
      const lowest = Math.min(...bests.map((best) => best.value));
      expect(numberOf(method, 'bestValue')).toBe(lowest);
      expect(f(arrayOf(method, 'globalBest'))).toBe(lowest);
      expect(Array.from(inspection.point)).toEqual(arrayOf(method, 'globalBest'));
      expect(narrationText(method)).toContain(`f was evaluated at all ${values.length} particles`);
      positions = next;
    }
  });
});

describe('differential_evolution inspection', () => {
  it('shows the population with its f, the lowest first, and F within the dithering range', () => {
    const options = runOptions(differentialEvolution, 8);
    for (let k = 0; k <= 8; k++) {
      const method = inspectStep(options, k).method;
      const population = rows(arrayOf(method, 'population'), 2);
      const values = arrayOf(method, 'populationValues');
      population.forEach((member, i) => expect(values[i]).toBe(f(member)));
      expect(values[0]).toBe(Math.min(...values));
      expect(arrayOf(method, 'best')).toEqual(population[0]);
      if (k > 0) {
        const scale = numberOf(method, 'mutationFactor');
        expect(scale).toBeGreaterThanOrEqual(0.5);
        expect(scale).toBeLessThan(1);
      }
    }
  });
});

describe('random_search inspection', () => {
  for (const samples of [1, 4]) {
    it(`keeps the lowest f sampled (${samples} sample${samples > 1 ? 's' : ''} a step)`, () => {
      const options = { ...runOptions(randomSearch, 15), hyper: { ...defaultHyperValues(randomSearch.hyperSpecs), samples } };
      let bestValue = f([-0.35, -0.75]);
      for (let k = 1; k <= 15; k++) {
        const method = inspectStep(options, k).method;
        const drawn = samples === 1 ? [arrayOf(method, 'proposal')] : rows(arrayOf(method, 'population'), 2);
        for (const sample of drawn) for (const x of sample) expect(Math.abs(x)).toBeLessThanOrEqual(5);
        const lowest = Math.min(...drawn.map(f));
        expect(numberOf(method, 'accepted')).toBe(lowest < bestValue ? 1 : 0);
        bestValue = Math.min(bestValue, lowest);
        expect(numberOf(method, 'bestValue')).toBe(bestValue);
        expect(f(arrayOf(method, 'best'))).toBe(bestValue);
        expect(numberOf(method, 'stepEvaluations')).toBe(samples);
      }
    });
  }
});
