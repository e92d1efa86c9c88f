// Planning many seeds: the analysed run repeated over seeds 0..count−1 of the experiment's seed.
import type { SeedsJob } from '../engine/batch/types';
import { analysedRun, type AnalysisInputs } from './analysis-inputs';

/** The many-seeds job the settings describe. */
export function seedsJobFor(inputs: Pick<AnalysisInputs, 'experiment' | 'seeds'>): SeedsJob {
  const run = inputs.experiment.runs[analysedRun(inputs, inputs.seeds.settings.run)];
  return { kind: 'seeds', start: [...run.start], count: inputs.seeds.settings.count, seed: inputs.experiment.seed };
}
