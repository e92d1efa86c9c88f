// The batch engine runs any method of the registry, not only first-order optimizers: a test-only
// gradient-free method (a seeded random walk that keeps improving steps) summarised by basin map,
// sweep and many seeds must give exactly what runMethod gives run by run (the independent path).
import { describe, expect, it } from 'vitest';
import type { MethodDefinition } from '../methods/method';
import { getSurface } from '../problems/surfaces';
import { deriveSeed, Random } from '../random';
import { runMethod, type RunOptions } from '../run';
import { basinCellStart, sweepCellValues } from './cells';
import { runSeedRange, seedStatistics } from './seeds';
import { runBatchRange } from './summaries';
import { TARGET_PRECISIONS } from './targets';
import { SUMMARY_OFFSET, summaryStride, type BasinJob, type BatchTemplate, type SeedsJob, type SweepJob } from './types';

/** Each step proposes x + sigma·N(0, I) from the method's seed and moves there when f is lower; reports "no move for 5 steps" as its stopping test. */
const RANDOM_WALK: MethodDefinition = {
  id: 'random_walk',
  name: 'Random walk',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: 'x ← x + σ z if f(x + σ z) < f(x)',
  hyperSpecs: [
    { kind: 'number', name: 'sigma', defaultValue: 0.3, min: 0, max: 10, exclusiveMin: true, log: true, description: 'proposal scale σ' },
    { kind: 'number', name: 'patience', defaultValue: 5, min: 1, max: 100, integer: true, description: 'steps without a move before it stops' },
  ],
  create(hyper, { dimension, seed }) {
    const random = new Random(seed);
    const sigma = hyper.sigma as number;
    const patience = hyper.patience as number;
    const proposal = new Float64Array(dimension);
    let value = NaN;
    let stale = 0;
    return {
      start: (point, oracle) => (value = oracle.value(point)),
      step(point, oracle) {
        for (let i = 0; i < dimension; i++) proposal[i] = point[i] + sigma * random.nextGaussian();
        const proposed = oracle.value(proposal);
        if (proposed < value) {
          point.set(proposal);
          value = proposed;
          stale = 0;
        } else stale++;
        return value;
      },
      stoppingTest: () => (stale >= patience ? `no move for ${patience} steps` : null),
    };
  },
};

const himmelblau = getSurface('himmelblau')!.create();
const template: BatchTemplate = { objective: himmelblau, method: RANDOM_WALK, hyper: { sigma: 0.3, patience: 12 }, numSteps: 150, domain: [[-5, 5], [-5, 5]] };
const { finalLoss: FINAL_LOSS, bestLoss: BEST_LOSS, convergedStep: CONVERGED_STEP, divergedStep: DIVERGED_STEP, minimumIndex: MINIMUM_INDEX, finalPoint: FINAL_POINT } = SUMMARY_OFFSET;
const STRIDE = summaryStride(2);

/** The run of the template recorded in full, as an interactive run would be. */
function recorded(options: Partial<RunOptions>): ReturnType<typeof runMethod> {
  return runMethod({ objective: himmelblau, method: RANDOM_WALK, hyper: template.hyper, start: [0, 0], numSteps: template.numSteps, domain: [[-5, 5], [-5, 5]], ...options });
}

describe('a basin map of a gradient-free method', () => {
  const basin: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 6, rows: 5, minima: himmelblau.minima, tolerance: 0.02 };

  it('summarises each cell as runMethod records it, and never evaluates a gradient', () => {
    const count = basin.columns * basin.rows;
    const out = new Float64Array(count * STRIDE);
    runBatchRange(template, basin, 0, 11, out.subarray(0, 11 * STRIDE), 5);
    runBatchRange(template, basin, 11, count, out.subarray(11 * STRIDE), 5);
    const start = new Float64Array(2);
    const radius = 0.02 * 10;
    let reached = 0;
    let converged = 0;
    for (let index = 0; index < count; index++) {
      basinCellStart(basin, index, start);
      const run = recorded({ start, seed: deriveSeed(5, index) });
      const last = run.loss.length - 1;
      const summary = out.subarray(index * STRIDE, (index + 1) * STRIDE);
      expect(summary[FINAL_LOSS]).toBe(run.loss[last]);
      expect(summary[BEST_LOSS]).toBe(run.bestLoss[last]);
      expect(Array.from(summary.subarray(FINAL_POINT))).toEqual(Array.from(run.trajectory.subarray(2 * last)));
      expect(summary[DIVERGED_STEP]).toBe(-1);
      expect(run.evaluations.gradient[last]).toBe(0);
      // the first recorded point within the radius of a minimum, found independently
      let first = -1;
      let nearest = -1;
      for (let k = 0; k <= last && first < 0; k++) {
        const distances = himmelblau.minima.map((minimum) => Math.hypot(run.trajectory[2 * k] - minimum.point[0], run.trajectory[2 * k + 1] - minimum.point[1]));
        const m = distances.indexOf(Math.min(...distances));
        if (distances[m] <= radius) [first, nearest] = [k, m];
      }
      expect([summary[CONVERGED_STEP], summary[MINIMUM_INDEX]]).toEqual([first, nearest]);
      if (first >= 0) reached++;
      if (run.converged) converged++;
    }
    // the walk finds Himmelblau's minima from most cells, and its stopping test ends some runs early
    expect(reached).toBeGreaterThan(count / 2);
    expect(converged).toBeGreaterThan(0);
  });
});

describe('a sweep of a method without lr', () => {
  it('sweeps its sigma on the log grid, each cell as runMethod runs it', () => {
    const sweep: SweepJob = { kind: 'sweep', start: [-4, 4], parameter: 'sigma', learningRates: { min: 0.01, max: 3, count: 7 } };
    const out = new Float64Array(7 * STRIDE);
    runBatchRange(template, sweep, 0, 7, out, 2);
    for (let index = 0; index < 7; index++) {
      const sigma = sweepCellValues(sweep, index).learningRate;
      const run = recorded({ start: [-4, 4], hyper: { ...template.hyper, sigma }, seed: deriveSeed(2, index) });
      expect(out[index * STRIDE + FINAL_LOSS]).toBe(run.loss[run.loss.length - 1]);
      expect(out[index * STRIDE + BEST_LOSS]).toBe(run.bestLoss[run.bestLoss.length - 1]);
    }
    // sigma matters: the tiny steps stay far above the larger ones' final loss
    expect(out[FINAL_LOSS]).toBeGreaterThan(out[3 * STRIDE + FINAL_LOSS]);
    expect(() => runBatchRange(template, { ...sweep, parameter: 'lr' }, 0, 1, new Float64Array(STRIDE), 0)).toThrow("this method has no number hyperparameter 'lr' to sweep");
  });
});

describe('many seeds of a gradient-free method', () => {
  it('varies the method’s own seed without any gradient noise, seed i being the run in the experiment with seed + i', () => {
    const job: SeedsJob = { kind: 'seeds', start: [-4, 4], count: 8, seed: 30, run: 1, optimum: 0, targets: TARGET_PRECISIONS };
    const runs = [...runSeedRange(template, job, 0, 3), ...runSeedRange(template, job, 3, 8)];
    runs.forEach((seedRun, index) => {
      const run = recorded({ start: [-4, 4], seed: deriveSeed(30 + index, 1) });
      expect(Array.from(seedRun.trajectory)).toEqual(Array.from(run.trajectory));
      expect(Array.from(seedRun.loss)).toEqual(Array.from(run.loss));
      const last = run.loss.length - 1;
      expect(seedRun.outcome.finalLoss).toBe(run.loss[last]);
      expect(seedRun.outcome.evaluations).toBe(run.evaluations.function[last]);
      // each target's cost, found by scanning the recorded best f
      TARGET_PRECISIONS.forEach((target, t) => {
        const k = Array.from(run.bestLoss).findIndex((best) => best <= target);
        expect(seedRun.outcome.hitEvaluations[t]).toBe(k < 0 ? NaN : run.evaluations.function[k]);
      });
    });
    // different seeds, different walks
    expect(new Set(runs.map((run) => run.outcome.finalLoss)).size).toBeGreaterThan(4);
    expect(runs.some((run) => !Number.isNaN(run.outcome.hitEvaluations[0]))).toBe(true);
    const statistics = seedStatistics(runs, template.numSteps + 1);
    expect(statistics.loss.median[0]).toBe(himmelblau.value(Float64Array.of(-4, 4)));
  });

  it('reports outcomes only when asked for no paths', () => {
    const job: SeedsJob = { kind: 'seeds', start: [-4, 4], count: 2, seed: 30, paths: false };
    const [run] = runSeedRange(template, job, 0, 1);
    expect([run.trajectory.length, run.loss.length]).toEqual([0, 0]);
    expect(run.outcome.finalLoss).toBe(recorded({ start: [-4, 4], seed: deriveSeed(30, 0) }).loss.at(-1));
    // no known f*: no target is reached
    expect(Array.from(run.outcome.hitEvaluations).every(Number.isNaN)).toBe(true);
  });
});
