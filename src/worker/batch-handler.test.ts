import { describe, expect, it } from 'vitest';
import { SUMMARY_OFFSET, summaryStride, type BasinJob, type SeedsJob, type SweepJob } from '../engine/batch/types';
import { sweepCellHyper } from '../engine/batch/cells';
import { deriveSeed } from '../engine/random';
import { runMethod } from '../engine/run';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { resolveProblem, resolveRun } from '../experiment/run-experiment';
import { BatchHandler } from './batch-handler';
import type { SeedRunPayload } from './batch-protocol';

// The TypeScript worker's answers for a 10-D problem, against each run recorded in full by runMethod.

const problem = { kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 } as const;
const start = [-1.2, 1, -0.5, 0.8, 0, 1.5, -1, 0.3, 2, -0.7];
const experiment: Experiment = { ...DEFAULT_EXPERIMENT, problem, steps: 60, noise: 0, runs: [{ optimizer: 'rmsprop', hyper: { lr: 0.01, centered: true }, start }] };
const source = { experiment, runIndex: 0 };
const objective = resolveProblem(problem).objective;
const { method, hyper } = resolveRun(experiment.runs[0]);

/** The final point of a recorded run: its last `dimension` coordinates. */
function finalPoint(trajectory: Float64Array, dimension: number): number[] {
  return Array.from(trajectory.subarray(trajectory.length - dimension));
}

describe('BatchHandler on a 10-dimensional problem', () => {
  it('summarises a sweep with 10-coordinate final points', () => {
    const sweep: SweepJob = { kind: 'sweep', start, learningRates: { min: 1e-3, max: 0.1, count: 5 } };
    const { response, transfer } = new BatchHandler().handle({ type: 'summarize', requestId: 1, source, job: sweep, from: 1, to: 5 });
    if (response.type !== 'summaries') throw new Error(response.type === 'failed' ? response.message : response.type);
    const stride = summaryStride(10);
    expect(response.summaries).toHaveLength(4 * stride);
    expect(transfer).toEqual([response.summaries.buffer]);
    for (let index = 1; index < 5; index++) {
      const run = runMethod({ objective, method, hyper: sweepCellHyper(hyper, sweep, index), start, numSteps: 60, seed: deriveSeed(experiment.seed, index) });
      const offset = (index - 1) * stride;
      expect(Array.from(response.summaries.subarray(offset + SUMMARY_OFFSET.finalPoint, offset + stride))).toEqual(finalPoint(run.trajectory, 10));
      expect(response.summaries[offset + SUMMARY_OFFSET.finalLoss]).toBe(run.loss[run.loss.length - 1]);
    }
  });

  it('runs seeds with flattened 10-D paths and reduces them to quartiles of each coordinate', () => {
    const noisy = { experiment: { ...experiment, noise: 0.3, seed: 11 }, runIndex: 0 };
    const seeds: SeedsJob = { kind: 'seeds', start, count: 4, seed: 11 };
    const handler = new BatchHandler();
    const { response } = handler.handle({ type: 'seeds', requestId: 2, source: noisy, job: seeds, from: 0, to: 4 });
    if (response.type !== 'seedRuns') throw new Error(response.type === 'failed' ? response.message : response.type);
    const runs: readonly SeedRunPayload[] = response.runs;
    runs.forEach((run, index) => {
      // seed i is the run in the experiment with seed 11 + i
      const expected = runMethod({ objective, method, hyper, start, numSteps: 60, noise: 0.3, seed: deriveSeed(11 + index, 0) });
      expect(run.dimension).toBe(10);
      expect(finalPoint(run.trajectory, 10)).toEqual(finalPoint(expected.trajectory, 10));
      expect(Array.from(run.trajectory)).toEqual(Array.from(expected.trajectory));
    });
    const reduced = handler.handle({ type: 'seedStatistics', requestId: 3, runs, numPoints: 61 });
    if (reduced.response.type !== 'seedStatistics') throw new Error(reduced.response.type);
    expect(reduced.response.statistics.coordinates).toHaveLength(10);
    // 10 coordinates and the loss, three series each, and the kept steps
    expect(reduced.transfer).toHaveLength(34);
  });

  it('refuses a basin map with a message naming the dimension', () => {
    const basin: BasinJob = { kind: 'basin', domain: [[-2, 2], [-1, 3]], columns: 4, rows: 4, minima: [], tolerance: 0.01 };
    expect(new BatchHandler().handle({ type: 'summarize', requestId: 4, source, job: basin, from: 0, to: 16 }).response).toEqual({
      type: 'failed',
      requestId: 4,
      message: 'a basin map needs a two-dimensional problem; this one has 10',
    });
  });
});
