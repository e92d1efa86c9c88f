import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { Runner, runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import { getMethod } from '../index';
import { DE_CONVERGED, differentialEvolution } from './differential-evolution';

/*
 * scipy's random stream cannot be reproduced here, so the reference is statistical
 * (scripts/references/scipy_de.py): scipy.optimize.differential_evolution (best1bin, its defaults,
 * polish=False, tol=atol=0, bounds = our initial box, x0 = the start) over 25 seeds records the
 * evaluations made when f − f* < 1e-6 first held. Ours, over its own 25 seeds from the same start
 * and box, must succeed as often and reach the target within 1.5x of scipy's median cost (both
 * count every evaluation of f, the initial population's included: scipy's nfev is our oracle's
 * function count; we count here per call, not per generation, as scipy's counter does).
 * "As often" allows two more misses in 25 than scipy: scipy's bounds keep its search in the box,
 * ours has none, and on Beale a seed can follow the valley towards x → −∞, y → 1, where f tends to
 * 0.45 and never reaches the target (one in 25 did under an earlier order of draws); scipy cannot.
 * Measured when written (ours / scipy's median evaluations, successes of 25 each): Rosenbrock
 * 834 / 807, Himmelblau 784 / 654, Booth 632 / 609, Beale 665 / 615 (ratios 1.03, 1.20, 1.04, 1.08).
 */
const EXTRA_MISSES_ALLOWED = 2;

interface ReferenceCase {
  surface: string;
  start: [number, number];
  init_radius: number;
  minimum: number;
  evaluations: (number | null)[];
  success_rate: number;
  median_evaluations: number;
}

const reference = JSON.parse(readFileSync(new URL('./differential-evolution.golden.json', import.meta.url), 'utf8')) as {
  target: number;
  seeds: number;
  max_evaluations: number;
  cases: ReferenceCase[];
};

const hyperOf = (overrides: HyperValues): HyperValues => ({ ...defaultHyperValues(differentialEvolution.hyperSpecs), ...overrides });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The evaluation (1-based, as scipy's nfev) at which f − f* < target first held, or null. */
function evaluationsToTarget(objective: Objective, minimum: number, start: readonly number[], hyper: HyperValues, seed: number): number | null {
  let count = 0;
  let reachedAt: number | null = null;
  const counted: Objective = {
    ...objective,
    value(point) {
      count++;
      const value = objective.value(point);
      if (reachedAt === null && value - minimum < reference.target) reachedAt = count;
      return value;
    },
  };
  const runner = new Runner({ objective: counted, method: differentialEvolution, hyper, start, numSteps: 1, seed, record: false });
  while (reachedAt === null && count < reference.max_evaluations && runner.diverged === null && runner.converged === null) runner.advance(1);
  return reachedAt;
}

describe('differential_evolution against scipy (best1bin)', () => {
  for (const referenceCase of reference.cases) {
    it(`${referenceCase.surface}: as often to f − f* < 1e-6, median evaluations within 1.5x of scipy's`, () => {
      const objective = getSurface(referenceCase.surface)!.create();
      const hyper = hyperOf({ tol: 0, init_radius: referenceCase.init_radius });
      const counts: number[] = [];
      for (let seed = 0; seed < reference.seeds; seed++) {
        const reached = evaluationsToTarget(objective, referenceCase.minimum, referenceCase.start, hyper, seed);
        if (reached !== null) counts.push(reached);
      }
      expect(counts.length).toBeGreaterThanOrEqual(Math.round(referenceCase.success_rate * reference.seeds) - EXTRA_MISSES_ALLOWED);
      const ratio = median(counts) / referenceCase.median_evaluations;
      expect(ratio).toBeGreaterThan(1 / 1.5);
      expect(ratio).toBeLessThan(1.5);
    });
  }
});

describe('differential_evolution', () => {
  const booth = getSurface('booth')!.create();
  const start = [-3, 4];

  it('is registered at the end of the gradient-free family and evaluates f only', () => {
    expect(getMethod('differential_evolution')).toBe(differentialEvolution);
    const result = runMethod({ objective: booth, method: differentialEvolution, hyper: hyperOf({ tol: 0 }), start, numSteps: 12, seed: 3 });
    // population max(5, 15·2) = 30: the start evaluates it, each generation makes one trial per member
    expect(Array.from(result.evaluations.function)).toEqual(Array.from({ length: 13 }, (_, k) => 30 * (k + 1)));
    expect(result.evaluations.gradient.every((count) => count === 0)).toBe(true);
    expect(result.evaluations.hessian.every((count) => count === 0)).toBe(true);
  });

  it('draws the first population as a Latin hypercube of the box around the start, the start as member 0', () => {
    const result = runMethod({ objective: booth, method: differentialEvolution, hyper: hyperOf({ init_radius: 2 }), start, numSteps: 0, seed: 8 });
    const population = result.snapshots![0]!.population!;
    expect(population.length).toBe(60);
    // member 0 is the best of the initial population (promoted), and the start is one of the members
    const members = Array.from({ length: 30 }, (_, i) => [population[2 * i], population[2 * i + 1]]);
    expect(members.some(([x, y]) => x === -3 && y === 4)).toBe(true);
    const values = members.map((member) => booth.value(member));
    expect(values[0]).toBe(Math.min(...values));
    // every coordinate of the 29 sampled members in its own of 30 strata of [start − 2, start + 2]
    for (let j = 0; j < 2; j++) {
      const strata = members.filter(([x, y]) => !(x === -3 && y === 4)).map((member) => Math.floor(((member[j] - (start[j] - 2)) / 4) * 30));
      expect(new Set(strata).size).toBe(29);
      expect(strata.every((stratum) => stratum >= 0 && stratum < 30)).toBe(true);
    }
  });

  it('uses the view as the box when asked, in 2-D', () => {
    const domain = [[10, 11], [20, 21]] as const;
    const result = runMethod({ objective: booth, method: differentialEvolution, hyper: hyperOf({ init_region: 'view', init: 'random' }), start, numSteps: 0, seed: 8, domain });
    const population = result.snapshots![0]!.population!;
    const inView = (i: number) => population[2 * i] >= 10 && population[2 * i] <= 11 && population[2 * i + 1] >= 20 && population[2 * i + 1] <= 21;
    expect(Array.from({ length: 30 }, (_, i) => i).filter(inView).length).toBe(29);
  });

  it('moves the point to the best member; selection never makes a member worse', () => {
    const result = runMethod({ objective: booth, method: differentialEvolution, hyper: hyperOf({ tol: 0 }), start, numSteps: 40, seed: 5 });
    let previous: number[] | null = null;
    for (let k = 1; k <= 40; k++) {
      const population = result.snapshots![k]!.population!;
      const values = Array.from({ length: 30 }, (_, i) => booth.value(population.subarray(2 * i, 2 * i + 2)));
      expect(Array.from(result.trajectory.subarray(2 * k, 2 * k + 2))).toEqual(Array.from(population.subarray(0, 2)));
      expect(result.loss[k]).toBe(Math.min(...values));
      // each member's f only falls, so the k-th smallest f never rises (rows are swapped by promotion)
      const sorted = values.sort((a, b) => a - b);
      if (previous !== null) for (let i = 0; i < 30; i++) expect(sorted[i]).toBeLessThanOrEqual(previous[i]);
      previous = sorted;
    }
    expect(result.loss[40]).toBeLessThan(1e-6);
  });

  it('stops, as scipy, when std(f) ≤ atol + tol·|mean f| after a generation', () => {
    const result = runMethod({ objective: booth, method: differentialEvolution, hyper: hyperOf({}), start, numSteps: 1000, seed: 2 });
    expect(result.converged?.reason).toBe(DE_CONVERGED);
    const spread = (k: number) => {
      const population = result.snapshots![k]!.population!;
      const values = Array.from({ length: 30 }, (_, i) => booth.value(population.subarray(2 * i, 2 * i + 2)));
      const mean = values.reduce((sum, value) => sum + value, 0) / 30;
      return { mean, deviation: Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 30) };
    };
    const last = result.converged!.step;
    expect(spread(last).deviation).toBeLessThanOrEqual(0.01 * Math.abs(spread(last).mean));
    expect(spread(last - 1).deviation).toBeGreaterThan(0.01 * Math.abs(spread(last - 1).mean));
  });

  it('deferred updating works too and reaches the minimum', () => {
    const result = runMethod({ objective: booth, method: differentialEvolution, hyper: hyperOf({ tol: 0, updating: 'deferred' }), start, numSteps: 60, seed: 1 });
    expect(result.loss[60]).toBeLessThan(1e-6);
  });

  it('runs in n dimensions', () => {
    const sphere = getSurface('rosenbrock')!.nDimensional!.create(undefined, 5);
    const result = runMethod({ objective: sphere, method: differentialEvolution, hyper: hyperOf({ tol: 0, init_radius: 2 }), start: [0, 0, 0, 0, 0], numSteps: 300, seed: 4 });
    expect(result.evaluations.function[1]).toBe(150);
    expect(result.loss[300]).toBeLessThan(1e-3);
  });

  it('is deterministic per seed', () => {
    const run = (seed: number) => runMethod({ objective: booth, method: differentialEvolution, hyper: hyperOf({ tol: 0 }), start, numSteps: 10, seed });
    expect(run(7).trajectory).toEqual(run(7).trajectory);
    expect(run(7).snapshots).toEqual(run(7).snapshots);
    expect(run(8).trajectory).not.toEqual(run(7).trajectory);
  });
});
