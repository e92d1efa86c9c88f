import { describe, expect, it } from 'vitest';
import { TARGET_PRECISIONS } from '../engine/batch/targets';
import { DEFAULT_SEEDS } from '../experiment/analysis-settings';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { comparedRuns, drawsFromSeed, runIsStochastic, seedsJobFor } from './seeds';

describe('seedsJobFor', () => {
  it('repeats the analysed run from its start over the experiment’s seed, with Rosenbrock’s f* = 0', () => {
    const experiment = { ...DEFAULT_EXPERIMENT, seed: 7 };
    const inputs = { experiment, seeds: { settings: { ...DEFAULT_SEEDS, run: 2, count: 20 } } };
    expect(seedsJobFor(inputs)).toEqual({ kind: 'seeds', start: [-1.5, 2], count: 20, seed: 7, run: 2, optimum: 0, targets: TARGET_PRECISIONS });
    // another run is compared by its outcomes only
    expect(seedsJobFor(inputs, 0)).toMatchObject({ run: 0, start: [...DEFAULT_EXPERIMENT.runs[0].start], paths: false });
  });

  it('knows no optimum for a formula without known minima', () => {
    const experiment = { ...DEFAULT_EXPERIMENT, problem: { kind: 'formula', expression: 'x^2 + y^2 + sin(3*x)' } as const };
    expect(seedsJobFor({ experiment, seeds: { settings: DEFAULT_SEEDS } }).optimum).toBeNull();
  });
});

describe('comparedRuns', () => {
  it('puts the analysed run first, then every visible run', () => {
    const runs = DEFAULT_EXPERIMENT.runs.map((run, index) => (index === 1 ? { ...run, hidden: true } : run));
    expect(comparedRuns({ experiment: { ...DEFAULT_EXPERIMENT, runs }, seeds: { settings: { ...DEFAULT_SEEDS, run: 2 } } })).toEqual([2, 0]);
    expect(comparedRuns({ experiment: DEFAULT_EXPERIMENT, seeds: { settings: DEFAULT_SEEDS } })).toEqual([0, 1, 2]);
  });
});

describe('drawsFromSeed', () => {
  it('counts gradient-free and zeroth-order methods as stochastic unless they declare otherwise', () => {
    expect(drawsFromSeed({ family: 'gradient-free' })).toBe(true);
    expect(drawsFromSeed({ family: 'zeroth-order' })).toBe(true);
    expect(drawsFromSeed({ family: 'gradient-free', stochastic: false })).toBe(false);
    expect(drawsFromSeed({ family: 'first-order' })).toBe(false);
    expect(drawsFromSeed({ family: 'quasi-newton', stochastic: true })).toBe(true);
  });

  it('makes a first-order run stochastic only with gradient noise', () => {
    expect(runIsStochastic(DEFAULT_EXPERIMENT, 0)).toBe(false);
    expect(runIsStochastic({ ...DEFAULT_EXPERIMENT, noise: 0.1 }, 0)).toBe(true);
  });
});
