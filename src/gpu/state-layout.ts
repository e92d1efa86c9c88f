// Where each run's state lives between chunks: one float32 tensor, STRIDE floats per run, that each
// dispatch reads and writes anew (a program cannot update its input in place). Steps and indices are
// stored as floats: exact up to 2^24.
import { SUMMARY_STRIDE } from '../engine/batch/types';
import type { OptimizerKernel } from '../engine/methods/first-order/kernel';

/** Offsets of the fields every run has, before the optimizer's state. */
export const STATE_FIELDS = {
  pointX: 0,
  pointY: 1,
  /** ∇f at the point (the next update's gradient, before clipping). */
  gradientX: 2,
  gradientY: 3,
  /** f at the point. */
  loss: 4,
  bestLoss: 5,
  /** −1 until the run first comes within the convergence radius of a known minimum. */
  convergedStep: 6,
  /** −1 while the run is finite. */
  divergedStep: 7,
  minimumIndex: 8,
} as const;

const FIXED_FIELDS = 9;

/** Offsets of the optimizer's state within a run's floats, and the run's stride. */
export interface StateLayout {
  readonly stride: number;
  /** Offset of each run state, in kernel.runState order. */
  readonly runState: readonly number[];
  /** Offsets of each coordinate state, [state][coordinate], in kernel.coordinateState order. */
  readonly coordinateState: readonly (readonly number[])[];
}

/** The layout for a kernel on `dimension` coordinates. */
export function stateLayout(kernel: OptimizerKernel, dimension: number): StateLayout {
  let offset = FIXED_FIELDS;
  const runState = kernel.runState.map(() => offset++);
  const coordinateState = kernel.coordinateState.map(() => Array.from({ length: dimension }, () => offset++));
  return { stride: offset, runState, coordinateState };
}

/**
 * The state before the first chunk: each run's start point, steps and the minimum index at −1, the
 * rest zero (the first chunk evaluates f at the start and sets the optimizer's initial values).
 */
export function initialState(layout: StateLayout, starts: Float64Array): Float32Array {
  const numRuns = starts.length / 2;
  const state = new Float32Array(numRuns * layout.stride);
  for (let run = 0; run < numRuns; run++) {
    const base = run * layout.stride;
    state[base + STATE_FIELDS.pointX] = starts[2 * run];
    state[base + STATE_FIELDS.pointY] = starts[2 * run + 1];
    state[base + STATE_FIELDS.convergedStep] = -1;
    state[base + STATE_FIELDS.divergedStep] = -1;
    state[base + STATE_FIELDS.minimumIndex] = -1;
  }
  return state;
}

/** The runs' summaries (SUMMARY_FIELDS order) read out of a state buffer. */
export function summariesFromState(layout: StateLayout, state: ArrayLike<number>, numRuns: number): Float64Array {
  const summaries = new Float64Array(numRuns * SUMMARY_STRIDE);
  for (let run = 0; run < numRuns; run++) {
    const base = run * layout.stride;
    const out = run * SUMMARY_STRIDE;
    summaries[out] = state[base + STATE_FIELDS.pointX];
    summaries[out + 1] = state[base + STATE_FIELDS.pointY];
    summaries[out + 2] = state[base + STATE_FIELDS.loss];
    summaries[out + 3] = state[base + STATE_FIELDS.bestLoss];
    summaries[out + 4] = state[base + STATE_FIELDS.convergedStep];
    summaries[out + 5] = state[base + STATE_FIELDS.divergedStep];
    summaries[out + 6] = state[base + STATE_FIELDS.minimumIndex];
  }
  return summaries;
}
