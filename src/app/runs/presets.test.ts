import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../engine/problems/surfaces';
import { DEFAULT_EXPERIMENT, type Experiment } from '../../experiment/experiment';
import { runExperiment } from '../../experiment/run-experiment';
import { checkRun } from '../../experiment/validate';
import { getPreset, isPresetLabel, presetForOptimizer, RUN_PRESETS, uniqueLabel } from './presets';

describe('RUN_PRESETS', () => {
  it('offers the teaching configurations the issue names, each once', () => {
    expect(RUN_PRESETS.map((preset) => preset.name)).toEqual([
      'GD', 'Momentum', 'Nesterov', 'AdaGrad', 'RMSprop', 'Adadelta', 'Adam', 'AdamW', 'AMSGrad', 'Adamax', 'NAdam', 'RAdam', 'Lion',
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

describe('labels from presets', () => {
  it('numbers a name already in use', () => {
    expect(uniqueLabel('Adam', ['SGD', 'Momentum'])).toBe('Adam');
    expect(uniqueLabel('Adam', ['Adam', undefined])).toBe('Adam 2');
    expect(uniqueLabel('Adam', ['Adam', 'Adam 2', 'Adam 4'])).toBe('Adam 3');
  });

  it('tells a preset label from one the user typed', () => {
    expect(isPresetLabel('Adam')).toBe(true);
    expect(isPresetLabel('Adam 3')).toBe(true);
    expect(isPresetLabel(undefined)).toBe(true);
    expect(isPresetLabel('Adam with a big step')).toBe(false);
    expect(isPresetLabel('Adam 3b')).toBe(false);
  });

  it('starts an optimizer switch from the plain preset, not a variant', () => {
    expect(presetForOptimizer('sgd')?.id).toBe('gd');
    expect(presetForOptimizer('adam')?.id).toBe('adam');
  });
});
