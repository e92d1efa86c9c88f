import { describe, expect, it } from 'vitest';
import { getSurface } from '../../problems/surfaces';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import { simulatedAnnealing } from './simulated-annealing';
import { valueOnlyObjective } from './value-only-objective.test-helper';

const hyper = (overrides: HyperValues = {}): HyperValues => ({ ...defaultHyperValues(simulatedAnnealing.hyperSpecs), ...overrides });
/** f(x, y) = x: Δ = x' − x is known exactly for every proposal. */
const slope = valueOnlyObjective(2, (p) => p[0]);

describe('simulated_annealing', () => {
  it('accepts every downhill move and uphill ones with probability exp(−Δ/T) (Metropolis)', () => {
    // α = 1 keeps T = T0. Over the uphill proposals the number accepted is a sum of independent
    // Bernoulli(exp(−Δ_i/T)): its mean Σ p_i and variance Σ p_i(1 − p_i) come from the proposals alone.
    // Allowed: 4 standard deviations, overall and in each of three bands of Δ/T.
    const temperature = 0.5;
    const steps = 20000;
    const result = runMethod({ objective: slope, method: simulatedAnnealing, hyper: hyper({ sigma: 0.5, initial_temperature: temperature, alpha: 1 }), start: [0, 0], numSteps: steps, seed: 31 });
    const bands = [
      { upTo: 0.5, accepted: 0, expected: 0, variance: 0 },
      { upTo: 1.5, accepted: 0, expected: 0, variance: 0 },
      { upTo: Infinity, accepted: 0, expected: 0, variance: 0 },
    ];
    let uphill = 0;
    for (let k = 0; k < steps; k++) {
      const snapshot = result.snapshots![k + 1]!;
      expect(snapshot.temperature).toBe(temperature);
      const before = result.trajectory[2 * k];
      const increase = snapshot.proposals![0] - before;
      const accepted = snapshot.accepted![0] === 1;
      // the new point is the proposal when accepted, the old state otherwise
      const expectedPoint = accepted ? Array.from(snapshot.proposals!) : Array.from(result.trajectory.subarray(2 * k, 2 * k + 2));
      expect(Array.from(result.trajectory.subarray(2 * k + 2, 2 * k + 4))).toEqual(expectedPoint);
      if (increase <= 0) {
        expect(accepted).toBe(true);
        continue;
      }
      uphill++;
      const probability = Math.exp(-increase / temperature);
      const band = bands.find((candidate) => increase / temperature <= candidate.upTo)!;
      band.accepted += accepted ? 1 : 0;
      band.expected += probability;
      band.variance += probability * (1 - probability);
    }
    expect(uphill).toBeGreaterThan(steps / 3);
    for (const band of bands) expect(Math.abs(band.accepted - band.expected)).toBeLessThan(4 * Math.sqrt(band.variance));
    const total = bands.reduce((sum, band) => ({ accepted: sum.accepted + band.accepted, expected: sum.expected + band.expected, variance: sum.variance + band.variance }), {
      accepted: 0,
      expected: 0,
      variance: 0,
    });
    expect(Math.abs(total.accepted - total.expected)).toBeLessThan(4 * Math.sqrt(total.variance));
    // 20000 steps with four checks each: about 3 s alone, past vitest's 5 s default on a loaded machine
  }, 30_000);

  it('cools exponentially, logarithmically and linearly, greedy once the linear schedule reaches 0', () => {
    const temperatures = (overrides: HyperValues, numSteps: number) =>
      runMethod({ objective: slope, method: simulatedAnnealing, hyper: hyper({ initial_temperature: 8, ...overrides }), start: [0, 0], numSteps, seed: 3 }).snapshots!.map((snapshot) => snapshot!.temperature!);
    // hand-derived: snapshot k + 1 holds the temperature of step k; snapshot 0 the initial T0 = 8
    const exponential = temperatures({ cooling: 'exponential', alpha: 0.5 }, 4);
    expect(exponential).toEqual([8, 8, 4, 2, 1]);
    const logarithmic = temperatures({ cooling: 'logarithmic' }, 7);
    // T_k = 8·ln 2 / ln(k + 2): 8 at k = 0, 4 at k = 2 (ln 4 = 2 ln 2), 8/3 at k = 6 (ln 8 = 3 ln 2)
    expect(logarithmic[1]).toBe(8);
    expect(logarithmic[3]).toBeCloseTo(4, 14);
    expect(logarithmic[7]).toBeCloseTo(8 / 3, 14);
    const linear = temperatures({ cooling: 'linear', cooling_steps: 4 }, 6);
    expect(linear).toEqual([8, 8, 6, 4, 2, 0, 0]);
    // at T = 0 only non-increasing moves are taken
    const cold = runMethod({ objective: slope, method: simulatedAnnealing, hyper: hyper({ cooling: 'linear', cooling_steps: 1 }), start: [0, 0], numSteps: 500, seed: 8 });
    for (let k = 1; k < cold.loss.length; k++) expect(cold.loss[k]).toBeLessThanOrEqual(cold.loss[k - 1]);
  });

  it('reports the current state as the point and the best f evaluated as best_loss', () => {
    const rosenbrock = getSurface('rosenbrock')!.create();
    const result = runMethod({ objective: rosenbrock, method: simulatedAnnealing, hyper: hyper({ initial_temperature: 5, alpha: 0.995 }), start: [-1.5, 2], numSteps: 400, seed: 12 });
    let best = rosenbrock.value([-1.5, 2]);
    for (let k = 1; k < result.loss.length; k++) {
      expect(result.loss[k]).toBe(rosenbrock.value(result.trajectory.subarray(2 * k, 2 * k + 2)));
      best = Math.min(best, rosenbrock.value(result.snapshots![k]!.proposals!));
      expect(result.bestLoss[k]).toBe(best);
    }
    // uphill moves were taken: the state's f is not monotone, unlike best_loss
    expect(result.loss.some((value, k) => k > 0 && value > result.loss[k - 1])).toBe(true);
  });

  it('evaluates f once a step, never a gradient or Hessian, and works in n dimensions', () => {
    const sphere = valueOnlyObjective(6, (p) => Array.from(p).reduce((sum, x) => sum + x * x, 0));
    const result = runMethod({ objective: sphere, method: simulatedAnnealing, hyper: hyper({ sigma: 0.05, initial_temperature: 0.1, alpha: 0.99 }), start: new Array<number>(6).fill(1), numSteps: 2000, seed: 6 });
    expect(Array.from(result.evaluations.function)).toEqual(Array.from({ length: 2001 }, (_, k) => 1 + k));
    expect(Array.from(result.evaluations.gradient).every((count) => count === 0)).toBe(true);
    expect(Array.from(result.evaluations.hessian).every((count) => count === 0)).toBe(true);
    expect(result.loss[result.loss.length - 1]).toBeLessThan(0.05);
  });

  it('follows the same path for the same seed and another for another seed', () => {
    const run = (seed: number) => Array.from(runMethod({ objective: getSurface('himmelblau')!.create(), method: simulatedAnnealing, hyper: hyper(), start: [0, 0], numSteps: 200, seed }).trajectory);
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });
});
