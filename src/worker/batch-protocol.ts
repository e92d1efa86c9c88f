// The wire format between the page's BatchPool and its workers: data only, tagged by `type`.
// TypeScript batch workers (batch.worker.ts) are sent index ranges [from, to) of one job and answer
// each with its summaries; the WebGPU worker (gpu.worker.ts) is sent a whole job and streams
// summaries and progress per chunk, then 'done'. Typed arrays are transferred, not copied.
import type { SeedOutcome } from '../engine/batch/targets';
import type { AdapterDescription, BasinJob, SeedsJob, SeedStatistics, SweepJob } from '../engine/batch/types';
import type { BatchSource } from '../analyses/source';

/** Bumped whenever a message's shape changes; the pool refuses a worker that disagrees. */
export const BATCH_PROTOCOL_VERSION = 3;

export type { BatchSource };

/** Page → worker. */
export type BatchRequest =
  /** Runs [from, to) of a basin map or a sweep, summarised (summaryStride(jobDimension(job)) floats per run). */
  | { readonly type: 'summarize'; readonly requestId: number; readonly source: BatchSource; readonly job: BasinJob | SweepJob; readonly from: number; readonly to: number }
  /** Seeds [from, to) of a many-seeds job, each with its whole path and loss curve. */
  | { readonly type: 'seeds'; readonly requestId: number; readonly source: BatchSource; readonly job: SeedsJob; readonly from: number; readonly to: number }
  /** Quartiles over all seeds' paths (the runs gathered from every worker). */
  | { readonly type: 'seedStatistics'; readonly requestId: number; readonly runs: readonly Omit<SeedRunPayload, 'outcome'>[]; readonly numPoints: number }
  /** WebGPU worker: which adapter it would run on (null when there is none). */
  | { readonly type: 'gpuInfo'; readonly requestId: number }
  /** WebGPU worker, for the benchmark: the same summaries computed op by op with tfjs (the naive way). */
  | { readonly type: 'naiveSummarize'; readonly requestId: number; readonly source: BatchSource; readonly job: BasinJob | SweepJob; readonly from: number; readonly to: number }
  /** WebGPU worker: stop the job after the chunk in flight; it answers 'failed' with cancelled: true. */
  | { readonly type: 'cancel'; readonly requestId: number }
  /**
   * WebGPU worker, fault injection only (the app never sends it; e2e/faults.spec.ts dispatches it
   * inside the worker): destroys the GPU device, as a driver reset would lose it. No answer.
   */
  | { readonly type: 'loseDevice'; readonly requestId: number };

/** One seed's run as it crosses the wire. */
export interface SeedRunPayload {
  /** Coordinates per point: the problem's dimension. */
  readonly dimension: number;
  /** Flattened (points × dimension), the start first (empty when the job asked for outcomes only). */
  readonly trajectory: Float64Array;
  readonly loss: Float64Array;
  /** Step at which it diverged (−1: it did not). */
  readonly divergedStep: number;
  /** Final and best f, evaluations, and the evaluations at which each target f − f* was first reached. */
  readonly outcome: SeedOutcome;
}

/** Worker → page. */
export type BatchResponse =
  | { readonly type: 'ready'; readonly protocolVersion: number }
  | {
      readonly type: 'summaries';
      readonly requestId: number;
      readonly from: number;
      readonly to: number;
      /** (to − from) × summaryStride(jobDimension(job)) floats in SUMMARY_OFFSET order, run `from` first. */
      readonly summaries: Float64Array;
      readonly elapsedMs: number;
    }
  | { readonly type: 'seedRuns'; readonly requestId: number; readonly from: number; readonly to: number; readonly runs: readonly SeedRunPayload[]; readonly elapsedMs: number }
  | { readonly type: 'seedStatistics'; readonly requestId: number; readonly statistics: SeedStatistics }
  | { readonly type: 'gpuInfo'; readonly requestId: number; readonly adapter: AdapterDescription | null; readonly message: string }
  /** WebGPU worker: runs × steps done so far of a job (streams between chunks). */
  | { readonly type: 'progress'; readonly requestId: number; readonly runStepsDone: number; readonly runStepsTotal: number }
  /**
   * WebGPU worker: the job finished; `numTensors`/`numBuffers` are tfjs's counts after it (they stay
   * flat across jobs: nothing leaks).
   */
  | { readonly type: 'done'; readonly requestId: number; readonly elapsedMs: number; readonly numTensors: number; readonly numBuffers: number; readonly adapter: AdapterDescription | null }
  /**
   * A request could not be served; `message` is for the user. deviceLost: the GPU device was lost
   * (the pool reruns the job on the TypeScript path); cancelled: the page asked to stop.
   */
  | { readonly type: 'failed'; readonly requestId: number; readonly message: string; readonly deviceLost?: boolean; readonly cancelled?: boolean };
