import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../methods/first-order';
import { defaultHyperValues } from '../methods/first-order/hyper';
import { deriveSeed } from '../random';
import { runOptimizer } from '../methods/first-order/adapter';
import { getSurface } from '../problems/surfaces';
import { basinCellStart, sweepCellValues } from './cells';
import { runBatchRange } from './summaries';
import { SUMMARY_STRIDE, type BasinJob, type BatchTemplate, type SweepJob } from './types';

// The oracle: each run recorded in full by runOptimizer, its summary read off the whole trajectory.
const himmelblau = getSurface('himmelblau')!.create();
const adam = getOptimizer('adam')!;
const template: BatchTemplate = { objective: himmelblau, optimizer: adam, hyper: { ...defaultHyperValues(adam.hyperSpecs), lr: 0.1 }, numSteps: 120 };
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
      expect(summary[0]).toBe(run.trajectory[2 * points - 2]);
      expect(summary[1]).toBe(run.trajectory[2 * points - 1]);
      expect(summary[2]).toBe(run.loss[points - 1]);
      expect(summary[3]).toBe(Math.min(...run.loss));
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
      expect(summary[4]).toBe(convergedStep);
      expect(summary[6]).toBe(minimumIndex);
      expect(summary[5]).toBe(run.diverged?.step ?? -1);
      if (minimumIndex >= 0) reached++;
    }
    // Himmelblau has four minima and Adam at lr 0.1 reaches one from most cells
    expect(reached).toBeGreaterThan(count / 2);
    expect(new Set(Array.from({ length: count }, (_, i) => whole[i * SUMMARY_STRIDE + 6])).size).toBeGreaterThanOrEqual(4);
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
      expect(out[index * SUMMARY_STRIDE + 2]).toBe(run.loss[run.loss.length - 1]);
      expect(out[index * SUMMARY_STRIDE + 5]).toBe(run.diverged?.step ?? -1);
      expect(out[index * SUMMARY_STRIDE + 6]).toBe(-1);
      if (run.diverged) diverged++;
    }
    expect(diverged).toBe(out.filter((_, i) => i % SUMMARY_STRIDE === 5).filter((step) => step >= 0).length);
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
