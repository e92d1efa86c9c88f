// The wire format between the page and the engine worker: data only, tagged by `type`.
// No class instances cross; typed arrays are transferred, not copied.
import type { RunDiagnosis } from '../engine/diagnosis/diagnose';
import type { RunResult } from '../engine/run';
import type { SliceDirections } from '../engine/landscape/loss-landscape';
import type { Domain, KnownMinimum } from '../engine/objective';
import type { Experiment } from '../experiment/experiment';
import type { StepInspection } from '../engine/inspect-step';

/** Bumped whenever a message's shape changes; the client refuses a worker that disagrees. */
export const PROTOCOL_VERSION = 5;

/** Page → worker. */
export type EngineRequest =
  /**
   * Run the optimizer runs of an experiment from their starts for `steps` steps, or only `numSteps`
   * (live recompute while a start point is dragged needs no more than the step shown): every run,
   * or only those in `runIndices` (the page keeps the others' results: a drag moves one run).
   */
  | {
      readonly type: 'runExperiment';
      readonly requestId: number;
      readonly experiment: Experiment;
      readonly numSteps?: number;
      readonly runIndices?: readonly number[];
    }
  /**
   * f and ∇f of the experiment's problem at one point, one coordinate per dimension (the map's hover
   * readout); with `hessian`, ∇²f too (the theory overlays' local quadratic model).
   */
  | { readonly type: 'probe'; readonly requestId: number; readonly problem: Experiment['problem']; readonly point: readonly number[]; readonly hessian?: boolean }
  /**
   * The step inspector and the map's glyphs: runs `runIndices` of the experiment replayed to
   * trajectory index `step` and inspected there (engine/inspect-step.ts).
   */
  | { readonly type: 'inspect'; readonly requestId: number; readonly experiment: Experiment; readonly step: number; readonly runIndices: readonly number[] }
  /** Sample a two-dimensional problem on a grid over `domain`, for the contour map. */
  | {
      readonly type: 'sampleSurface';
      readonly requestId: number;
      readonly problem: Experiment['problem'];
      readonly domain: Domain;
      readonly columns: number;
      readonly rows: number;
    }
  /**
   * A 2-D slice of an n-D problem's loss through run `runIndex`'s point at `step` (random directions)
   * or its final point (principal components of its path), with every path projected onto it.
   */
  | {
      readonly type: 'sampleSlice';
      readonly requestId: number;
      readonly problem: Experiment['problem'];
      /** Each run's recorded points, flattened; an empty array for a run not drawn. */
      readonly paths: readonly Float64Array[];
      readonly runIndex: number;
      readonly step: number;
      readonly directions: SliceDirections;
      readonly seed: number;
    };

/**
 * One run's result as it crosses the wire: the engine's RunResult (n-dimensional points, f, the
 * evaluation counts and best f at each point, divergence or convergence), timed, and diagnosed.
 */
export interface RunPayload extends RunResult {
  /** Wall-clock milliseconds since the run started when each point was reached. */
  readonly elapsedMs: Float64Array;
  /**
   * Why the run diverged, left the view or oscillates, with checked fixes; null when it is fine.
   * Absent for a live run cut short at the step shown (a drag): the whole run is diagnosed after.
   */
  readonly diagnosis?: RunDiagnosis | null;
}

/**
 * When the worker took a request up and when it posted the answer, in milliseconds since the epoch
 * (performance.timeOrigin + performance.now(): the page and the worker have different time origins).
 * The page splits a request's latency into its phases with them (client/phase-timing.ts).
 */
export interface WorkerTiming {
  readonly receivedAt: number;
  readonly sentAt: number;
}

/** Worker → page. */
export type EngineResponse =
  | { readonly type: 'ready'; readonly protocolVersion: number }
  | {
      readonly type: 'experimentResult';
      readonly requestId: number;
      /** One per run asked for (`runIndices`, else every run), in that order. */
      readonly runs: readonly RunPayload[];
      readonly elapsedMs: number;
      readonly timing: WorkerTiming;
    }
  | {
      readonly type: 'surfaceSample';
      readonly requestId: number;
      readonly domain: Domain;
      readonly columns: number;
      readonly rows: number;
      /** Row-major, row 0 at the top (y = yMax). */
      readonly values: Float64Array;
      readonly minima: readonly KnownMinimum[];
      readonly elapsedMs: number;
    }
  | {
      readonly type: 'sliceSample';
      readonly requestId: number;
      /** Over (α, β); row-major, row 0 at the top (β = βmax). */
      readonly domain: Domain;
      readonly columns: number;
      readonly rows: number;
      readonly values: Float64Array;
      /** Per path asked for, flattened (α, β) pairs. */
      readonly paths: readonly Float64Array[];
      /** Share of the path's variance along α and β (principal components), null for random directions. */
      readonly explainedVarianceRatio: readonly [number, number] | null;
      readonly elapsedMs: number;
    }
  | {
      readonly type: 'probeResult';
      readonly requestId: number;
      readonly value: number;
      readonly gradient: readonly number[];
      /** ∇²f row-major (dimension × dimension) when asked for. */
      readonly hessian?: readonly number[];
    }
  /** One inspection per run asked for, in that order. */
  | { readonly type: 'inspection'; readonly requestId: number; readonly step: number; readonly inspections: readonly StepInspection[] }
  /** A request could not be served; `message` is for the user. */
  | { readonly type: 'failed'; readonly requestId: number; readonly message: string };
