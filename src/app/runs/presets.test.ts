import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../engine/problems/surfaces';
import { DEFAULT_EXPERIMENT, type Experiment } from '../../experiment/experiment';
import { runExperiment } from '../../experiment/run-experiment';
import { checkRun } from '../../experiment/validate';
import { automaticRunName } from '../../experiment/run-name';
import { getPreset, presetForOptimizer, RUN_PRESETS } from './presets';

describe('RUN_PRESETS', () => {
  it('offers the teaching configurations the issue names, each once', () => {
    expect(RUN_PRESETS.map((preset) => preset.name)).toEqual([
      'GD', 'Momentum', 'Nesterov', 'AdaGrad', 'RMSprop', 'Adadelta', 'Adam', 'AdamW', 'AMSGrad', 'Adamax', 'NAdam', 'RAdam', 'Lion',
      'Newton', 'BFGS', 'L-BFGS', 'Nelder-Mead', 'Simulated annealing', 'CMA-ES', 'MeZO',
    ]);
    expect(new Set(RUN_PRESETS.map((preset) => preset.id)).size).toBe(RUN_PRESETS.length);
  });

  it.each(RUN_PRESETS.map((preset) => [preset.name, preset] as const))('%s is a valid run for the experiment format (the CLI would accept it)', (_name, preset) => {
    const checked = checkRun({ optimizer: preset.optimizer, hyper: preset.hyper, start: [-1.5, 2] }, 'runs[0]', 2);
    expect(checked).toEqual({ ok: true, value: { optimizer: preset.optimizer, hyper: preset.hyper, start: [-1.5, 2] } });
  });

  it('sets what makes each variant that variant', () => {
    expect(getPreset('momentum')?.hyper).toMatchObject({ momentum: 0.9 });
    expect(getPreset('nesterov')?.hyper).toMatchObject({ momentum: 0.9, nesterov: true });
    expect(getPreset('amsgrad')).toMatchObject({ optimizer: 'adam', hyper: { amsgrad: true } });
    expect(getPreset('adamw')?.optimizer).toBe('adamw');
  });

  // The learning rates suit the default domains: on the smooth surfaces a lecture starts with, from
  // the default start (Rosenbrock) or the upper left of the domain, no preset blows up in 300 steps
  // and every one ends lower than it started.
  const SMOOTH = ['quadratic', 'ill-conditioned', 'booth', 'matyas', 'rosenbrock', 'himmelblau', 'three-hump-camel', 'six-hump-camel'];
  it.each(SMOOTH)('every preset descends on %s without diverging', (surfaceId) => {
    const surface = SURFACES.find((candidate) => candidate.id === surfaceId)!;
    const [[xMin, xMax], [yMin, yMax]] = surface.domain;
    const start = surfaceId === 'rosenbrock' ? [-1.5, 2] : [xMin + 0.2 * (xMax - xMin), yMin + 0.8 * (yMax - yMin)];
    const experiment: Experiment = {
      ...DEFAULT_EXPERIMENT,
      problem: { kind: 'surface', surface: surfaceId, params: {} },
      runs: RUN_PRESETS.map((preset) => ({ optimizer: preset.optimizer, hyper: preset.hyper, start })),
    };
    const { runs } = runExperiment(experiment);
    runs.forEach((run, index) => {
      const name = RUN_PRESETS[index].name;
      expect(run.diverged, `${name} diverged`).toBeNull();
      expect(run.loss[run.loss.length - 1], `${name} did not descend`).toBeLessThan(run.loss[0]);
    });
  });
});

describe('names of runs from presets', () => {
  it('names each preset run by its variant and settings (no label is stored)', () => {
    const names = RUN_PRESETS.map((preset) => automaticRunName({ optimizer: preset.optimizer, hyper: preset.hyper }));
    expect(names).toEqual([
      'SGD lr 0.001', 'Momentum lr 0.001 μ 0.9', 'Nesterov lr 0.001 μ 0.9', 'Adagrad lr 0.5', 'RMSprop lr 0.01', 'Adadelta lr 10', 'Adam lr 0.05',
      'AdamW lr 0.05 wd 0.01', 'AMSGrad lr 0.05', 'Adamax lr 0.05', 'NAdam lr 0.05', 'RAdam lr 0.01', 'Lion lr 0.01',
      'Damped Newton', 'BFGS', 'L-BFGS Wolfe', 'Nelder-Mead', 'Annealing exp σ 0.25', 'CMA-ES σ 0.5', 'ZO-SGD lr 0.0003',
    ]);
  });

  it('starts an optimizer switch from the plain preset, not a variant', () => {
    expect(presetForOptimizer('sgd')?.id).toBe('gd');
    expect(presetForOptimizer('adam')?.id).toBe('adam');
  });
});
