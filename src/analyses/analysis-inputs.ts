// What the three analyses (basin map, sweep, many seeds) read of the app's state to plan their jobs.
// A structural type, so planning stays below the store: the store's state satisfies it as it is.
import type { Domain } from '../engine/objective';
import type { BasinSettings, SeedsSettings, SweepSettings } from '../experiment/analysis-settings';
import type { Experiment } from '../experiment/experiment';
import { clampRunIndex } from '../experiment/run-index';

/** The three analyses. */
export type AnalysisKind = 'basin' | 'sweep' | 'seeds';

/** The experiment, the view shown and each analysis's settings: all that an analysis's numbers depend on. */
export interface AnalysisInputs {
  readonly experiment: Experiment;
  /** The part of the problem the map shows (null: the problem's own domain). */
  readonly viewDomain: Domain | null;
  readonly basin: { readonly settings: BasinSettings };
  readonly sweep: { readonly settings: SweepSettings };
  readonly seeds: { readonly settings: SeedsSettings };
}

/** The run an analysis uses: its settings' run, or the last one when runs were removed since. */
export function analysedRun(inputs: Pick<AnalysisInputs, 'experiment'>, run: number): number {
  return clampRunIndex(run, inputs.experiment.runs.length);
}
