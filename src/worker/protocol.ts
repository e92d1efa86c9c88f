// The wire format between the page and the engine worker: data only, tagged by `type`.
// No class instances cross; typed arrays are transferred, not copied.
import type { Divergence } from '../engine/run';
import type { Domain, KnownMinimum } from '../engine/objective';
import type { Experiment } from '../experiment/experiment';

/** Bumped whenever a message's shape changes; the client refuses a worker that disagrees. */
export const PROTOCOL_VERSION = 1;

/** Page → worker. */
export type EngineRequest =
  /**
   * Run every optimizer run of an experiment from its start for `steps` steps, or only `numSteps`
   * (live recompute while a start point is dragged needs no more than the step shown).
   */
  | { readonly type: 'runExperiment'; readonly requestId: number; readonly experiment: Experiment; readonly numSteps?: number }
  /** f and ∇f of the experiment's problem at one point (the map's hover readout). */
  | { readonly type: 'probe'; readonly requestId: number; readonly problem: Experiment['problem']; readonly point: readonly [number, number] }
  /** Sample the experiment's problem on a grid over `domain`, for the contour map. */
  | {
      readonly type: 'sampleSurface';
      readonly requestId: number;
      readonly problem: Experiment['problem'];
      readonly domain: Domain;
      readonly columns: number;
      readonly rows: number;
    };

/** One run's result as it crosses the wire. */
export interface RunPayload {
  /** Flattened (points × 2), the start first. */
  readonly trajectory: Float64Array;
  readonly loss: Float64Array;
  /** Objective evaluations (f and ∇f together count one) made by the time each point was reached. */
  readonly evaluations: Float64Array;
  /** Wall-clock milliseconds since the run started when each point was reached. */
  readonly elapsedMs: Float64Array;
  readonly diverged: Divergence | null;
}

/** Worker → page. */
export type EngineResponse =
  | { readonly type: 'ready'; readonly protocolVersion: number }
  | { readonly type: 'experimentResult'; readonly requestId: number; readonly runs: readonly RunPayload[]; readonly elapsedMs: number }
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
  | { readonly type: 'probeResult'; readonly requestId: number; readonly value: number; readonly gradient: readonly [number, number] }
  /** A request could not be served; `message` is for the user. */
  | { readonly type: 'failed'; readonly requestId: number; readonly message: string };
