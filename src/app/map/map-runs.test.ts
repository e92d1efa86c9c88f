import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, type Experiment } from '../../experiment/experiment';
import type { RunPayload } from '../../worker/protocol';
import { mapRuns, runsMovedTogether, withStarts } from './map-runs';

function payload(points: number[][]): RunPayload {
  const trajectory = Float64Array.from(points.flat());
  const empty = new Float64Array(points.length);
  return { dimension: 2, trajectory, loss: empty, evaluations: { function: empty, gradient: empty, hessian: empty }, bestLoss: empty, elapsedMs: empty, diverged: null, converged: null, snapshots: null };
}

const experiment: Experiment = {
  ...DEFAULT_EXPERIMENT,
  runs: [
    { optimizer: 'sgd', hyper: { lr: 0.001 }, start: [-1.5, 2], label: 'SGD' },
    { optimizer: 'adam', hyper: { lr: 0.05 }, start: [-1.5, 2], hidden: true },
    { optimizer: 'adam', hyper: { lr: 0.1 }, start: [-1.5, 2], color: '#123456' },
    { optimizer: 'rmsprop', hyper: { lr: 0.01 }, start: [1, -0.5] },
  ],
};
const results = [payload([[-1.5, 2]]), payload([[-1.5, 2]]), payload([[-1.5, 2], [-1.4, 1.9]]), payload([[1, -0.5]])];

describe('mapRuns', () => {
  it('draws the visible runs with their experiment index, colour and the start the experiment has now', () => {
    const runs = mapRuns({ experiment, runs: results });
    expect(runs.map((run) => run.index)).toEqual([0, 2, 3]);
    expect(runs.map((run) => run.color)).toEqual(['#E69F00', '#123456', '#CC79A7']);
    expect(runs[0].label).toBe('SGD');
    expect(runs[1].trajectory).toBe(results[2].trajectory);
    expect([...runs[2].start]).toEqual([1, -0.5]);
  });

  it('leaves out runs the engine has not answered for yet', () => {
    expect(mapRuns({ experiment, runs: null })).toEqual([]);
    expect(mapRuns({ experiment, runs: results.slice(0, 1) }).map((run) => run.index)).toEqual([0]);
  });
});

describe('runsMovedTogether', () => {
  it('picks up every run starting exactly where the grabbed one does', () => {
    expect(runsMovedTogether({ experiment, linkStarts: false }, 2, false)).toEqual([0, 1, 2]);
    expect(runsMovedTogether({ experiment, linkStarts: false }, 3, false)).toEqual([3]);
  });

  it('moves one run alone when asked, and all when the starts are linked', () => {
    expect(runsMovedTogether({ experiment, linkStarts: false }, 2, true)).toEqual([2]);
    expect(runsMovedTogether({ experiment, linkStarts: true }, 3, false)).toEqual([0, 1, 2, 3]);
  });
});

describe('withStarts', () => {
  it('moves only the listed runs and keeps everything else about them', () => {
    const runs = withStarts(experiment.runs, [0, 2], [0.5, 0.25]);
    expect(runs.map((run) => run.start)).toEqual([[0.5, 0.25], [-1.5, 2], [0.5, 0.25], [1, -0.5]]);
    expect(runs[2].color).toBe('#123456');
    expect(runs[1]).toBe(experiment.runs[1]);
  });
});
