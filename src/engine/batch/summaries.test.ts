import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../methods/first-order';
import { defaultHyperValues } from '../methods/first-order/hyper';
import { deriveSeed } from '../random';
import { firstOrderMethod, runOptimizer } from '../methods/first-order/adapter';
import { getMethod } from '../methods';
import { resolveProblem } from '../problems';
import { getSurface } from '../problems/surfaces';
import { runMethod } from '../run';
import { basinCellStart, sweepCellHyper, sweepCellValues } from './cells';
import { runBatchRange } from './summaries';
import { SUMMARY_OFFSET, summaryStride, type BasinJob, type BatchTemplate, type SweepJob } from './types';

const { finalLoss: FINAL_LOSS, bestLoss: BEST_LOSS, convergedStep: CONVERGED_STEP, divergedStep: DIVERGED_STEP, minimumIndex: MINIMUM_INDEX, finalPoint: FINAL_POINT } = SUMMARY_OFFSET;
/** Floats per run on the plane. */
const SUMMARY_STRIDE = summaryStride(2);

// The oracle: each run recorded in full by runOptimizer, its summary read off the whole trajectory.
const himmelblau = getSurface('himmelblau')!.create();
const adam = getOptimizer('adam')!;
const template = { objective: himmelblau, method: firstOrderMethod(adam), optimizer: adam, hyper: { ...defaultHyperValues(adam.hyperSpecs), lr: 0.1 }, numSteps: 120 } satisfies BatchTemplate;
const basin: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 7, rows: 5, minima: himmelblau.minima, tolerance: 0.01 };

describe('runBatchRange on a basin map', () => {
  it('summarises each cell as a recorded run would, whatever the split into ranges', () => {
    const count = basin.columns * basin.rows;
    const whole = new Float64Array(count * SUMMARY_STRIDE);
    runBatchRange(template, basin, 0, count, whole, 3);
    const pieces = new Float64Array(count * SUMMARY_STRIDE);
    for (const [from, to] of [[0, 4], [4, 20], [20, count]]) {
      const part = new Float64Array((to - from) * SUMMARY_STRIDE);
      runBatchRange(template, basin, from, to, part, 3);
      pieces.set(part, from * SUMMARY_STRIDE);
    }
    expect(Array.from(pieces)).toEqual(Array.from(whole));

    const radius = 0.01 * 10;
    const start = new Float64Array(2);
    let reached = 0;
    for (let index = 0; index < count; index++) {
      basinCellStart(basin, index, start);
      const run = runOptimizer({ objective: himmelblau, optimizer: adam, hyper: template.hyper, start, numSteps: 120, seed: deriveSeed(3, index) });
      const points = run.loss.length;
      const summary = whole.subarray(index * SUMMARY_STRIDE, (index + 1) * SUMMARY_STRIDE);
      expect(summary[FINAL_POINT]).toBe(run.trajectory[2 * points - 2]);
      expect(summary[FINAL_POINT + 1]).toBe(run.trajectory[2 * points - 1]);
      expect(summary[FINAL_LOSS]).toBe(run.loss[points - 1]);
      expect(summary[BEST_LOSS]).toBe(Math.min(...run.loss));
      // first point within the radius of a known minimum, and which one
      let convergedStep = -1;
      let minimumIndex = -1;
      for (let k = 0; k < points && convergedStep < 0; k++) {
        himmelblau.minima.forEach((minimum, m) => {
          if (convergedStep < 0 && Math.hypot(run.trajectory[2 * k] - minimum.point[0], run.trajectory[2 * k + 1] - minimum.point[1]) <= radius) {
            convergedStep = k;
            minimumIndex = m;
          }
        });
      }
      expect(summary[CONVERGED_STEP]).toBe(convergedStep);
      expect(summary[MINIMUM_INDEX]).toBe(minimumIndex);
      expect(summary[DIVERGED_STEP]).toBe(run.diverged?.step ?? -1);
      if (minimumIndex >= 0) reached++;
    }
    // Himmelblau has four minima and Adam at lr 0.1 reaches one from most cells
    expect(reached).toBeGreaterThan(count / 2);
    expect(new Set(Array.from({ length: count }, (_, i) => whole[i * SUMMARY_STRIDE + MINIMUM_INDEX])).size).toBeGreaterThanOrEqual(4);
  });

  it('starts cells at their centres, row 0 at the top', () => {
    const start = new Float64Array(2);
    basinCellStart(basin, 0, start);
    expect(Array.from(start)).toEqual([-5 + 10 / 14, 5 - 10 / 10]);
    basinCellStart(basin, 7 * 5 - 1, start);
    expect(start[0]).toBeCloseTo(5 - 10 / 14, 12);
    expect(start[1]).toBeCloseTo(-5 + 1, 12);
  });
});

describe('runBatchRange on a sweep', () => {
  const sweep: SweepJob = { kind: 'sweep', start: [-3, 3], learningRates: { min: 1e-3, max: 10, count: 9 }, second: { name: 'beta1', min: 0, max: 0.9, count: 3 } };

  it('runs each learning rate × β₁ cell with those settings, and marks divergence', () => {
    const count = 27;
    const out = new Float64Array(count * SUMMARY_STRIDE);
    runBatchRange(template, sweep, 0, count, out, 0);
    let diverged = 0;
    for (let index = 0; index < count; index++) {
      const { learningRate, second } = sweepCellValues(sweep, index);
      const hyper = { ...template.hyper, lr: learningRate, betas: [second, 0.999] as const };
      const run = runOptimizer({ objective: himmelblau, optimizer: adam, hyper, start: [-3, 3], numSteps: 120, seed: deriveSeed(0, index) });
      expect(out[index * SUMMARY_STRIDE + FINAL_LOSS]).toBe(run.loss[run.loss.length - 1]);
      expect(out[index * SUMMARY_STRIDE + DIVERGED_STEP]).toBe(run.diverged?.step ?? -1);
      expect(out[index * SUMMARY_STRIDE + MINIMUM_INDEX]).toBe(-1);
      if (run.diverged) diverged++;
    }
    expect(diverged).toBe(out.filter((_, i) => i % SUMMARY_STRIDE === DIVERGED_STEP).filter((step) => step >= 0).length);
  });

  it('spaces learning rates logarithmically with exact endpoints', () => {
    expect(sweepCellValues(sweep, 0).learningRate).toBe(1e-3);
    expect(sweepCellValues(sweep, 8).learningRate).toBe(10);
    expect(sweepCellValues(sweep, 4).learningRate).toBeCloseTo(0.1, 14);
    expect(sweepCellValues(sweep, 9 + 8).second).toBeCloseTo(0.45, 15);
    expect(sweepCellValues(sweep, 26).second).toBe(0.9);
  });

  it('rejects a bad range or a too small buffer', () => {
    expect(() => runBatchRange(template, sweep, 3, 2, new Float64Array(100), 0)).toThrow(/bad run range/);
    expect(() => runBatchRange(template, sweep, 0, 10, new Float64Array(10), 0)).toThrow(/needs 70/);
  });
});

describe('runBatchRange in n dimensions', () => {
  // 10-D Rosenbrock: the oracle is the same run recorded by runMethod through the method registry
  const problem = { kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 } as const;
  const rosenbrock10 = resolveProblem(problem).objective;
  const template10: BatchTemplate = { ...template, objective: rosenbrock10, hyper: { ...template.hyper, lr: 0.01 }, numSteps: 80 };
  const start = [-1.2, 1, -0.5, 0.8, 0, 1.5, -1, 0.3, 2, -0.7];

  it('summarises a 10-D sweep with final points of 10 coordinates, as the recorded runs end', () => {
    const sweep: SweepJob = { kind: 'sweep', start, learningRates: { min: 1e-4, max: 0.5, count: 6 }, second: { name: 'beta1', min: 0.5, max: 0.9, count: 2 } };
    const stride = summaryStride(10);
    expect(stride).toBe(15);
    const out = new Float64Array(12 * stride);
    runBatchRange(template10, sweep, 0, 12, out, 0);
    let diverged = 0;
    for (let index = 0; index < 12; index++) {
      const run = runMethod({ objective: rosenbrock10, method: getMethod('adam')!, hyper: sweepCellHyper(template10.hyper, sweep, index), start, numSteps: 80 });
      expect(run.dimension).toBe(10);
      const points = run.loss.length;
      const summary = out.subarray(index * stride, (index + 1) * stride);
      expect(Array.from(summary.subarray(FINAL_POINT))).toEqual(Array.from(run.trajectory.subarray((points - 1) * 10)));
      expect(summary[FINAL_LOSS]).toBe(run.loss[points - 1]);
      expect(summary[BEST_LOSS]).toBe(Math.min(...run.loss));
      expect(summary[DIVERGED_STEP]).toBe(run.diverged?.step ?? -1);
      expect([summary[CONVERGED_STEP], summary[MINIMUM_INDEX]]).toEqual([-1, -1]);
      if (run.diverged) diverged++;
    }
    // the grid spans learning rates that settle and one (0.5) that leaves the valley
    expect(out[FINAL_LOSS]).toBeLessThan(rosenbrock10.value(Float64Array.from(start)));
    expect(diverged).toBeLessThan(12);
  });

  it('refuses a basin map of a 10-D problem, and a start of the wrong length', () => {
    const basin10: BasinJob = { ...basin, minima: [] };
    expect(() => runBatchRange(template10, basin10, 0, 1, new Float64Array(15), 0)).toThrow('a basin map needs a two-dimensional problem; this one has 10');
    const short: SweepJob = { kind: 'sweep', start: [0, 0], learningRates: { min: 0.01, max: 0.01, count: 1 } };
    expect(() => runBatchRange(template10, short, 0, 1, new Float64Array(15), 0)).toThrow(/start has 2 coordinates, the objective takes 10/);
  });
});
