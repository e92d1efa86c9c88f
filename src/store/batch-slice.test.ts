import { describe, expect, it } from 'vitest';
import { DEFAULT_BASIN, DEFAULT_SEEDS, DEFAULT_SWEEP, NO_ANALYSIS_SETTINGS } from '../experiment/analysis-settings';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { batchSettingsChanged, batchSettingsOf } from './batch-slice';
import { createAppStore } from './store';

function store() {
  return createAppStore({ experiment: DEFAULT_EXPERIMENT });
}

describe('the batch slice', () => {
  it('starts with every analysis off and the panel closed', () => {
    const state = store().getState();
    expect(batchSettingsOf(state)).toEqual(NO_ANALYSIS_SETTINGS);
    expect(state.analysisOpen).toBe(false);
    expect(state.basin).toMatchObject({ settings: DEFAULT_BASIN, active: false, job: { status: 'idle' }, results: null, request: 0 });
  });

  it('asks for a new job only for changes that alter the numbers, and only while on', () => {
    const app = store();
    app.getState().updateBatchSettings('basin', { resolution: 256 });
    expect(app.getState().basin.request).toBe(0); // off: nothing to recompute
    app.getState().runBatch('basin');
    expect(app.getState().basin).toMatchObject({ active: true, request: 1 });
    app.getState().updateBatchSettings('basin', { colorBy: 'steps', opacity: 0.3 });
    expect(app.getState().basin.request).toBe(1); // a recolouring needs no job
    app.getState().updateBatchSettings('basin', { resolution: 512 });
    expect(app.getState().basin.request).toBe(2);
    app.getState().updateBatchSettings('basin', { resolution: 512 });
    expect(app.getState().basin.request).toBe(2); // the same value is no change
    app.getState().runBatch('sweep');
    app.getState().updateBatchSettings('sweep', { metric: 'best' });
    expect(app.getState().sweep.request).toBe(1);
    app.getState().updateBatchSettings('sweep', { lrMax: 10 });
    expect(app.getState().sweep.request).toBe(2);
  });

  it('closing drops results and the URL entry; cancelling only asks', () => {
    const app = store();
    app.getState().runBatch('seeds');
    app.getState().cancelBatch('seeds');
    expect(app.getState().seeds).toMatchObject({ active: true, cancelRequest: 1 });
    app.getState().closeBatch('seeds');
    expect(app.getState().seeds).toMatchObject({ active: false, results: null, job: { status: 'idle' } });
    expect(batchSettingsOf(app.getState()).seeds).toBeNull();
  });

  it('loads a link: the analyses it has are on and asked for, the panel opens on the first', () => {
    const app = store();
    app.getState().runBatch('basin');
    const before = app.getState();
    app.getState().loadBatchSettings({ basin: null, sweep: { ...DEFAULT_SWEEP, count: 16 }, seeds: DEFAULT_SEEDS, engine: 'js' });
    const after = app.getState();
    expect(after.basin.active).toBe(false);
    expect(after.sweep).toMatchObject({ active: true, request: 1, settings: { count: 16 } });
    expect(after.seeds).toMatchObject({ active: true, request: 1 });
    expect(after).toMatchObject({ batchEngine: 'js', analysisOpen: true, analysisTab: 'sweep' });
    expect(batchSettingsChanged(after, before)).toBe(true);
    expect(batchSettingsChanged(after, after)).toBe(false);
    // progress of a job is not a change of what the URL carries
    app.getState().setBatchJob('sweep', { status: 'running', progress: null });
    expect(batchSettingsChanged(app.getState(), after)).toBe(false);
  });

  it('gives the URL only what a link can run', () => {
    const app = store();
    app.getState().updateBatchSettings('basin', { run: 7 });
    app.getState().updateBatchSettings('sweep', { second: { name: 'beta1', min: 0, max: 0.9, count: 4 } });
    for (const feature of ['basin', 'sweep', 'seeds'] as const) app.getState().runBatch(feature);
    const settings = batchSettingsOf(app.getState());
    expect(settings.basin?.run).toBe(2); // the last of 3 runs
    expect(settings.sweep?.second).toBeNull(); // run 1 is SGD: no beta1
    expect(settings.seeds).toBeNull(); // no gradient noise
    app.getState().setNoise(0.1);
    expect(batchSettingsOf(app.getState()).seeds).toEqual(DEFAULT_SEEDS);
  });

  it('applies a sweep point: lr rounded to 4 digits, beta1 beside the run’s beta2', () => {
    const app = store();
    // run 3 is Adam with lr 0.05 and torch's betas (0.9, 0.999)
    app.getState().applySweepPoint(2, 0.012345678, { name: 'beta1', value: 0.812345 });
    expect(app.getState().experiment.runs[2].hyper).toEqual({ lr: 0.01235, betas: [0.8123, 0.999] });
    app.getState().applySweepPoint(1, 0.3, { name: 'momentum', value: 0.5 });
    expect(app.getState().experiment.runs[1].hyper).toEqual({ lr: 0.3, momentum: 0.5 });
    app.getState().applySweepPoint(0, 2e-3);
    expect(app.getState().experiment.runs[0].hyper).toEqual({ lr: 0.002 });
  });

  it('refuses a sweep point that would make the run invalid', () => {
    const app = store();
    app.getState().updateRun(1, { hyper: { lr: 0.001, momentum: 0.9, nesterov: true } });
    const before = app.getState().experiment;
    // torch: Nesterov momentum requires momentum > 0
    app.getState().applySweepPoint(1, 0.01, { name: 'momentum', value: 0 });
    expect(app.getState().experiment).toBe(before);
    // beta1 that rounds to 1 is out of betas' range
    app.getState().applySweepPoint(2, 0.01, { name: 'beta1', value: 0.999996 });
    expect(app.getState().experiment).toBe(before);
  });
});
