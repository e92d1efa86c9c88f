import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../methods/first-order';
import { defaultHyperValues } from '../methods/first-order/hyper';
import { deriveSeed } from '../random';
import { firstOrderMethod, runOptimizer } from '../methods/first-order/adapter';
import { getMethod } from '../methods';
import { resolveProblem } from '../problems';
import { getSurface } from '../problems/surfaces';
import { runMethod } from '../run';
import { quantileOfSorted, runSeedRange, seedStatistics, type SeedRun } from './seeds';
import type { BatchTemplate, SeedsJob } from './types';

describe('quantileOfSorted', () => {
  it("matches numpy.quantile's default (linear) method", () => {
    // numpy.quantile([1, 2, 4, 7, 11], [0.25, 0.5, 0.75]) = [2, 4, 7]; of [1, 2, 4, 7]: [1.75, 3, 4.75]
    expect([0.25, 0.5, 0.75].map((p) => quantileOfSorted([1, 2, 4, 7, 11], p))).toEqual([2, 4, 7]);
    expect([0.25, 0.5, 0.75].map((p) => quantileOfSorted([1, 2, 4, 7], p))).toEqual([1.75, 3, 4.75]);
    expect(quantileOfSorted([5], 0.75)).toBe(5);
  });
});

describe('seedStatistics', () => {
  it('takes per-point quartiles, holding a diverged run at its last point', () => {
    const run = (xs: number[], divergedStep = -1): Omit<SeedRun, 'outcome'> => ({
      dimension: 2,
      trajectory: Float64Array.from(xs.flatMap((x) => [x, -x])),
      loss: Float64Array.from(xs.map((x) => x * x)),
      divergedStep,
    });
    const statistics = seedStatistics([run([0, 1, 2]), run([0, 3, 4]), run([0, 5], 2), run([0, 7, 8])], 3);
    expect(statistics.coordinates).toHaveLength(2);
    const [x, y] = statistics.coordinates;
    expect(Array.from(x.median)).toEqual([0, 4, 4.5]);
    expect(Array.from(x.lower)).toEqual([0, 2.5, 3.5]);
    expect(Array.from(x.upper)).toEqual([0, 5.5, 5.75]);
    expect(Array.from(y.median)).toEqual([0, -4, -4.5]);
    expect(Array.from(statistics.loss.median)).toEqual([0, 17, 20.5]);
    expect(statistics.numDiverged).toBe(1);
    expect(statistics.numSeeds).toBe(4);
  });
});

describe('runSeedRange', () => {
  it('runs seed i as run `run` of the experiment with seed + i (noise stream deriveSeed(seed + i, run)), whatever the range', () => {
    const rosenbrock = getSurface('rosenbrock')!.create();
    const sgd = getOptimizer('sgd')!;
    const template = { objective: rosenbrock, method: firstOrderMethod(sgd), optimizer: sgd, hyper: { ...defaultHyperValues(sgd.hyperSpecs), lr: 1e-3 }, numSteps: 50, noise: 2 } satisfies BatchTemplate;
    const job: SeedsJob = { kind: 'seeds', start: [-1, 1.5], count: 6, seed: 42, run: 1 };
    const runs = [...runSeedRange(template, job, 0, 2), ...runSeedRange(template, job, 2, 6)];
    runs.forEach((run, index) => {
      const expected = runOptimizer({ ...template, start: job.start, seed: deriveSeed(42 + index, 1) });
      expect(Array.from(run.trajectory)).toEqual(Array.from(expected.trajectory));
      expect(run.divergedStep).toBe(-1);
    });
    expect(runs[0].trajectory[100]).not.toBe(runs[1].trajectory[100]);
    expect(() => runSeedRange(template, job, 4, 7)).toThrow(/bad seed range/);
  });
});

describe('many seeds in n dimensions', () => {
  it('runs a 10-D noisy Rosenbrock over seeds as runMethod does, and takes quartiles of every coordinate', () => {
    const rosenbrock10 = resolveProblem({ kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 }).objective;
    const adam = getOptimizer('adam')!;
    const template: BatchTemplate = { objective: rosenbrock10, method: firstOrderMethod(adam), hyper: { ...defaultHyperValues(adam.hyperSpecs), lr: 0.01 }, numSteps: 30, noise: 0.5 };
    const start = [-1.2, 1, -0.5, 0.8, 0, 1.5, -1, 0.3, 2, -0.7];
    const job: SeedsJob = { kind: 'seeds', start, count: 5, seed: 9 };
    const runs = [...runSeedRange(template, job, 0, 3), ...runSeedRange(template, job, 3, 5)];
    runs.forEach((run, index) => {
      const expected = runMethod({ objective: rosenbrock10, method: getMethod('adam')!, hyper: template.hyper, start, numSteps: 30, noise: 0.5, seed: deriveSeed(9 + index, 0) });
      expect(run.dimension).toBe(10);
      expect(run.trajectory).toHaveLength(31 * 10);
      expect(Array.from(run.trajectory)).toEqual(Array.from(expected.trajectory));
      // the final point, 10 coordinates
      expect(Array.from(run.trajectory.subarray(300))).toEqual(Array.from(expected.trajectory.subarray(300)));
    });
    const statistics = seedStatistics(runs, 31);
    expect(statistics.coordinates).toHaveLength(10);
    // every seed starts at the start; the median of five is the third smallest
    statistics.coordinates.forEach((quartiles, i) => {
      expect([quartiles.lower[0], quartiles.median[0], quartiles.upper[0]]).toEqual([start[i], start[i], start[i]]);
      const finals = runs.map((run) => run.trajectory[300 + i]).sort((a, b) => a - b);
      expect(quartiles.median[30]).toBe(finals[2]);
      expect(quartiles.lower[30]).toBe(finals[1]);
      expect(quartiles.upper[30]).toBe(finals[3]);
    });
  });
});
