import { describe, expect, it } from 'vitest';
import { startBatchSync, type BatchRunner } from './batch-sync';
import { SUMMARY_OFFSET, summaryStride, type BatchOutcome, type BatchProgress, type SeedStatistics } from '../engine/batch/types';
import { TARGET_PRECISIONS } from '../engine/batch/targets';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { createAppStore } from '../store/store';

/** A job the fake pool was given, and the handles to answer it. */
interface FakeJob {
  readonly kind: string;
  readonly job: { kind: string };
  readonly engine?: string;
  partial(from: number, to: number, summaries: Float64Array): void;
  progress(progress: BatchProgress): void;
  finish(value: unknown): void;
  fail(error: unknown): void;
}

const OUTCOME: BatchOutcome = { engine: 'js', workers: 2, adapter: null, reason: 'test', elapsedMs: 10, runStepsPerSecond: 4e7 };

/** A batch pool whose jobs the test answers by hand; aborting rejects as the real one does. */
function fakePool() {
  const jobs: FakeJob[] = [];
  const track = (kind: string, job: { kind: string }, options: { engine?: string; signal?: AbortSignal; onPartial?: FakeJob['partial']; onProgress?: FakeJob['progress'] }) =>
    new Promise<never>((resolve, reject) => {
      options.signal?.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
      jobs.push({
        kind,
        job,
        engine: options.engine,
        partial: (from, to, summaries) => options.onPartial?.(from, to, summaries),
        progress: (progress) => options.onProgress?.(progress),
        finish: (value) => resolve(value as never),
        fail: reject,
      });
    });
  const pool: BatchRunner = {
    runSummaries: (_source, job, options) => track('summaries', job, options),
    runSeeds: (_source, job, options) => track('seeds', job, options),
    gpuInfo: async () => null,
  };
  return { pool, jobs };
}

/** Lets promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(experiment: Experiment = DEFAULT_EXPERIMENT) {
  const store = createAppStore({ experiment });
  const { pool, jobs } = fakePool();
  const frames: (() => void)[] = [];
  const stop = startBatchSync(store, () => pool, { scheduleFrame: (flush) => frames.push(flush), startDelayMs: 0 });
  const flushFrames = () => frames.splice(0).forEach((flush) => flush());
  return { store, jobs, stop, flushFrames };
}

/** Floats per run of the default (2-D) problem's jobs. */
const SUMMARY_STRIDE = summaryStride(2);

/** Summaries of `count` runs that all reached minimum 0 at step 5. */
function summaries(count: number): Float64Array {
  const out = new Float64Array(count * SUMMARY_STRIDE);
  // final and best loss 0, converged at step 5, not diverged, minimum 0, final point (1, 1)
  for (let i = 0; i < count; i++) out.set([0, 0, 5, -1, 0, 1, 1], i * SUMMARY_STRIDE);
  return out;
}

describe('startBatchSync', () => {
  it('runs a basin map: cells stream in once a frame, then the engine that ran it', async () => {
    const { store, jobs, flushFrames } = setup();
    store.getState().updateBatchSettings('basin', { resolution: 64 });
    store.getState().runBatch('basin');
    await settle();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].job).toMatchObject({ kind: 'basin', columns: 64, rows: 64, tolerance: 0.01 });
    expect(jobs[0].engine).toBe('auto');
    const results = store.getState().basin.results!;
    expect(results.filled).toBe(0);
    expect(Number.isNaN(results.summaries[0])).toBe(true);

    jobs[0].partial(0, 100, summaries(100));
    jobs[0].partial(100, 200, summaries(100));
    jobs[0].progress({ done: 200, total: 4096, elapsedMs: 5, etaMs: 97 });
    // nothing reaches the store until the frame
    expect(store.getState().basin.results!.filled).toBe(0);
    flushFrames();
    expect(store.getState().basin.results!.filled).toBe(200);
    expect(store.getState().basin.results!.summaries[199 * SUMMARY_STRIDE + SUMMARY_OFFSET.convergedStep]).toBe(5);
    expect(store.getState().basin.job).toEqual({ status: 'running', progress: { done: 200, total: 4096, elapsedMs: 5, etaMs: 97 } });

    jobs[0].partial(200, 4096, summaries(3896));
    jobs[0].finish(OUTCOME);
    await settle();
    expect(store.getState().basin.job).toEqual({ status: 'done', outcome: OUTCOME });
    expect(store.getState().basin.results!.filled).toBe(4096);
    expect(store.getState().basin.stale).toBe(false);
  });

  it('cancels: the promise rejects, what arrived stays', async () => {
    const { store, jobs, flushFrames } = setup();
    store.getState().runBatch('sweep');
    await settle();
    jobs[0].partial(0, 10, summaries(10));
    store.getState().cancelBatch('sweep');
    await settle();
    flushFrames();
    expect(store.getState().sweep.job).toEqual({ status: 'cancelled' });
    expect(store.getState().sweep.results!.filled).toBe(10);
  });

  it('a newer request replaces the running job; the old one’s answers are dropped', async () => {
    const { store, jobs } = setup();
    store.getState().runBatch('sweep');
    await settle();
    store.getState().updateBatchSettings('sweep', { count: 16 });
    await settle();
    expect(jobs).toHaveLength(2);
    jobs[0].partial(0, 4, summaries(4));
    jobs[0].finish(OUTCOME);
    await settle();
    expect(store.getState().sweep.job.status).toBe('running');
    expect(store.getState().sweep.results!.job.learningRates.count).toBe(16);
    expect(store.getState().sweep.results!.filled).toBe(0);
  });

  it('marks results stale when the run changes and clears them when the problem does', async () => {
    const { store, jobs } = setup();
    store.getState().runBatch('basin');
    await settle();
    jobs[0].finish(OUTCOME);
    await settle();
    store.getState().setHyper(0, 'lr', 0.01);
    expect(store.getState().basin.stale).toBe(true);
    store.getState().setHyper(0, 'lr', 0.001);
    expect(store.getState().basin.stale).toBe(false);
    store.getState().setProblem({ kind: 'surface', surface: 'himmelblau', params: {} });
    expect(store.getState().basin).toMatchObject({ active: true, results: null, job: { status: 'idle' } });
  });

  it('reports a failure with the pool’s message', async () => {
    const { store, jobs } = setup();
    store.getState().runBatch('basin');
    await settle();
    jobs[0].fail(new Error('worker crashed twice'));
    await settle();
    expect(store.getState().basin.job).toEqual({ status: 'failed', message: 'worker crashed twice' });
  });

  it('refuses a basin map of an n-dimensional problem, naming its dimension', async () => {
    const problem = { kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 } as const;
    const { store, jobs } = setup({ ...DEFAULT_EXPERIMENT, problem, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 }, start: new Array<number>(10).fill(0) }] });
    store.getState().runBatch('basin');
    await settle();
    expect(jobs).toHaveLength(0);
    expect(store.getState().basin.job).toEqual({ status: 'failed', message: 'a basin map needs a two-dimensional problem; this one has 10' });
  });

  it('runs many seeds only with gradient noise (or a method drawing from its seed), every visible run over the same seeds', async () => {
    const quiet = setup();
    quiet.store.getState().runBatch('seeds');
    await settle();
    expect(quiet.jobs).toHaveLength(0);
    expect(quiet.store.getState().seeds.job.status).toBe('failed');

    const noisy = setup({ ...DEFAULT_EXPERIMENT, noise: 0.1, seed: 7 });
    noisy.store.getState().updateBatchSettings('seeds', { run: 2, count: 20 });
    noisy.store.getState().runBatch('seeds');
    await settle();
    expect(noisy.jobs[0].job).toEqual({ kind: 'seeds', start: [-1.5, 2], count: 20, seed: 7, run: 2, optimum: 0, targets: TARGET_PRECISIONS });
    const statistics = { numSeeds: 20, numPoints: 301 } as SeedStatistics;
    const outcomes = (final: number) => Array.from({ length: 20 }, () => ({ finalLoss: final, bestLoss: final, evaluations: 301, hitEvaluations: new Float64Array(8).fill(NaN) }));
    noisy.jobs[0].finish({ statistics, outcomes: outcomes(2), outcome: OUTCOME });
    await settle();
    // then the other visible runs, one after another, outcomes only
    expect(noisy.jobs[1].job).toMatchObject({ run: 0, paths: false });
    noisy.jobs[1].finish({ statistics: null, outcomes: outcomes(0), outcome: OUTCOME });
    await settle();
    expect(noisy.jobs[2].job).toMatchObject({ run: 1, paths: false });
    noisy.jobs[2].finish({ statistics: null, outcomes: outcomes(1), outcome: OUTCOME });
    await settle();
    expect(noisy.store.getState().seeds.results).toMatchObject({ statistics, runIndex: 2 });
    expect(noisy.store.getState().seeds.results?.comparison.runs.map(({ runIndex, outcomes }) => [runIndex, outcomes[0].finalLoss])).toEqual([[2, 2], [0, 0], [1, 1]]);
    expect(noisy.store.getState().seeds.job).toMatchObject({ status: 'done', outcome: { engine: OUTCOME.engine } });
  });

  it('starts the analyses a link turned on, with its engine, and stops when closed', async () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    store.getState().loadBatchSettings({ basin: { run: 1, resolution: 64, colorBy: 'steps', opacity: 1 }, sweep: null, seeds: null, engine: 'webgpu' });
    const { pool, jobs } = fakePool();
    startBatchSync(store, () => pool, { scheduleFrame: (flush) => flush(), startDelayMs: 0 });
    expect(jobs).toHaveLength(1);
    expect(jobs[0].engine).toBe('webgpu');
    store.getState().closeBatch('basin');
    await settle();
    expect(store.getState().basin).toMatchObject({ active: false, results: null, job: { status: 'idle' } });
  });
});
