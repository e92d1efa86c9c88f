import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues } from '../first-order/hyper';
import { narratedNumber, narratedVector } from '../narration-format';
import { cmaConstants } from './cma-constants';
import { cmaEs } from './cma-es';
import { cmaInspection } from './cma-es-narration';
import { CmaEvolution } from './cma-evolution';
import { arrayOf, narrationText, numberOf } from './inspection.test-helper';

/*
 * The inspector's CMA-ES state against the `cmaes` library (python3-cmaes 0.9.1): the same seeds are
 * not possible (our stream is not numpy's), so the library's own generations (cmaes-reference.golden.json,
 * scripts/references/cmaes_evaluations.py) are fed through our update, and after each generation k the
 * inspection's mean, sigma, covariance, evolutionPathSigma and evolutionPathCovariance equal the
 * library's m, σ, C, p_σ and p_c after its k-th tell; its ranking equals the library's sort and the
 * narration's weighted step y_w equals (m' − m)/σ of the library's states. Tolerance as cma-es.test.ts:
 * 1e-10 relative (floors 1e-12, times C's largest entry for C).
 */
interface LibraryGeneration {
  population: number[];
  values: number[];
  mean: number[];
  sigma: number;
  covariance: number[];
  step_size_path: number[];
  covariance_path: number[];
  order: number[];
  weighted_step: number[];
}
interface LibraryReplay {
  start: number[];
  sigma: number;
  population_size: number;
  generations: LibraryGeneration[];
}
const reference = JSON.parse(readFileSync(new URL('./cmaes-reference.golden.json', import.meta.url), 'utf8')) as { library: string; replays: Record<string, LibraryReplay> };

function worstError(actual: readonly number[], expected: readonly number[], floor: number): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}

describe(`cma_es inspection after k generations equals ${reference.library}'s state, fed the same samples`, () => {
  for (const [name, replay] of Object.entries(reference.replays)) {
    it(`${name}: ${replay.generations.length} generations`, () => {
      const n = replay.start.length;
      const evolution = new CmaEvolution(cmaConstants(n, replay.population_size), replay.start, replay.sigma);
      const initial = cmaInspection(evolution, null);
      expect(arrayOf(initial, 'mean')).toEqual(replay.start);
      expect(numberOf(initial, 'sigma')).toBe(replay.sigma);
      expect(initial.narration).toEqual([]);
      let worst = 0;
      for (const generation of replay.generations) {
        const population = Float64Array.from(generation.population);
        const values = Float64Array.from(generation.values);
        const report = evolution.tell(population, values, true)!;
        const inspection = cmaInspection(evolution, { population, values, report, evaluations: replay.population_size + 1 });
        const largest = Math.max(...generation.covariance.map(Math.abs));
        worst = Math.max(
          worst,
          worstError(arrayOf(inspection, 'mean'), generation.mean, 1e-12),
          worstError([numberOf(inspection, 'sigma')], [generation.sigma], 0),
          worstError(arrayOf(inspection, 'covariance'), generation.covariance, 1e-12 * largest),
          worstError(arrayOf(inspection, 'evolutionPathSigma'), generation.step_size_path, 1e-12),
          worstError(arrayOf(inspection, 'evolutionPathCovariance'), generation.covariance_path, 1e-12),
          worstError(Array.from(report.weightedStep), generation.weighted_step, 1e-9),
        );
        expect(report.order).toEqual(generation.order);
        expect(arrayOf(inspection, 'population')).toEqual(generation.population);
        const best = generation.order[0];
        expect(arrayOf(inspection, 'best')).toEqual(generation.population.slice(best * n, (best + 1) * n));
        expect(numberOf(inspection, 'bestValue')).toBe(generation.values[best]);
        // the narration names the library's new mean and σ (at the narration's 4 digits)
        const text = narrationText(inspection);
        expect(text).toContain(`to ${narratedVector(generation.mean)}.`);
        expect(text).toContain(`to ${narratedNumber(generation.sigma)}.`);
        expect(inspection.narration).toHaveLength(7);
      }
      console.info(`cma_es inspection ${name}: worst relative difference to cmaes ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-10);
    });
  }
});

describe('cma_es inspect() on a run', () => {
  it('shows the mean at the trajectory point, λ + 1 evaluations, and a state that its own generation reproduces', () => {
    const objective = getSurface('rosenbrock')!.create() as Objective;
    const options = { objective, method: cmaEs, hyper: defaultHyperValues(cmaEs.hyperSpecs), start: [-1.5, 2], numSteps: 6, seed: 4 };
    const constants = cmaConstants(2);
    const replayed = new CmaEvolution(constants, [-1.5, 2], 0.5);
    for (let k = 1; k <= 6; k++) {
      const inspection = inspectStep(options, k);
      expect(arrayOf(inspection.method, 'mean')).toEqual(Array.from(inspection.point));
      expect(numberOf(inspection.method, 'stepEvaluations')).toBe(7);
      // the method's own generation, told to a fresh update, lands on the state it shows
      replayed.tell(arrayOf(inspection.method, 'population'), arrayOf(inspection.method, 'populationValues'));
      expect(arrayOf(inspection.method, 'covariance')).toEqual(Array.from(replayed.covariance));
      expect(numberOf(inspection.method, 'sigma')).toBe(replayed.sigma);
      // the candidates' f are the objective's
      const population = arrayOf(inspection.method, 'population');
      arrayOf(inspection.method, 'populationValues').forEach((value, i) => expect(value).toBe(objective.value(population.slice(2 * i, 2 * i + 2))));
    }
  });
});
