import { describe, expect, it } from 'vitest';
import { getSurface } from '../../problems/surfaces';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import { onePlusOneEs } from './one-plus-one-es';
import { valueOnlyObjective } from './value-only-objective.test-helper';

const hyper = (overrides: HyperValues = {}): HyperValues => ({ ...defaultHyperValues(onePlusOneEs.hyperSpecs), ...overrides });
const sphere = (dimension: number) => valueOnlyObjective(dimension, (p) => Array.from(p).reduce((sum, x) => sum + x * x, 0));

describe('one_plus_one_es', () => {
  it('keeps the offspring iff it is no worse and scales σ by e^(1/3) on success, e^(−1/12) on failure', () => {
    const rosenbrock = getSurface('rosenbrock')!.create();
    const sigma0 = 0.5;
    const result = runMethod({ objective: rosenbrock, method: onePlusOneEs, hyper: hyper({ sigma: sigma0 }), start: [-1.5, 2], numSteps: 300, seed: 4 });
    let successes = 0;
    for (let k = 1; k < result.loss.length; k++) {
      const snapshot = result.snapshots![k]!;
      const offspring = Array.from(snapshot.proposals!);
      const success = rosenbrock.value(offspring) <= result.loss[k - 1];
      expect(snapshot.accepted![0]).toBe(success ? 1 : 0);
      expect(Array.from(result.trajectory.subarray(2 * k, 2 * k + 2))).toEqual(success ? offspring : Array.from(result.trajectory.subarray(2 * k - 2, 2 * k)));
      if (success) successes++;
      // Kern et al. (2004): σ_k = σ0 · exp(successes/3 − failures/12)
      const expected = sigma0 * Math.exp(successes / 3 - (k - successes) / 12);
      expect(Math.abs(snapshot.distribution!.sigma - expected)).toBeLessThanOrEqual(1e-12 * expected);
      expect(Array.from(snapshot.distribution!.mean)).toEqual(Array.from(result.trajectory.subarray(2 * k, 2 * k + 2)));
      expect(Array.from(snapshot.distribution!.covariance)).toEqual([1, 0, 0, 1]);
    }
    // elitist: f of the parent never rises
    for (let k = 1; k < result.loss.length; k++) expect(result.loss[k]).toBeLessThanOrEqual(result.loss[k - 1]);
    expect(successes).toBeGreaterThan(0);
  });

  it('succeeds half the time on a linear function, so log σ grows by (1/3 − 1/12)/2 = 1/8 a step on average', () => {
    // on f = aᵀx a symmetric Gaussian step is downhill with probability exactly 1/2, whatever σ: over
    // 4,000 independent steps (200 seeds × 20) the success rate is within 4 standard errors of 1/2
    const linear = valueOnlyObjective(3, (p) => 2 * p[0] - p[1] + 0.5 * p[2]);
    let successes = 0;
    let logGrowth = 0;
    const trials = 200 * 20;
    for (let seed = 0; seed < 200; seed++) {
      const result = runMethod({ objective: linear, method: onePlusOneEs, hyper: hyper({ sigma: 1 }), start: [0, 0, 0], numSteps: 20, seed });
      for (const snapshot of result.snapshots!.slice(1)) successes += snapshot!.accepted![0];
      logGrowth += Math.log(result.snapshots![20]!.distribution!.sigma);
    }
    const rate = successes / trials;
    expect(Math.abs(rate - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / trials));
    // each step's log-factor is 1/3 or −1/12 with probability 1/2: mean 1/8, standard deviation 5/24
    expect(Math.abs(logGrowth / trials - 1 / 8)).toBeLessThan((4 * (5 / 24)) / Math.sqrt(trials));
  });

  it('settles near the 1/5 success rate on the sphere, converging log-linearly in ten dimensions', () => {
    const result = runMethod({ objective: sphere(10), method: onePlusOneEs, hyper: hyper({ sigma: 1 }), start: new Array<number>(10).fill(1), numSteps: 3000, seed: 8 });
    let successes = 0;
    for (const snapshot of result.snapshots!.slice(1001)) successes += snapshot!.accepted![0];
    // log σ tracks log ‖x‖, which falls steadily, so the rate sits a little below 1/5
    const rate = successes / 2000;
    expect(rate).toBeGreaterThan(0.14);
    expect(rate).toBeLessThan(0.2);
    expect(result.loss[3000]).toBeLessThan(1e-12);
    // above 16 dimensions no distribution is recorded (n × n covariance per point), only the offspring
    const wide = runMethod({ objective: sphere(20), method: onePlusOneEs, hyper: hyper(), start: new Array<number>(20).fill(1), numSteps: 2, seed: 1 });
    expect(wide.snapshots![2]!.distribution).toBeUndefined();
    expect(wide.snapshots![2]!.proposals!.length).toBe(20);
  });

  it('evaluates f once a step and never a gradient or Hessian', () => {
    const result = runMethod({ objective: sphere(2), method: onePlusOneEs, hyper: hyper(), start: [1, 1], numSteps: 50, seed: 1 });
    expect(Array.from(result.evaluations.function)).toEqual(Array.from({ length: 51 }, (_, k) => 1 + k));
    expect(Array.from(result.evaluations.gradient).every((count) => count === 0)).toBe(true);
    expect(Array.from(result.evaluations.hessian).every((count) => count === 0)).toBe(true);
  });

  it('follows the same path for the same seed and another for another seed', () => {
    const run = (seed: number) => Array.from(runMethod({ objective: getSurface('beale')!.create(), method: onePlusOneEs, hyper: hyper(), start: [1, 1.5], numSteps: 100, seed }).trajectory);
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });
});
