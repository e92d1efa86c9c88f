// Trajectory exports in exactly the CLI's format (experiment/output.ts), for the whole run.
//
// Where the numbers come from: the main thread never steps an optimizer, so a worker computes
// them. Not the store's runs: while a drag or a slider is live they stop at the step shown, and
// just after any change they may still be the previous experiment's (engine-sync replaces them
// when the worker answers), with nothing in the store to tell the two apart. Not the app's own
// EngineClient either: it keeps one runExperiment in flight and lets the newest win, so an export
// and the next live frame would cancel each other. An export therefore starts a worker of its
// own, asks it for the full experiment, and stops it: the same engine code as the CLI
// (run-experiment.ts), so the files equal `optimizer-playground run` byte for byte.
import type { Experiment } from '../../experiment/experiment';
import { formatOutputCsv, formatOutputJson, toOutput, type ExperimentOutput } from '../../experiment/output';
import { EngineClient } from '../../client/engine-client';
import type { RunPayload } from '../../worker/protocol';

/** The CLI's output for an experiment, from the worker's runs (in experiment order). */
export function outputFromPayloads(experiment: Experiment, runs: readonly RunPayload[]): ExperimentOutput {
  if (runs.length !== experiment.runs.length) throw new Error(`expected ${experiment.runs.length} runs from the engine, got ${runs.length}`);
  // a payload is the engine's RunResult, timed: the CLI's numbers exactly
  return toOutput(experiment, { runs });
}

/** Formats the output as `optimizer-playground run` does (JSON) or with `--format csv`. */
export function formatTrajectories(output: ExperimentOutput, format: 'json' | 'csv'): string {
  return format === 'csv' ? formatOutputCsv(output) : formatOutputJson(output);
}

/** Runs every run of the experiment to its last step in a worker of its own, then stops it. */
export async function computeTrajectories(experiment: Experiment, createClient: () => EngineClient = () => new EngineClient()): Promise<ExperimentOutput> {
  const client = createClient();
  try {
    const { runs } = await client.runExperiment(experiment);
    return outputFromPayloads(experiment, runs);
  } finally {
    client.dispose();
  }
}
