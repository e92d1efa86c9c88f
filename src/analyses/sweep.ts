// Planning a sweep: the analysed run from its start over a log grid of its learning rate (or, for a
// method without one, its first continuous number hyperparameter), against beta1 or momentum when
// the run's method has it.
import type { SweepJob } from '../engine/batch/types';
import { getMethodSpec } from '../engine/methods/catalogue';
import { effectiveSecondAxis, sweptParameter, sweptRange } from '../experiment/analysis-settings';
import { analysedRun, type AnalysisInputs } from './analysis-inputs';

/** The sweep job the settings describe, from the analysed run's start; throws for a method with no number hyperparameter to sweep. */
export function sweepJobFor(inputs: Pick<AnalysisInputs, 'experiment' | 'sweep'>): SweepJob {
  const { settings } = inputs.sweep;
  const run = inputs.experiment.runs[analysedRun(inputs, settings.run)];
  const parameter = sweptParameter(run.optimizer);
  if (parameter === null) throw new Error(`${getMethodSpec(run.optimizer)?.name ?? run.optimizer} has no continuous number hyperparameter to sweep`);
  const second = effectiveSecondAxis(settings, run.optimizer);
  return {
    kind: 'sweep',
    start: [...run.start],
    ...(parameter.name !== 'lr' && { parameter: parameter.name }),
    learningRates: { ...sweptRange(settings, parameter), count: settings.count },
    ...(second && { second }),
  };
}
