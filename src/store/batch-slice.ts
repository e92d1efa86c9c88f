import type { StateCreator } from 'zustand';
import type { AdapterDescription, BasinJob, BatchOutcome, BatchProgress, SeedStatistics, SweepJob } from '../engine/batch/types';
import type { SeedOutcome } from '../engine/batch/targets';
import { getMethodSpec, validateHyperValues } from '../engine/methods/catalogue';
import {
  DEFAULT_BASIN,
  DEFAULT_SEEDS,
  DEFAULT_SWEEP,
  effectiveSecondAxis,
  sweptParameter,
  type AnalysisSettings,
  type BasinSettings,
  type EnginePreference,
  type SeedsSettings,
  type SweepSecondName,
  type SweepSettings,
} from '../experiment/analysis-settings';
import { resolveRunHyper } from '../experiment/run-experiment';
import type { AnalysisCost } from '../analyses/analysis-cost';
import type { AppState } from './store';

// The batch analyses: for each, its settings (what goes into the share URL), whether it is on, the
// state of its job and its results. Only batch-sync.ts talks to the batch engine: the actions here
// record what the reader asked for (run, cancel, close) and batch-sync answers by starting or
// stopping jobs and writing their progress and results back.

/** The three batch analyses. */
export type BatchFeature = 'basin' | 'sweep' | 'seeds';

/**
 * Where a batch job is: not started, waiting for the reader's click (a link asked for more than
 * ANALYSIS_CONFIRM_MS of work: the estimate is shown), running (with progress), finished, failed or
 * cancelled.
 */
export type BatchJobState =
  | { readonly status: 'idle' }
  | { readonly status: 'awaiting'; readonly cost: AnalysisCost }
  | { readonly status: 'running'; readonly progress: BatchProgress | null }
  | { readonly status: 'done'; readonly outcome: BatchOutcome }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'cancelled' };

/**
 * Summaries of a basin map or a sweep (summaryStride(jobDimension(job)) floats per run in
 * SUMMARY_OFFSET order, NaN until the run's summary arrives). The buffer is filled in place as
 * partial results stream in; `filled` counts the runs received and a new results object marks
 * each fill, so subscribers see the change.
 */
export interface SummaryResults<Job extends BasinJob | SweepJob> {
  readonly job: Job;
  readonly summaries: Float64Array;
  readonly filled: number;
  /** Index of the run the job ran, and the steps each cell ran. */
  readonly runIndex: number;
  readonly numSteps: number;
  /** What the results depend on (see batch-sync's inputsKey): a different key now means they are stale. */
  readonly inputsKey: string;
}

/** A basin map's results. */
export type BasinResults = SummaryResults<BasinJob> & {
  /** The lowest known minimum value f*, for the final-loss colouring (null when none is known). */
  readonly fStar: number | null;
};
/** A sweep's results. */
export type SweepResults = SummaryResults<SweepJob> & { readonly fStar: number | null };
/** Every compared run's seeds, each seed's outcome against the targets f − f* (for the results table and the runtime ECDF). */
export interface SeedComparison {
  /** The targets f − f* each outcome's hitEvaluations follow. */
  readonly targets: readonly number[];
  /** The problem's lowest known f (null: unknown, so no target can be reached). */
  readonly optimum: number | null;
  /** The analysed run first, then every other visible run. */
  readonly runs: readonly { readonly runIndex: number; readonly outcomes: readonly SeedOutcome[] }[];
}

/** Many seeds' quartiles (of the analysed run) and the comparison of every visible run over the same seeds. */
export interface SeedsResults {
  readonly statistics: SeedStatistics;
  readonly runIndex: number;
  readonly inputsKey: string;
  readonly comparison: SeedComparison;
}

/** One analysis: settings, on/off, job and results. */
export interface BatchFeatureState<Settings, Results> {
  readonly settings: Settings;
  /** On: in the URL, computed and drawn. */
  readonly active: boolean;
  readonly job: BatchJobState;
  readonly results: Results | null;
  /** The experiment (or, for a basin map, the view) changed since the results were computed. */
  readonly stale: boolean;
  /** Counts the reader's requests to (re)compute; batch-sync starts a job when it changes. */
  readonly request: number;
  /**
   * Who asked last: the reader (a click or a changed setting) or a link (the page opened from a
   * share URL, history, a restored session). A link's request above ANALYSIS_CONFIRM_MS waits for a click.
   */
  readonly requestedBy: 'reader' | 'link';
  /** Counts requests to cancel; batch-sync aborts the running job when it changes. */
  readonly cancelRequest: number;
}

/** Settings and results of each feature, by name. */
export interface BatchFeatureTypes {
  basin: { settings: BasinSettings; results: BasinResults };
  sweep: { settings: SweepSettings; results: SweepResults };
  seeds: { settings: SeedsSettings; results: SeedsResults };
}

/** The state of feature F. */
export type FeatureStateOf<F extends BatchFeature> = BatchFeatureState<BatchFeatureTypes[F]['settings'], BatchFeatureTypes[F]['results']>;

/** The batch analyses' state and what the reader (and batch-sync) can do with it. */
export interface BatchSlice {
  basin: FeatureStateOf<'basin'>;
  sweep: FeatureStateOf<'sweep'>;
  seeds: FeatureStateOf<'seeds'>;
  /** Which engine runs the jobs (`engine=` in the URL, or `?engine=`). */
  batchEngine: EnginePreference;
  setBatchEngine(engine: EnginePreference): void;
  /** The WebGPU adapter the pool would use: undefined until asked, null when there is none. */
  gpuAdapter: AdapterDescription | null | undefined;
  setGpuAdapter(adapter: AdapterDescription | null): void;
  /** The Analysis panel: open or collapsed, and the tab shown. Not in the URL. */
  analysisOpen: boolean;
  setAnalysisOpen(open: boolean): void;
  analysisTab: BatchFeature;
  setAnalysisTab(tab: BatchFeature): void;
  /**
   * Changes an analysis's settings. While it is on, a change that alters what is computed (run,
   * grid, learning rates, seeds) asks for a new job; colouring, opacity and the plotted loss do not.
   */
  updateBatchSettings<F extends BatchFeature>(feature: F, patch: Partial<BatchFeatureTypes[F]['settings']>): void;
  /** Turns an analysis on and asks for its job (again). */
  runBatch(feature: BatchFeature): void;
  /** Asks batch-sync to stop the running job (what arrived so far stays). */
  cancelBatch(feature: BatchFeature): void;
  /** Turns an analysis off: its job stops, its results and its layer go. */
  closeBatch(feature: BatchFeature): void;
  /** Replaces every analysis's settings with those a URL carries, and asks for each one that is on. */
  loadBatchSettings(settings: AnalysisSettings): void;
  /** Sets run `runIndex`'s learning rate (and beta1 or momentum) to a sweep's cell. */
  applySweepPoint(runIndex: number, learningRate: number, second?: { readonly name: SweepSecondName; readonly value: number }): void;
  /** batch-sync: the job's new state. */
  setBatchJob(feature: BatchFeature, job: BatchJobState): void;
  /** batch-sync: new (or more) results; null clears them. */
  setBatchResults<F extends BatchFeature>(feature: F, results: BatchFeatureTypes[F]['results'] | null): void;
  /** batch-sync: whether the results still match the experiment. */
  setBatchStale(feature: BatchFeature, stale: boolean): void;
}

/** The settings fields whose change needs a new job, per feature. */
const RECOMPUTED_BY: { readonly [F in BatchFeature]: readonly (keyof BatchFeatureTypes[F]['settings'])[] } = {
  basin: ['run', 'resolution'],
  sweep: ['run', 'lrMin', 'lrMax', 'count', 'second'],
  seeds: ['run', 'count'],
};

/** Significant digits a value picked from a sweep keeps: readable in the URL, far finer than the grid. */
const PICKED_DIGITS = 4;

function idle<Settings, Results>(settings: Settings): BatchFeatureState<Settings, Results> {
  return { settings, active: false, job: { status: 'idle' }, results: null, stale: false, request: 0, requestedBy: 'reader', cancelRequest: 0 };
}

/**
 * The analyses' settings as the share URL carries them (null for those that are off): what a link
 * would run, so a run index past the last run is the last run, a second axis the run's optimizer
 * lacks is left out, and many seeds without gradient noise is off (the URL codec would refuse them).
 */
export function batchSettingsOf(state: Pick<AppState, BatchFeature | 'batchEngine' | 'experiment'>): AnalysisSettings {
  const { runs } = state.experiment;
  const lastRun = Math.max(0, runs.length - 1);
  const sweepRun = Math.min(state.sweep.settings.run, lastRun);
  return {
    basin: state.basin.active ? { ...state.basin.settings, run: Math.min(state.basin.settings.run, lastRun) } : null,
    sweep: state.sweep.active
      ? { ...state.sweep.settings, run: sweepRun, second: effectiveSecondAxis(state.sweep.settings, runs[sweepRun]?.optimizer ?? '') }
      : null,
    seeds: state.seeds.active && state.experiment.noise > 0 ? { ...state.seeds.settings, run: Math.min(state.seeds.settings.run, lastRun) } : null,
    engine: state.batchEngine,
  };
}

/** True when what the URL carries of the analyses differs between two states. */
export function batchSettingsChanged(state: Pick<AppState, BatchFeature | 'batchEngine'>, previous: Pick<AppState, BatchFeature | 'batchEngine'>): boolean {
  if (state.batchEngine !== previous.batchEngine) return true;
  return (['basin', 'sweep', 'seeds'] as const).some((feature) => state[feature].settings !== previous[feature].settings || state[feature].active !== previous[feature].active);
}

/** Creates the batch slice: every analysis off, its settings at their defaults. */
export const createBatchSlice: StateCreator<AppState, [], [], BatchSlice> = (set, get) => {
  const patchFeature = <F extends BatchFeature>(feature: F, patch: Partial<FeatureStateOf<F>>) => {
    set({ [feature]: { ...get()[feature], ...patch } } as unknown as Partial<AppState>);
  };
  return {
    basin: idle(DEFAULT_BASIN),
    sweep: idle(DEFAULT_SWEEP),
    seeds: idle(DEFAULT_SEEDS),
    batchEngine: 'auto',
    setBatchEngine: (batchEngine) => set({ batchEngine }),
    gpuAdapter: undefined,
    setGpuAdapter: (gpuAdapter) => set({ gpuAdapter }),
    analysisOpen: false,
    setAnalysisOpen: (analysisOpen) => set({ analysisOpen }),
    analysisTab: 'basin',
    setAnalysisTab: (analysisTab) => set({ analysisTab }),
    updateBatchSettings: (feature, patch) => {
      const current = get()[feature] as BatchFeatureState<object, unknown>;
      const settings = { ...current.settings, ...patch };
      const fields = RECOMPUTED_BY[feature] as readonly string[];
      const recompute = current.active && Object.entries(patch).some(([key, value]) => fields.includes(key) && value !== (current.settings as Record<string, unknown>)[key]);
      patchFeature(feature, { settings, ...(recompute && { request: current.request + 1, requestedBy: 'reader' }) } as Partial<FeatureStateOf<typeof feature>>);
    },
    runBatch: (feature) => {
      const current = get()[feature];
      patchFeature(feature, { active: true, request: current.request + 1, requestedBy: 'reader' });
    },
    cancelBatch: (feature) => patchFeature(feature, { cancelRequest: get()[feature].cancelRequest + 1 }),
    closeBatch: (feature) => patchFeature(feature, { active: false, results: null, stale: false, job: { status: 'idle' } }),
    loadBatchSettings: (settings) => {
      const state = get();
      const load = <F extends BatchFeature>(feature: F, loaded: BatchFeatureTypes[F]['settings'] | null) => {
        const current = state[feature];
        return loaded
          ? { ...current, settings: loaded, active: true, request: current.request + 1, requestedBy: 'link' as const }
          : { ...current, active: false, results: null, stale: false, job: { status: 'idle' } as const };
      };
      const anyOn = settings.basin !== null || settings.sweep !== null || settings.seeds !== null;
      const firstOn = (['basin', 'sweep', 'seeds'] as const).find((feature) => settings[feature] !== null);
      set({
        basin: load('basin', settings.basin),
        sweep: load('sweep', settings.sweep),
        seeds: load('seeds', settings.seeds),
        batchEngine: settings.engine,
        // a link with an analysis opens the panel on it
        ...(anyOn && { analysisOpen: true }),
        ...(firstOn && { analysisTab: firstOn }),
      });
    },
    applySweepPoint: (runIndex, learningRate, second) => {
      const run = get().experiment.runs[runIndex];
      const optimizer = run && getMethodSpec(run.optimizer);
      if (!run || !optimizer) return;
      // the value picked is of the swept parameter: lr, or e.g. sigma for a method without one
      const swept = sweptParameter(run.optimizer)?.name ?? 'lr';
      const hyper: Record<string, unknown> = { ...run.hyper, [swept]: roundPicked(learningRate) };
      if (second?.name === 'momentum') hyper.momentum = roundPicked(second.value);
      if (second?.name === 'beta1') {
        const betas = resolveRunHyper(run).betas;
        if (Array.isArray(betas)) hyper.betas = [roundPicked(second.value), betas[1]];
      }
      // a picked cell must still be a valid run (in range after rounding; SGD's nesterov needs momentum > 0)
      if (validateHyperValues(optimizer, { ...resolveRunHyper(run), ...hyper } as typeof run.hyper) !== null) return;
      get().updateRun(runIndex, { hyper: hyper as typeof run.hyper });
    },
    setBatchJob: (feature, job) => patchFeature(feature, { job }),
    setBatchResults: (feature, results) => patchFeature(feature, { results } as Partial<FeatureStateOf<typeof feature>>),
    setBatchStale: (feature, stale) => {
      if (get()[feature].stale !== stale) patchFeature(feature, { stale });
    },
  };
};

function roundPicked(value: number): number {
  return Number(value.toPrecision(PICKED_DIGITS));
}
