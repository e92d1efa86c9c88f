import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS } from '../experiment/analysis-settings';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { seedsJobFor } from './seeds';

describe('seedsJobFor', () => {
  it('repeats the analysed run from its start over the experiment’s seed', () => {
    const experiment = { ...DEFAULT_EXPERIMENT, seed: 7 };
    expect(seedsJobFor({ experiment, seeds: { settings: { ...DEFAULT_SEEDS, run: 2, count: 20 } } })).toEqual({ kind: 'seeds', start: [-1.5, 2], count: 20, seed: 7 });
  });
});
