import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP } from '../experiment/analysis-settings';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { sweepJobFor } from './sweep';

describe('sweepJobFor', () => {
  it('sweeps from the run’s start over the settings’ learning rates', () => {
    const experiment = { ...DEFAULT_EXPERIMENT, runs: [{ ...DEFAULT_EXPERIMENT.runs[0], start: [0.5, -1] as [number, number] }] };
    expect(sweepJobFor({ experiment, sweep: { settings: { ...DEFAULT_SWEEP, lrMin: 0.01, lrMax: 0.1, count: 8 } } })).toEqual({
      kind: 'sweep',
      start: [0.5, -1],
      learningRates: { min: 0.01, max: 0.1, count: 8 },
    });
  });

  it('sweeps beta1 only for an optimizer with betas', () => {
    const second = { name: 'beta1', min: 0, max: 0.9, count: 4 } as const;
    // run 1 is SGD: a beta1 axis does not apply, the sweep is 1-D
    expect(sweepJobFor({ experiment: DEFAULT_EXPERIMENT, sweep: { settings: { ...DEFAULT_SWEEP, run: 0, second } } }).second).toBeUndefined();
    expect(sweepJobFor({ experiment: DEFAULT_EXPERIMENT, sweep: { settings: { ...DEFAULT_SWEEP, run: 2, second } } }).second).toEqual(second);
  });
});
