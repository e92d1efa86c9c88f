import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { analysedRun } from './analysis-inputs';

describe('analysedRun', () => {
  it('keeps the settings’ run, or the last run when runs were removed since', () => {
    expect(analysedRun({ experiment: DEFAULT_EXPERIMENT }, 1)).toBe(1);
    expect(analysedRun({ experiment: DEFAULT_EXPERIMENT }, 5)).toBe(2);
    expect(analysedRun({ experiment: { ...DEFAULT_EXPERIMENT, runs: DEFAULT_EXPERIMENT.runs.slice(0, 1) } }, 2)).toBe(0);
  });
});
