import { describe, expect, it } from 'vitest';
import { DEFAULT_BASIN, DEFAULT_SEEDS, DEFAULT_SWEEP } from '../experiment/analysis-settings';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { ANALYSIS_CONFIRM_MS, estimateAnalysisCost, FORMULA_NS_PER_CHARACTER, FORMULA_NS_PER_RUN_STEP, needsConfirmation, SEEDS_RECORDING_FACTOR, SURFACE_NS_PER_RUN_STEP } from './analysis-cost';
import type { AnalysisInputs } from './analysis-inputs';

const SQUARE: AnalysisInputs['viewDomain'] = [
  [-5, 5],
  [-5, 5],
];

function inputs(experiment: Partial<Experiment>, settings: Partial<Pick<AnalysisInputs, 'basin' | 'sweep' | 'seeds'>> = {}): AnalysisInputs {
  return {
    experiment: { ...DEFAULT_EXPERIMENT, ...experiment },
    viewDomain: SQUARE,
    basin: { settings: DEFAULT_BASIN },
    sweep: { settings: DEFAULT_SWEEP },
    seeds: { settings: DEFAULT_SEEDS },
    ...settings,
  };
}

describe('estimateAnalysisCost', () => {
  it('counts a basin map as grid cells × steps, spread over the workers', () => {
    const cost = estimateAnalysisCost('basin', inputs({ steps: 100_000, problem: { kind: 'surface', surface: 'himmelblau', params: {} } }, { basin: { settings: { ...DEFAULT_BASIN, resolution: 512 } } }), 8);
    expect(cost.runs).toBe(512 * 512);
    expect(cost.runsText).toBe('512×512 starts');
    expect(cost.runSteps).toBe(512 * 512 * 100_000);
    // hand-derived: 2.62e10 run-steps × 200 ns / 8 workers = 655 s
    expect(cost.estimatedMs).toBeCloseTo((512 * 512 * 100_000 * SURFACE_NS_PER_RUN_STEP) / 8 / 1e6, 6);
    expect(needsConfirmation(cost)).toBe(true);
  });

  it('prices a typed formula by its length: the issue’s 1,153-character link is hours of CPU', () => {
    const expression = 'sin(x)*cos(y)+'.repeat(82) + 'x*y';
    const cost = estimateAnalysisCost('basin', inputs({ steps: 100_000, problem: { kind: 'formula', expression } }, { basin: { settings: { ...DEFAULT_BASIN, resolution: 512 } } }), 1);
    const nsPerRunStep = FORMULA_NS_PER_RUN_STEP + FORMULA_NS_PER_CHARACTER * expression.length;
    expect(cost.estimatedMs).toBeCloseTo((512 * 512 * 100_000 * nsPerRunStep) / 1e6, 3);
    // the issue measured 81 hours of CPU for such a map
    expect(cost.estimatedMs / 3_600_000).toBeGreaterThan(50);
  });

  it('leaves the cheap analyses the e2e links open below the threshold', () => {
    const himmelblau = { steps: 100, problem: { kind: 'surface', surface: 'himmelblau', params: {} } } as const;
    expect(needsConfirmation(estimateAnalysisCost('basin', inputs(himmelblau, { basin: { settings: { ...DEFAULT_BASIN, resolution: 128 } } }), 1))).toBe(false);
    expect(needsConfirmation(estimateAnalysisCost('sweep', inputs({ steps: 200 }, { sweep: { settings: { ...DEFAULT_SWEEP, count: 64 } } }), 1))).toBe(false);
    expect(needsConfirmation(estimateAnalysisCost('seeds', inputs({ steps: 150, noise: 0.1 }, { seeds: { settings: { ...DEFAULT_SEEDS, count: 200 } } }), 1))).toBe(false);
  });

  it('counts every compared run of many seeds', () => {
    const experiment = { steps: 100_000, noise: 0.1 };
    const one = estimateAnalysisCost('seeds', inputs(experiment, { seeds: { settings: { ...DEFAULT_SEEDS, count: 1000 } } }), 2);
    expect(one.runs).toBe(1000 * DEFAULT_EXPERIMENT.runs.filter((run) => !run.hidden).length);
    // each seed records its whole run: SEEDS_RECORDING_FACTOR times a summarised step
    expect(one.estimatedMs).toBeCloseTo((one.runSteps * SURFACE_NS_PER_RUN_STEP * SEEDS_RECORDING_FACTOR) / 2 / 1e6, 6);
    expect(needsConfirmation(one)).toBe(true);
  });

  it('does not parallelise a job over more workers than it has runs', () => {
    const cost = estimateAnalysisCost('sweep', inputs({ steps: 1000 }, { sweep: { settings: { ...DEFAULT_SWEEP, count: 3, second: null } } }), 8);
    expect(cost.workers).toBe(3);
  });

  it('confirms strictly above ANALYSIS_CONFIRM_MS', () => {
    expect(needsConfirmation({ estimatedMs: ANALYSIS_CONFIRM_MS })).toBe(false);
    expect(needsConfirmation({ estimatedMs: ANALYSIS_CONFIRM_MS + 1 })).toBe(true);
  });
});
