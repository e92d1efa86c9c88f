import type { ClipSpec } from '../clipping';
import type { Domain, KnownMinimum, Objective } from '../objective';
import type { OptimizerDefinition } from '../methods/first-order/optimizer';
import type { HyperValues } from '../methods/hyperparameters';
import type { MethodDefinition } from '../methods/method';
import type { ScheduleSpec } from '../schedules';

// Batch work: thousands to millions of runs of one method on one objective, each summarised by
// a few numbers instead of a recorded trajectory (a 512 x 512 basin map of 500-step runs would be
// 2 GB of points). Jobs are split into index ranges [from, to) so a pool of workers (and later a
// fused GPU kernel over N runs x K steps) can share them; every range is computed independently.

/** What every run of a batch shares besides the objective: the method with its settings. */
export interface BatchSettings {
  /** Any method of the registry: first-order, second-order, quasi-Newton, gradient-free, zeroth-order. */
  readonly method: MethodDefinition;
  /** The torch-style optimizer behind a first-order method (its kernel is what the GPU path runs); absent for every other method. */
  readonly optimizer?: OptimizerDefinition;
  /** Complete hyperparameters (defaults filled in); cells may override some. */
  readonly hyper: HyperValues;
  readonly numSteps: number;
  readonly schedule?: ScheduleSpec;
  readonly clip?: ClipSpec;
  readonly noise?: number;
  /** The problem's plotting domain, for methods that sample a region (random search), as interactive runs get it. */
  readonly domain?: Domain;
}

/** What every run of a batch shares: the objective and the method with its settings. */
export interface BatchTemplate extends BatchSettings {
  readonly objective: Objective;
}

/** A basin-of-attraction map: one run from every cell centre of a grid over a domain. */
export interface BasinJob {
  readonly kind: 'basin';
  readonly domain: Domain;
  readonly columns: number;
  readonly rows: number;
  /** Known minima the cells are classified by (empty: classify by final loss only). */
  readonly minima: readonly KnownMinimum[];
  /** A run has converged at the first step where ‖x − x_min‖ ≤ tolerance · (domain width) for some known minimum. */
  readonly tolerance: number;
}

/**
 * A sweep of one number hyperparameter on a log grid (the learning rate `lr` for methods with one,
 * else the method's first continuous number hyperparameter, e.g. CMA-ES's `sigma`), optionally
 * against a second hyperparameter (a heatmap).
 */
export interface SweepJob {
  readonly kind: 'sweep';
  /** Where every run starts: one coordinate per dimension of the problem. */
  readonly start: readonly number[];
  /** The swept hyperparameter's name (absent: `lr`). */
  readonly parameter?: string;
  /** The swept values (named for the learning rate, the usual case): log grid from min to max inclusive. */
  readonly learningRates: { readonly min: number; readonly max: number; readonly count: number };
  /** 'beta1' sets betas[0]; 'momentum' sets momentum; linear grid from min to max inclusive. */
  readonly second?: { readonly name: 'beta1' | 'momentum'; readonly min: number; readonly max: number; readonly count: number };
}

/**
 * The same stochastic run (gradient noise, or a method's own draws) repeated over seeds: seed i is
 * run `run` of the experiment with seed (seed + i) mod 2³², so seed 0 is the run as shown and any
 * seed can be opened as a link.
 */
export interface SeedsJob {
  readonly kind: 'seeds';
  /** Where every seed starts: one coordinate per dimension of the problem. */
  readonly start: readonly number[];
  readonly count: number;
  /** The experiment's seed; seed i runs with deriveSeed(seed + i, run), as run `run` does in the app. */
  readonly seed: number;
  /** The run's index in the experiment (default 0). */
  readonly run?: number;
  /** The lowest known f (f*) the targets f − f* are measured from; null: none is known, no target is reached. */
  readonly optimum?: number | null;
  /** Targets f − f* for which each seed reports the evaluations it took (default TARGET_PRECISIONS). */
  readonly targets?: readonly number[];
  /** false: report each seed's outcome only, without its path and loss curve (runs compared, not drawn). Default true. */
  readonly paths?: boolean;
}

/** Any batch job. */
export type BatchJob = BasinJob | SweepJob | SeedsJob;

/** The scalars kept per run of a basin map or a sweep, in this order; the final point's coordinates follow them. */
export const SUMMARY_SCALARS = ['finalLoss', 'bestLoss', 'convergedStep', 'divergedStep', 'minimumIndex'] as const;
/**
 * Offset of each field within one run's summary: the scalars, then `finalPoint`, where the last
 * finite point's coordinates begin (as many as the problem has dimensions).
 */
export const SUMMARY_OFFSET = { finalLoss: 0, bestLoss: 1, convergedStep: 2, divergedStep: 3, minimumIndex: 4, finalPoint: SUMMARY_SCALARS.length } as const satisfies Record<
  (typeof SUMMARY_SCALARS)[number] | 'finalPoint',
  number
>;

/** Floats per run in a summary buffer of runs on `dimension` coordinates. */
export function summaryStride(dimension: number): number {
  return SUMMARY_OFFSET.finalPoint + dimension;
}

/** A basin map is a grid over a plane: its runs have two coordinates. */
export const BASIN_DIMENSION = 2;

/** Coordinates of a job's runs: two for a basin map, as many as its start has for a sweep or many seeds. */
export function jobDimension(job: Pick<BasinJob, 'kind'> | Pick<SweepJob | SeedsJob, 'kind' | 'start'>): number {
  return job.kind === 'basin' ? BASIN_DIMENSION : job.start.length;
}

/** Total runs a job asks for (basin: columns·rows; sweep: lrs·second; seeds: count). */
export function batchSize(job: BatchJob): number {
  switch (job.kind) {
    case 'basin':
      return job.columns * job.rows;
    case 'sweep':
      return job.learningRates.count * (job.second?.count ?? 1);
    case 'seeds':
      return job.count;
  }
}

/** Which engine ran (or should run) a batch job. */
export type BatchEngine = 'js' | 'webgpu';

/** The WebGPU adapter a job ran on, as GPUAdapterInfo reports it. */
export interface AdapterDescription {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** A software adapter (SwiftShader): not a GPU, however it names itself. */
  readonly isFallbackAdapter: boolean;
}

/** How far a batch job has come. */
export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** Estimated milliseconds left (null until there is a rate to go by). */
  readonly etaMs: number | null;
}

/** What ran a finished batch job, and how fast. */
export interface BatchOutcome {
  readonly engine: BatchEngine;
  /** Workers of the TypeScript pool (1 for WebGPU). */
  readonly workers: number;
  /** The adapter of a WebGPU job (null for TypeScript). */
  readonly adapter: AdapterDescription | null;
  /** Why this engine: "forced by ?engine=js", "SwiftShader is not a GPU", "measured faster"… */
  readonly reason: string;
  readonly elapsedMs: number;
  /** Runs × steps per second. */
  readonly runStepsPerSecond: number;
  /** Set when the job was restarted on the TypeScript path (device lost, worker crash). */
  readonly notice?: string;
  /** WebGPU jobs: tfjs's tensor and buffer counts after the job (flat across jobs: nothing leaks). */
  readonly gpuMemory?: { readonly numTensors: number; readonly numBuffers: number };
}

/** Per-step quantiles over the seeds of a many-seeds job (a diverged seed keeps its last finite point). */
export interface SeedStatistics {
  readonly numSeeds: number;
  /** Points kept per path, the start first: steps + 1, or fewer evenly spaced steps for long runs (see `steps`). */
  readonly numPoints: number;
  /** The step of each kept point, ascending (absent: point i is step i). */
  readonly steps?: Float64Array;
  /** 25th, 50th, 75th percentiles of each coordinate of the point (one entry per dimension) and of f, each numPoints long. */
  readonly coordinates: readonly Quartiles[];
  readonly loss: Quartiles;
  /** Seeds that diverged before the last step. */
  readonly numDiverged: number;
}

/** Lower quartile, median and upper quartile series. */
export interface Quartiles {
  readonly lower: Float64Array;
  readonly median: Float64Array;
  readonly upper: Float64Array;
}
