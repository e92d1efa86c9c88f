// Planning a learning-rate sweep: the analysed run from its start over a log grid of learning rates,
// against beta1 or momentum when the run's optimizer has it.
import type { SweepJob } from '../engine/batch/types';
import { effectiveSecondAxis } from '../experiment/analysis-settings';
import { analysedRun, type AnalysisInputs } from './analysis-inputs';

/** The sweep job the settings describe, from the analysed run's start. */
export function sweepJobFor(inputs: Pick<AnalysisInputs, 'experiment' | 'sweep'>): SweepJob {
  const { settings } = inputs.sweep;
  const run = inputs.experiment.runs[analysedRun(inputs, settings.run)];
  const second = effectiveSecondAxis(settings, run.optimizer);
  return {
    kind: 'sweep',
    start: [...run.start],
    learningRates: { min: settings.lrMin, max: settings.lrMax, count: settings.count },
    ...(second && { second }),
  };
}
