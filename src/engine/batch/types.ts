import type { ClipSpec } from '../clipping';
import type { Domain, KnownMinimum, Objective } from '../objective';
import type { HyperValues, OptimizerDefinition } from '../methods/first-order/optimizer';
import type { ScheduleSpec } from '../schedules';

// Batch work: thousands to millions of runs of one optimizer on one objective, each summarised by
// a few numbers instead of a recorded trajectory (a 512 x 512 basin map of 500-step runs would be
// 2 GB of points). Jobs are split into index ranges [from, to) so a pool of workers (and later a
// fused GPU kernel over N runs x K steps) can share them; every range is computed independently.

/** What every run of a batch shares besides the objective: the optimizer with its settings. */
export interface BatchSettings {
  readonly optimizer: OptimizerDefinition;
  /** Complete hyperparameters (torch defaults filled in); cells may override some. */
  readonly hyper: HyperValues;
  readonly numSteps: number;
  readonly schedule?: ScheduleSpec;
  readonly clip?: ClipSpec;
  readonly noise?: number;
}

/** What every run of a batch shares: the objective and the optimizer with its settings. */
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

/** A learning-rate sweep on a log grid, optionally against a second hyperparameter (a heatmap). */
export interface SweepJob {
  readonly kind: 'sweep';
  /** Where every run starts: one coordinate per dimension of the problem. */
  readonly start: readonly number[];
  readonly learningRates: { readonly min: number; readonly max: number; readonly count: number };
  /** 'beta1' sets betas[0]; 'momentum' sets momentum; linear grid from min to max inclusive. */
  readonly second?: { readonly name: 'beta1' | 'momentum'; readonly min: number; readonly max: number; readonly count: number };
}

/** The same stochastic run (gradient noise) repeated over seeds 0..count-1 (stream i of the experiment seed). */
export interface SeedsJob {
  readonly kind: 'seeds';
  /** Where every seed starts: one coordinate per dimension of the problem. */
  readonly start: readonly number[];
  readonly count: number;
  /** The experiment's seed; run i draws from deriveSeed(seed, i). */
  readonly seed: number;
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
  /** Points per path: steps + 1, the start first. */
  readonly numPoints: number;
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
