import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { lastTemplateLookup, resolveSource } from './source';

describe('resolveSource', () => {
  it('fills in torch defaults and names a missing run', () => {
    const { settings } = resolveSource({ experiment: DEFAULT_EXPERIMENT, runIndex: 2 });
    expect(settings.method.id).toBe('adam');
    expect(settings.optimizer?.id).toBe('adam');
    expect(settings.domain).toEqual([[-2, 2], [-1, 3]]);
    expect(settings).toMatchObject({ numSteps: DEFAULT_EXPERIMENT.steps, hyper: { lr: 0.05, betas: [0.9, 0.999] } });
    expect(() => resolveSource({ experiment: DEFAULT_EXPERIMENT, runIndex: 3 })).toThrow('the experiment has no run 4');
  });
});

describe('lastTemplateLookup', () => {
  it('builds a template once per source, and again when the source changes', () => {
    let builds = 0;
    const lookup = lastTemplateLookup(({ settings }) => ({ ...settings, build: ++builds }));
    const first = lookup({ experiment: DEFAULT_EXPERIMENT, runIndex: 0 });
    // a job's later ranges carry an equal source, not the same object
    expect(lookup({ experiment: { ...DEFAULT_EXPERIMENT }, runIndex: 0 })).toBe(first);
    expect(lookup({ experiment: DEFAULT_EXPERIMENT, runIndex: 1 }).build).toBe(2);
    expect(lookup({ experiment: { ...DEFAULT_EXPERIMENT, steps: 10 }, runIndex: 1 }).build).toBe(3);
  });
});
