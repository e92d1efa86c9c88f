// A basin map request for a method that is not a first-order optimizer, served end to end (the
// experiment names the method, the worker resolves it, the float64 engine runs it): a test-only
// gradient-free method is registered in place of the methods still to come (Nelder-Mead, CMA-ES...).
import { describe, expect, it, vi } from 'vitest';
import { basinCellStart } from '../engine/batch/cells';
import { SUMMARY_OFFSET, summaryStride, type BasinJob } from '../engine/batch/types';
import type { MethodDefinition } from '../engine/methods/method';
import { deriveSeed, Random } from '../engine/random';
import { runMethod } from '../engine/run';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { resolveProblem } from '../experiment/run-experiment';
import { BatchHandler } from './batch-handler';

/** Proposes x + sigma·N(0, I) from the method's seed each step and keeps it when f is lower. */
const RANDOM_WALK: MethodDefinition = {
  id: 'random_walk',
  name: 'Random walk',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: 'x ← x + σ z if f(x + σ z) < f(x)',
  hyperSpecs: [{ kind: 'number', name: 'sigma', defaultValue: 0.3, min: 0, max: 10, exclusiveMin: true, log: true, description: 'proposal scale σ' }],
  create(hyper, { dimension, seed }) {
    const random = new Random(seed);
    const proposal = new Float64Array(dimension);
    let value = NaN;
    return {
      start: (point, oracle) => (value = oracle.value(point)),
      step(point, oracle) {
        for (let i = 0; i < dimension; i++) proposal[i] = point[i] + (hyper.sigma as number) * random.nextGaussian();
        const proposed = oracle.value(proposal);
        if (proposed < value) {
          point.set(proposal);
          value = proposed;
        }
        return value;
      },
    };
  },
};

vi.mock('../engine/methods', async (importOriginal) => {
  const original = await importOriginal<typeof import('../engine/methods')>();
  return { ...original, getMethod: (id: string) => (id === 'random_walk' ? RANDOM_WALK : original.getMethod(id)) };
});

describe('a basin map of a gradient-free method through the batch worker', () => {
  it('runs the method named in the experiment, cell by cell as runMethod does', () => {
    const experiment: Experiment = { ...DEFAULT_EXPERIMENT, problem: { kind: 'surface', surface: 'himmelblau', params: {} }, steps: 80, seed: 4, runs: [{ optimizer: 'random_walk', hyper: { sigma: 0.5 }, start: [0, 0] }] };
    const { objective, minima } = resolveProblem(experiment.problem);
    const basin: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 4, rows: 3, minima, tolerance: 0.02 };
    const { response } = new BatchHandler().handle({ type: 'summarize', requestId: 1, source: { experiment, runIndex: 0 }, job: basin, from: 0, to: 12 });
    if (response.type !== 'summaries') throw new Error(response.type === 'failed' ? response.message : response.type);
    const stride = summaryStride(2);
    const start = new Float64Array(2);
    let reached = 0;
    for (let index = 0; index < 12; index++) {
      basinCellStart(basin, index, start);
      const run = runMethod({ objective, method: RANDOM_WALK, hyper: { sigma: 0.5 }, start, numSteps: 80, seed: deriveSeed(4, index), domain: resolveProblem(experiment.problem).domain });
      const last = run.loss.length - 1;
      expect(response.summaries[index * stride + SUMMARY_OFFSET.finalLoss]).toBe(run.loss[last]);
      expect(response.summaries[index * stride + SUMMARY_OFFSET.bestLoss]).toBe(run.bestLoss[last]);
      expect(run.evaluations.gradient[last]).toBe(0);
      if (response.summaries[index * stride + SUMMARY_OFFSET.convergedStep] >= 0) reached++;
    }
    expect(reached).toBeGreaterThan(0);
  });
});
