import { describe, expect, it } from 'vitest';
import type { Domain } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import { DEFAULT_SEARCH_BOX, randomSearch } from './random-search';
import { valueOnlyObjective } from './value-only-objective.test-helper';

const hyper = (overrides: HyperValues = {}): HyperValues => ({ ...defaultHyperValues(randomSearch.hyperSpecs), ...overrides });
const DOMAIN: Domain = [
  [-2, 2],
  [-1, 3],
];

/** Every proposal of a run, flattened in the order drawn, with its accepted flag. */
function proposalsOf(result: ReturnType<typeof runMethod>) {
  const points: number[] = [];
  const accepted: number[] = [];
  for (const snapshot of result.snapshots!.slice(1)) {
    points.push(...snapshot!.proposals!);
    accepted.push(...snapshot!.accepted!);
  }
  return { points, accepted };
}

/** Sample mean and (population) variance of coordinate `coordinate` of flattened n-D points. */
function moments(points: readonly number[], dimension: number, coordinate: number) {
  const values = points.filter((_, i) => i % dimension === coordinate);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, variance, count: values.length };
}

describe('random_search, uniform', () => {
  // U(a, b) has mean (a + b)/2 and variance w²/12 (w = b − a); over N samples the sample mean's standard
  // error is w/√(12N) and the sample variance's ≈ w²/√(180N) (E(U − μ)⁴ = w⁴/80). Allowed: 4 standard errors.
  it('samples the view uniformly, the y range for the second coordinate and the x range for the rest', () => {
    const steps = 4000;
    const result = runMethod({ objective: valueOnlyObjective(3, () => 0), method: randomSearch, hyper: hyper(), start: [0, 0, 0], numSteps: steps, seed: 17, domain: DOMAIN });
    const { points } = proposalsOf(result);
    const ranges = [DOMAIN[0], DOMAIN[1], DOMAIN[0]];
    ranges.forEach(([low, high], coordinate) => {
      const width = high - low;
      const { mean, variance, count } = moments(points, 3, coordinate);
      expect(count).toBe(steps);
      expect(Math.abs(mean - (low + high) / 2)).toBeLessThan((4 * width) / Math.sqrt(12 * count));
      expect(Math.abs(variance - (width * width) / 12)).toBeLessThan((4 * width * width) / Math.sqrt(180 * count));
      for (let i = coordinate; i < points.length; i += 3) expect(points[i] >= low && points[i] < high).toBe(true);
    });
  });

  it('samples [−5, 5] in every coordinate when the run has no domain', () => {
    const result = runMethod({ objective: valueOnlyObjective(2, () => 0), method: randomSearch, hyper: hyper(), start: [0, 0], numSteps: 2000, seed: 4 });
    const { points } = proposalsOf(result);
    const [low, high] = DEFAULT_SEARCH_BOX;
    expect([low, high]).toEqual([-5, 5]);
    for (const coordinate of [0, 1]) {
      const { mean, variance, count } = moments(points, 2, coordinate);
      expect(Math.abs(mean)).toBeLessThan((4 * 10) / Math.sqrt(12 * count));
      expect(Math.abs(variance - 100 / 12)).toBeLessThan((4 * 100) / Math.sqrt(180 * count));
    }
  });

  it('moves to the best point so far, flagging the proposals that became the best', () => {
    const himmelblau = getSurface('himmelblau')!.create();
    const result = runMethod({ objective: himmelblau, method: randomSearch, hyper: hyper({ samples: 3 }), start: [0, 0], numSteps: 200, seed: 9, domain: [[-5, 5], [-5, 5]] });
    const { points, accepted } = proposalsOf(result);
    // recomputed here from f alone: the incumbent is replaced only by a strictly lower f
    let best = [0, 0];
    let bestValue = himmelblau.value(best);
    for (let s = 0; s < accepted.length; s++) {
      const proposal = points.slice(2 * s, 2 * s + 2);
      const value = himmelblau.value(proposal);
      expect(accepted[s]).toBe(value < bestValue ? 1 : 0);
      if (value < bestValue) [best, bestValue] = [proposal, value];
      if (s % 3 === 2) {
        const k = (s + 1) / 3;
        expect(Array.from(result.trajectory.subarray(2 * k, 2 * k + 2))).toEqual(best);
        expect(result.loss[k]).toBe(bestValue);
        expect(result.bestLoss[k]).toBe(bestValue);
      }
    }
    expect(bestValue).toBeLessThan(0.5);
  });
});

describe('random_search, local', () => {
  it('draws Gaussian steps of σ around the best point', () => {
    // a constant f: nothing is strictly better, so every proposal is start + σz, z ~ N(0, I): mean
    // start (standard error σ/√N), variance σ² (standard error σ²√(2/N))
    const sigma = 0.3;
    const steps = 4000;
    const result = runMethod({ objective: valueOnlyObjective(2, () => 1), method: randomSearch, hyper: hyper({ mode: 'local', sigma }), start: [1, -2], numSteps: steps, seed: 23, domain: DOMAIN });
    const { points, accepted } = proposalsOf(result);
    expect(accepted.every((flag) => flag === 0)).toBe(true);
    [1, -2].forEach((centre, coordinate) => {
      const { mean, variance } = moments(points, 2, coordinate);
      expect(Math.abs(mean - centre)).toBeLessThan((4 * sigma) / Math.sqrt(steps));
      expect(Math.abs(variance - sigma * sigma)).toBeLessThan(4 * sigma * sigma * Math.sqrt(2 / steps));
    });
  });

  it('descends a bowl in ten dimensions', () => {
    const sphere = valueOnlyObjective(10, (p) => Array.from(p).reduce((sum, x) => sum + x * x, 0));
    const result = runMethod({ objective: sphere, method: randomSearch, hyper: hyper({ mode: 'local', sigma: 0.05 }), start: new Array<number>(10).fill(1), numSteps: 3000, seed: 2 });
    for (let k = 1; k < result.loss.length; k++) expect(result.loss[k]).toBeLessThanOrEqual(result.loss[k - 1]);
    expect(result.loss[result.loss.length - 1]).toBeLessThan(0.1);
  });
});

describe('random_search', () => {
  it('evaluates f `samples` times a step and never a gradient or Hessian', () => {
    const result = runMethod({ objective: getSurface('rosenbrock')!.create(), method: randomSearch, hyper: hyper({ samples: 5 }), start: [-1.5, 2], numSteps: 10, seed: 1, domain: DOMAIN });
    expect(Array.from(result.evaluations.function)).toEqual(Array.from({ length: 11 }, (_, k) => 1 + 5 * k));
    expect(Array.from(result.evaluations.gradient).every((count) => count === 0)).toBe(true);
    expect(Array.from(result.evaluations.hessian).every((count) => count === 0)).toBe(true);
  });

  it('follows the same path for the same seed and another for another seed', () => {
    const run = (seed: number, mode: string) => {
      const result = runMethod({ objective: getSurface('rastrigin')!.create(), method: randomSearch, hyper: hyper({ mode }), start: [2.3, 1.6], numSteps: 100, seed, domain: DOMAIN });
      return [...result.trajectory, ...proposalsOf(result).points];
    };
    for (const mode of ['uniform', 'local']) {
      expect(run(5, mode)).toEqual(run(5, mode));
      expect(run(5, mode)).not.toEqual(run(6, mode));
    }
  });
});
