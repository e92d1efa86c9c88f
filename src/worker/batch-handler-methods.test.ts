// A basin map request for a method that is not a first-order optimizer, served end to end (the
// experiment names the method, the worker resolves it, the float64 engine runs it): local random
// search, which draws its proposals from each cell's seed, against runMethod run cell by cell.
import { describe, expect, it } from 'vitest';
import { basinCellStart } from '../engine/batch/cells';
import { SUMMARY_OFFSET, summaryStride, type BasinJob } from '../engine/batch/types';
import { defaultHyperValues, getMethod } from '../engine/methods';
import { deriveSeed } from '../engine/random';
import { runMethod } from '../engine/run';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { resolveProblem } from '../experiment/run-experiment';
import { BatchHandler } from './batch-handler';

const RANDOM_SEARCH = getMethod('random_search')!;
const HYPER = { ...defaultHyperValues(RANDOM_SEARCH.hyperSpecs), mode: 'local', sigma: 0.5 };

describe('a basin map of a gradient-free method through the batch worker', () => {
  it('runs the method named in the experiment, cell by cell as runMethod does', () => {
    const experiment: Experiment = { ...DEFAULT_EXPERIMENT, problem: { kind: 'surface', surface: 'himmelblau', params: {} }, steps: 80, seed: 4, runs: [{ optimizer: 'random_search', hyper: { mode: 'local', sigma: 0.5 }, start: [0, 0] }] };
    const { objective, minima } = resolveProblem(experiment.problem);
    const basin: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 4, rows: 3, minima, tolerance: 0.02 };
    const { response } = new BatchHandler().handle({ type: 'summarize', requestId: 1, source: { experiment, runIndex: 0 }, job: basin, from: 0, to: 12 });
    if (response.type !== 'summaries') throw new Error(response.type === 'failed' ? response.message : response.type);
    const stride = summaryStride(2);
    const start = new Float64Array(2);
    let reached = 0;
    for (let index = 0; index < 12; index++) {
      basinCellStart(basin, index, start);
      const run = runMethod({ objective, method: RANDOM_SEARCH, hyper: HYPER, start, numSteps: 80, seed: deriveSeed(4, index), domain: resolveProblem(experiment.problem).domain });
      const last = run.loss.length - 1;
      expect(response.summaries[index * stride + SUMMARY_OFFSET.finalLoss]).toBe(run.loss[last]);
      expect(response.summaries[index * stride + SUMMARY_OFFSET.bestLoss]).toBe(run.bestLoss[last]);
      expect(run.evaluations.gradient[last]).toBe(0);
      if (response.summaries[index * stride + SUMMARY_OFFSET.convergedStep] >= 0) reached++;
    }
    expect(reached).toBeGreaterThan(0);
  });
});
