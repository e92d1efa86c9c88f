// Starts and stops the batch analyses' jobs (basin map, sweep, many seeds) as the store asks, and
// writes their progress and results back: the one place that calls the batch pool. Partial results
// are copied into the results' buffer as they arrive and reach the store at most once a frame, so a
// 512 x 512 map streaming in thousands of pieces never floods React or the views. A changed
// problem clears an analysis's results; any other change of what they depend on marks them stale.
import { batchSize, jobDimension, summaryStride, type AdapterDescription, type BasinJob, type BatchOutcome, type BatchProgress, type SeedsJob, type SeedStatistics, type SweepJob } from '../engine/batch/types';
import type { SeedOutcome } from '../engine/batch/targets';
import { lowestMinimumValue } from '../engine/known-minima';
import { resolveProblem } from '../experiment/run-experiment';
import { analysedRun } from '../analyses/analysis-inputs';
import { estimateAnalysisCost, needsConfirmation, type AnalysisCost } from '../analyses/analysis-cost';
import { basinJobFor } from '../analyses/basin';
import { inputsKey } from '../analyses/inputs-key';
import { comparedRuns, runIsStochastic, seedsJobFor } from '../analyses/seeds';
import { sweepJobFor } from '../analyses/sweep';
import { isAbort } from '../client/abort';
import { defaultWorkerCount, type BatchSource, type EnginePreference } from '../client/batch-pool';
import type { BatchFeature, BatchJobState, BasinResults, SeedComparison, SeedsResults, SweepResults } from '../store/batch-slice';
import type { AppState, AppStore } from '../store/store';

/** What batch-sync needs of the batch engine: client/batch-pool.ts's BatchPool (tests pass a fake). */
export interface BatchRunner {
  runSummaries(
    source: BatchSource,
    job: BasinJob | SweepJob,
    options: {
      readonly engine: EnginePreference;
      readonly signal?: AbortSignal;
      onPartial?(from: number, to: number, summaries: Float64Array): void;
      onProgress?(progress: BatchProgress): void;
    },
  ): Promise<BatchOutcome>;
  runSeeds(
    source: BatchSource,
    job: SeedsJob,
    options: { readonly signal?: AbortSignal; onProgress?(progress: BatchProgress): void },
  ): Promise<{ statistics: SeedStatistics | null; outcomes: SeedOutcome[]; outcome: BatchOutcome }>;
  gpuInfo(): Promise<AdapterDescription | null>;
}

/** How batch-sync paces itself (tests make both immediate). */
export interface BatchSyncOptions {
  /** Runs `flush` once before the next frame is drawn (requestAnimationFrame in the page). */
  scheduleFrame?(flush: () => void): void;
  /** Milliseconds a request waits before its job starts: typing "256" into a field asks three times. */
  startDelayMs?: number;
  /** TypeScript workers the pool will have, for the estimate a link's costly analysis waits on (default: the pool's own count). */
  workers?: number;
}

const FEATURES: readonly BatchFeature[] = ['basin', 'sweep', 'seeds'];
const DEFAULT_START_DELAY_MS = 150;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The job of one analysis in flight: its own abort controller and what waits for the next frame. */
interface Running {
  readonly controller: AbortController;
  pendingProgress: BatchProgress | null;
  pendingFill: boolean;
  frameScheduled: boolean;
}

/**
 * Runs the store's batch analyses on the pool `getPool` returns (created on first use, so a page
 * that never opens the Analysis panel starts no batch workers). Returns a stop function.
 */
export function startBatchSync(store: AppStore, getPool: () => BatchRunner, options: BatchSyncOptions = {}): () => void {
  const scheduleFrame =
    options.scheduleFrame ?? ((flush: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => flush()) : setTimeout(flush, 16)));
  const startDelayMs = options.startDelayMs ?? DEFAULT_START_DELAY_MS;
  const workers = options.workers ?? defaultWorkerCount(); // the pool's, known without starting it
  const running = new Map<BatchFeature, Running>();
  const startTimers = new Map<BatchFeature, ReturnType<typeof setTimeout>>();
  let askedForAdapter = false;

  const setJob = (feature: BatchFeature, job: BatchJobState) => store.getState().setBatchJob(feature, job);

  const stop = (feature: BatchFeature) => {
    clearTimeout(startTimers.get(feature));
    startTimers.delete(feature);
    running.get(feature)?.controller.abort();
    running.delete(feature);
  };

  /** Pushes what arrived since the last frame (a fill of the buffer, the progress) into the store. */
  const flushSoon = (feature: BatchFeature, job: Running, publish: () => void) => {
    if (job.frameScheduled) return;
    job.frameScheduled = true;
    scheduleFrame(() => {
      job.frameScheduled = false;
      if (running.get(feature) !== job) return;
      publish();
    });
  };

  const startSummaries = (feature: 'basin' | 'sweep', job: Running) => {
    const state = store.getState();
    const runIndex = analysedRun(state, state[feature].settings.run);
    const batchJob: BasinJob | SweepJob = feature === 'basin' ? basinJobFor(state) : sweepJobFor(state);
    const total = batchSize(batchJob);
    const stride = summaryStride(jobDimension(batchJob));
    const summaries = new Float64Array(total * stride).fill(NaN);
    let filled = 0;
    const base = { summaries, runIndex, numSteps: state.experiment.steps, inputsKey: inputsKey(feature, state), fStar: lowestMinimumValue(resolveProblem(state.experiment.problem).minima) };
    const results = () => ({ ...base, job: batchJob, filled }) as BasinResults & SweepResults;
    const publish = () => {
      const current = store.getState();
      if (job.pendingFill) current.setBatchResults(feature, results());
      if (job.pendingProgress) current.setBatchJob(feature, { status: 'running', progress: job.pendingProgress });
      job.pendingFill = false;
      job.pendingProgress = null;
    };
    state.setBatchResults(feature, results());
    state.setBatchStale(feature, false);
    setJob(feature, { status: 'running', progress: { done: 0, total, elapsedMs: 0, etaMs: null } });
    const source: BatchSource = { experiment: state.experiment, runIndex };
    getPool()
      .runSummaries(source, batchJob, {
        engine: state.batchEngine,
        signal: job.controller.signal,
        onPartial: (from, to, part) => {
          if (running.get(feature) !== job) return;
          summaries.set(part.subarray(0, (to - from) * stride), from * stride);
          filled += to - from;
          job.pendingFill = true;
          flushSoon(feature, job, publish);
        },
        onProgress: (progress) => {
          if (running.get(feature) !== job) return;
          job.pendingProgress = progress;
          flushSoon(feature, job, publish);
        },
      })
      .then((outcome) => {
        if (running.get(feature) !== job) return;
        running.delete(feature);
        const current = store.getState();
        current.setBatchResults(feature, results());
        current.setBatchJob(feature, { status: 'done', outcome });
        current.setBatchStale(feature, inputsKey(feature, current) !== base.inputsKey);
      })
      .catch((error: unknown) => finish(feature, job, error, () => (filled > 0 ? store.getState().setBatchResults(feature, results()) : undefined)));
  };

  const startSeeds = (job: Running) => {
    const state = store.getState();
    const runIndex = analysedRun(state, state.seeds.settings.run);
    // every visible run over the same seeds: the analysed one drawn, all compared (table, ECDF)
    const runIndices = comparedRuns(state);
    if (!runIndices.some((index) => runIsStochastic(state.experiment, index))) {
      running.delete('seeds');
      setJob('seeds', { status: 'failed', message: 'Many seeds needs gradient noise σ > 0 or a method that draws from its seed: otherwise every seed takes the same path.' });
      return;
    }
    const jobs = runIndices.map((index) => seedsJobFor(state, index));
    const key = inputsKey('seeds', state);
    const total = jobs.reduce((sum, seedsJob) => sum + seedsJob.count, 0);
    setJob('seeds', { status: 'running', progress: { done: 0, total, elapsedMs: 0, etaMs: null } });
    const started = performance.now();
    const run = async () => {
      let statistics: SeedStatistics | null = null;
      let outcome: BatchOutcome | null = null;
      let finished = 0;
      const comparison: SeedComparison['runs'][number][] = [];
      for (const [position, seedsJob] of jobs.entries()) {
        const result = await getPool().runSeeds({ experiment: state.experiment, runIndex: runIndices[position] }, seedsJob, {
          signal: job.controller.signal,
          onProgress: (progress) => {
            if (running.get('seeds') !== job) return;
            const done = finished + progress.done;
            const elapsedMs = performance.now() - started;
            job.pendingProgress = { done, total, elapsedMs, etaMs: done > 0 ? (elapsedMs * (total - done)) / done : null };
            flushSoon('seeds', job, () => {
              if (job.pendingProgress) store.getState().setBatchJob('seeds', { status: 'running', progress: job.pendingProgress });
              job.pendingProgress = null;
            });
          },
        });
        finished += seedsJob.count;
        if (position === 0) statistics = result.statistics;
        comparison.push({ runIndex: runIndices[position], outcomes: result.outcomes });
        const elapsedMs = performance.now() - started;
        outcome = { ...result.outcome, elapsedMs, runStepsPerSecond: (finished * state.experiment.steps) / (elapsedMs / 1000) };
      }
      return { statistics: statistics!, outcome: outcome!, comparison: { targets: jobs[0].targets ?? [], optimum: jobs[0].optimum ?? null, runs: comparison } };
    };
    run()
      .then(({ statistics, outcome, comparison }) => {
        if (running.get('seeds') !== job) return;
        running.delete('seeds');
        const current = store.getState();
        const results: SeedsResults = { statistics, runIndex, inputsKey: key, comparison };
        current.setBatchResults('seeds', results);
        current.setBatchJob('seeds', { status: 'done', outcome });
        current.setBatchStale('seeds', inputsKey('seeds', current) !== key);
      })
      .catch((error: unknown) => finish('seeds', job, error));
  };

  /** A job that did not finish: cancelled by the reader, replaced by a newer one, or failed. */
  const finish = (feature: BatchFeature, job: Running, error: unknown, keepPartial?: () => void) => {
    if (running.get(feature) !== job) return; // replaced or closed: the newer state stands
    running.delete(feature);
    keepPartial?.();
    setJob(feature, isAbort(error) ? { status: 'cancelled' } : { status: 'failed', message: message(error) });
  };

  /** The estimate of a link's analysis when it is too costly to start unasked (null: start it). */
  const costToConfirm = (feature: BatchFeature): AnalysisCost | null => {
    const state = store.getState();
    if (state[feature].requestedBy !== 'link') return null;
    try {
      const cost = estimateAnalysisCost(feature, state, workers);
      return needsConfirmation(cost) ? cost : null;
    } catch {
      return null; // no estimate (a problem that cannot be resolved): the job itself says why
    }
  };

  const start = (feature: BatchFeature) => {
    stop(feature);
    if (!store.getState()[feature].active) return;
    // a link cannot spend minutes of this machine unasked: the panel states the estimate and waits
    const cost = costToConfirm(feature);
    if (cost) {
      setJob(feature, { status: 'awaiting', cost });
      return;
    }
    const job: Running = { controller: new AbortController(), pendingProgress: null, pendingFill: false, frameScheduled: false };
    running.set(feature, job);
    try {
      if (feature === 'seeds') startSeeds(job);
      else startSummaries(feature, job);
    } catch (error) {
      finish(feature, job, error);
    }
  };

  const startSoon = (feature: BatchFeature) => {
    clearTimeout(startTimers.get(feature));
    startTimers.set(
      feature,
      setTimeout(() => {
        startTimers.delete(feature);
        start(feature);
      }, startDelayMs),
    );
  };

  const askForAdapter = () => {
    if (askedForAdapter) return;
    askedForAdapter = true;
    getPool()
      .gpuInfo()
      .then((adapter) => store.getState().setGpuAdapter(adapter))
      .catch(() => store.getState().setGpuAdapter(null));
  };

  const refreshStale = (state: AppState) => {
    for (const feature of FEATURES) {
      const results = state[feature].results;
      if (results) state.setBatchStale(feature, inputsKey(feature, state) !== results.inputsKey);
    }
  };

  // a page opened from a link with analyses in it runs them at once
  for (const feature of FEATURES) if (store.getState()[feature].active) start(feature);
  if (store.getState().analysisOpen) askForAdapter();

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.analysisOpen && !previous.analysisOpen) askForAdapter();
    const problemChanged = state.experiment.problem !== previous.experiment.problem;
    for (const feature of FEATURES) {
      const now = state[feature];
      const before = previous[feature];
      if (!now.active && before.active) stop(feature);
      else if (now.request !== before.request) startSoon(feature);
      else if (now.cancelRequest !== before.cancelRequest) running.get(feature)?.controller.abort();
      else if (problemChanged && now.active && (now.results || running.has(feature))) {
        // another surface: the old numbers describe nothing on the map
        stop(feature);
        state.setBatchResults(feature, null);
        state.setBatchJob(feature, { status: 'idle' });
      }
    }
    if (state.experiment !== previous.experiment || state.viewDomain !== previous.viewDomain) {
      refreshStale(store.getState());
      // a waiting analysis states what it would cost now (fewer steps may make it cheap: still the reader's click)
      for (const feature of FEATURES) {
        if (store.getState()[feature].job.status !== 'awaiting') continue;
        try {
          setJob(feature, { status: 'awaiting', cost: estimateAnalysisCost(feature, store.getState(), workers) });
        } catch {
          // keep the last estimate
        }
      }
    }
  });

  return () => {
    unsubscribe();
    for (const feature of FEATURES) stop(feature);
  };
}
