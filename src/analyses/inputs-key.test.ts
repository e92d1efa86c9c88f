import { describe, expect, it } from 'vitest';
import { DEFAULT_BASIN, DEFAULT_SEEDS, DEFAULT_SWEEP } from '../experiment/analysis-settings';
import { DEFAULT_EXPERIMENT, type ExperimentRun } from '../experiment/experiment';
import type { AnalysisInputs } from './analysis-inputs';
import { inputsKey } from './inputs-key';

/** The app's inputs as it opens: the default experiment, view and settings. */
const DEFAULT_INPUTS: AnalysisInputs = {
  experiment: DEFAULT_EXPERIMENT,
  viewDomain: null,
  basin: { settings: DEFAULT_BASIN },
  sweep: { settings: DEFAULT_SWEEP },
  seeds: { settings: DEFAULT_SEEDS },
};

/** The default inputs with run 0 patched. */
function withFirstRun(patch: Partial<ExperimentRun>): AnalysisInputs {
  const runs = DEFAULT_EXPERIMENT.runs.map((run, index) => (index === 0 ? { ...run, ...patch } : run));
  return { ...DEFAULT_INPUTS, experiment: { ...DEFAULT_EXPERIMENT, runs } };
}

describe('inputsKey', () => {
  it('ignores what no number depends on, and what a sweep sweeps', () => {
    const renamed = withFirstRun({ label: 'renamed', color: '#000000', hidden: true, hyper: { lr: 0.5 } });
    expect(inputsKey('sweep', renamed)).toBe(inputsKey('sweep', DEFAULT_INPUTS));
    expect(inputsKey('basin', renamed)).not.toBe(inputsKey('basin', DEFAULT_INPUTS)); // the basin map runs with the run's lr
    const moved = withFirstRun({ start: [0, 0] });
    expect(inputsKey('sweep', moved)).not.toBe(inputsKey('sweep', DEFAULT_INPUTS)); // a sweep starts where the run does
    expect(inputsKey('seeds', moved)).not.toBe(inputsKey('seeds', DEFAULT_INPUTS));
  });

  it('changes with the view for a basin map only', () => {
    const zoomed: AnalysisInputs = { ...DEFAULT_INPUTS, viewDomain: [[0, 1], [0, 1]] };
    expect(inputsKey('basin', zoomed)).not.toBe(inputsKey('basin', DEFAULT_INPUTS));
    expect(inputsKey('seeds', zoomed)).toBe(inputsKey('seeds', DEFAULT_INPUTS));
  });

  it('counts the seed only when there is noise to draw', () => {
    const reseeded = { ...DEFAULT_INPUTS, experiment: { ...DEFAULT_EXPERIMENT, seed: 9 } };
    expect(inputsKey('basin', reseeded)).toBe(inputsKey('basin', DEFAULT_INPUTS));
    const noisy = (seed: number) => ({ ...DEFAULT_INPUTS, experiment: { ...DEFAULT_EXPERIMENT, noise: 0.1, seed } });
    expect(inputsKey('seeds', noisy(9))).not.toBe(inputsKey('seeds', noisy(0)));
  });
});
