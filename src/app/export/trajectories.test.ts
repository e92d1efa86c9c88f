import { describe, expect, test } from 'vitest';
import { DEFAULT_EXPERIMENT, type Experiment } from '../../experiment/experiment';
import { formatOutputCsv, formatOutputJson, toOutput } from '../../experiment/output';
import { resolveProblem, runExperiment, runOptionsFor } from '../../experiment/run-experiment';
import { timedRun } from '../../worker/timed-run';
import { formatTrajectories, outputFromPayloads } from './trajectories';

// Oracle: the CLI's own path (runExperiment then output.ts), against the worker's path (timedRun,
// as engine.worker.ts calls it, stepping in clock-sized chunks) through outputFromPayloads.

/** What the worker sends back for an experiment, computed here the way engine.worker.ts does. */
function workerRuns(experiment: Experiment) {
  const { objective } = resolveProblem(experiment.problem);
  return experiment.runs.map((_, index) => timedRun({ ...runOptionsFor(experiment, index, objective), numSteps: experiment.steps }));
}

describe('trajectory exports', () => {
  test("equal the CLI's JSON and CSV byte for byte, with noise, a schedule, clipping, a hidden run and a divergence", () => {
    const experiment: Experiment = {
      ...DEFAULT_EXPERIMENT,
      steps: 257, // not a multiple of the worker's 32-step clock chunks
      noise: 0.3,
      seed: 12345,
      runs: [
        ...DEFAULT_EXPERIMENT.runs,
        { optimizer: 'adam', hyper: { lr: 0.1 }, start: [1, -1], schedule: { type: 'cosine', T_max: 100, eta_min: 0 }, clip: { type: 'norm', max_norm: 1 }, color: '#cc79a7', hidden: true },
        { optimizer: 'sgd', hyper: { lr: 0.05 }, start: [-1.5, 2], label: 'diverges, "fast"' },
      ],
    };
    const cli = toOutput(experiment, runExperiment(experiment));
    expect(cli.runs[4].diverged).not.toBeNull();
    const exported = outputFromPayloads(experiment, workerRuns(experiment));
    expect(formatTrajectories(exported, 'json')).toBe(formatOutputJson(cli));
    expect(formatTrajectories(exported, 'csv')).toBe(formatOutputCsv(cli));
  });

  test('refuse a result that does not match the experiment', () => {
    const experiment: Experiment = { ...DEFAULT_EXPERIMENT, steps: 3 };
    expect(() => outputFromPayloads(experiment, workerRuns(experiment).slice(1))).toThrow(/expected 3 runs from the engine, got 2/);
  });
});
