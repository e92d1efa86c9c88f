import { describe, expect, it } from 'vitest';
import { startBatchSync, type BatchRunner } from './batch-sync';
import { DEFAULT_BASIN, DEFAULT_SEEDS } from '../experiment/analysis-settings';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { createAppStore } from '../store/store';

// Issue 12 finding 2: a link's analysis that would take minutes (a 512×512 basin map of 100,000
// steps, many seeds of 100,000 steps) started on its own when the page opened. Now it waits with its
// estimate until the reader clicks Start; a cheap one still starts by itself.

/** A pool that records what it was asked to run and never answers. */
function recordingPool() {
  const asked: string[] = [];
  const pool: BatchRunner = {
    runSummaries: (_source, job) => (asked.push(job.kind), new Promise(() => {})),
    runSeeds: (_source, job) => (asked.push(job.kind), new Promise(() => {})),
    gpuInfo: async () => null,
  };
  return { pool, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function open(experiment: Partial<Experiment>) {
  const store = createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, ...experiment } });
  const { pool, asked } = recordingPool();
  const stop = startBatchSync(store, () => pool, { scheduleFrame: (flush) => flush(), startDelayMs: 0, workers: 2 });
  return { store, asked, stop };
}

const HIMMELBLAU = { kind: 'surface', surface: 'himmelblau', params: {} } as const;

describe('a costly analysis from a link waits for a click', () => {
  it('a 512×512 basin map of 100,000 steps waits with its estimate, then runs on Start', async () => {
    const { store, asked } = open({ problem: HIMMELBLAU, steps: 100_000 });
    store.getState().loadBatchSettings({ basin: { ...DEFAULT_BASIN, resolution: 512 }, sweep: null, seeds: null, engine: 'auto' });
    await settle();
    const job = store.getState().basin.job;
    expect(job.status).toBe('awaiting');
    if (job.status !== 'awaiting') return;
    expect(job.cost.runs).toBe(512 * 512);
    expect(job.cost.steps).toBe(100_000);
    expect(job.cost.estimatedMs).toBeGreaterThan(10_000);
    // nothing ran (the pool is only asked which GPU adapter there is, for the panel)
    expect(asked).toEqual([]);

    store.getState().runBatch('basin');
    await settle();
    expect(asked).toEqual(['basin']);
    expect(store.getState().basin.job.status).toBe('running');
  });

  it('the estimate follows the experiment while it waits', async () => {
    const { store } = open({ problem: HIMMELBLAU, steps: 100_000 });
    store.getState().loadBatchSettings({ basin: { ...DEFAULT_BASIN, resolution: 512 }, sweep: null, seeds: null, engine: 'auto' });
    await settle();
    const before = store.getState().basin.job;
    store.getState().setSteps(50_000);
    const after = store.getState().basin.job;
    expect(before.status === 'awaiting' && after.status === 'awaiting' && after.cost.estimatedMs).toBeCloseTo(before.status === 'awaiting' ? before.cost.estimatedMs / 2 : NaN, 3);
  });

  it('1,000 seeds of 100,000 steps wait too', async () => {
    const { store, asked } = open({ steps: 100_000, noise: 0.1 });
    store.getState().loadBatchSettings({ basin: null, sweep: null, seeds: { ...DEFAULT_SEEDS, count: 1000 }, engine: 'auto' });
    await settle();
    expect(store.getState().seeds.job.status).toBe('awaiting');
    expect(asked).toEqual([]);
  });

  it('a cheap analysis from a link still starts on its own', async () => {
    const { store, asked } = open({ problem: HIMMELBLAU, steps: 100 });
    store.getState().loadBatchSettings({ basin: { ...DEFAULT_BASIN, resolution: 128 }, sweep: null, seeds: null, engine: 'auto' });
    await settle();
    expect(asked).toEqual(['basin']);
    expect(store.getState().basin.job.status).toBe('running');
  });

  it('the reader’s own request runs whatever it costs (with Cancel)', async () => {
    const { store, asked } = open({ problem: HIMMELBLAU, steps: 100_000 });
    store.getState().updateBatchSettings('basin', { resolution: 512 });
    store.getState().runBatch('basin');
    await settle();
    expect(asked).toEqual(['basin']);
  });

  it('a page opened on a link (settings loaded before sync starts) waits as well', async () => {
    const store = createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, problem: HIMMELBLAU, steps: 100_000 } });
    store.getState().loadBatchSettings({ basin: { ...DEFAULT_BASIN, resolution: 512 }, sweep: null, seeds: null, engine: 'auto' });
    const { pool, asked } = recordingPool();
    startBatchSync(store, () => pool, { scheduleFrame: (flush) => flush(), startDelayMs: 0, workers: 8 });
    await settle();
    expect(store.getState().basin.job.status).toBe('awaiting');
    expect(asked).toEqual([]);
  });
});
