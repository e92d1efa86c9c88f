// Which runs the views draw, and in what colour and name: one rule for the map, the loss chart and
// the runs panel, so a run looks the same everywhere.
import type { ExperimentRun } from '../../experiment/experiment';
import { runColor } from '../../views/scales';
import { runLabel } from './labels';

/** A run the views draw: visible, answered by the engine, with its label and colour. */
export interface VisibleRun<Result> {
  /** Position in the experiment's runs (the run's number minus one). */
  readonly index: number;
  readonly run: ExperimentRun;
  readonly result: Result;
  readonly label: string;
  readonly color: string;
}

/** A run's colour as drawn: its own, else the palette's for its position. */
export function drawnColor(run: ExperimentRun | undefined, index: number): string {
  return run?.color ?? runColor(index);
}

/** The runs that are not hidden and have a result, in experiment order. */
export function visibleRuns<Result>(runs: readonly ExperimentRun[], results: readonly Result[] | null): VisibleRun<Result>[] {
  return runs.flatMap((run, index) => {
    const result = results?.[index];
    if (result === undefined || run.hidden) return [];
    return [{ index, run, result, label: runLabel(run, index, runs), color: drawnColor(run, index) }];
  });
}
