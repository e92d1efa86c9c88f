// Where each run's state lives between chunks: one float32 tensor, `stride` floats per run, that
// each dispatch reads and writes anew (a program cannot update its input in place). Steps and
// indices are stored as floats: exact up to 2^24. A run's floats are its point's coordinates, ∇f's
// components there, the scalars (f, best f, convergence and divergence steps, the minimum reached),
// then the optimizer's state.
import { SUMMARY_OFFSET, summaryStride } from '../engine/batch/types';
import type { OptimizerKernel } from '../engine/methods/first-order/kernel';

/** The scalars every run has after its point and gradient, in this order. */
export const STATE_SCALARS = [
  // f at the point, and the lowest f recorded
  'loss',
  'bestLoss',
  // −1 until the run first comes within the convergence radius of a known minimum
  'convergedStep',
  // −1 while the run is finite
  'divergedStep',
  'minimumIndex',
] as const;

/** One of the scalars of a run's state. */
export type StateScalar = (typeof STATE_SCALARS)[number];

/** Offsets of a run's fields within its floats, and the run's stride. */
export interface StateLayout {
  /** Coordinates per run. */
  readonly dimension: number;
  readonly stride: number;
  /** Offset of each coordinate of the point. */
  readonly point: readonly number[];
  /** Offset of each component of ∇f at the point (the next update's gradient, before clipping). */
  readonly gradient: readonly number[];
  /** Offset of each scalar. */
  readonly scalars: Readonly<Record<StateScalar, number>>;
  /** Offset of each run state, in kernel.runState order. */
  readonly runState: readonly number[];
  /** Offsets of each coordinate state, [state][coordinate], in kernel.coordinateState order. */
  readonly coordinateState: readonly (readonly number[])[];
}

/** The layout for a kernel on `dimension` coordinates. */
export function stateLayout(kernel: OptimizerKernel, dimension: number): StateLayout {
  let offset = 0;
  const point = Array.from({ length: dimension }, () => offset++);
  const gradient = Array.from({ length: dimension }, () => offset++);
  const scalars = Object.fromEntries(STATE_SCALARS.map((name) => [name, offset++])) as Record<StateScalar, number>;
  const runState = kernel.runState.map(() => offset++);
  const coordinateState = kernel.coordinateState.map(() => Array.from({ length: dimension }, () => offset++));
  return { dimension, stride: offset, point, gradient, scalars, runState, coordinateState };
}

/**
 * The state before the first chunk: each run's start point (`dimension` coordinates per run in
 * `starts`), steps and the minimum index at −1, the rest zero (the first chunk evaluates f at the
 * start and sets the optimizer's initial values).
 */
export function initialState(layout: StateLayout, starts: Float64Array): Float32Array {
  const numRuns = starts.length / layout.dimension;
  const state = new Float32Array(numRuns * layout.stride);
  for (let run = 0; run < numRuns; run++) {
    const base = run * layout.stride;
    layout.point.forEach((offset, i) => (state[base + offset] = starts[layout.dimension * run + i]));
    state[base + layout.scalars.convergedStep] = -1;
    state[base + layout.scalars.divergedStep] = -1;
    state[base + layout.scalars.minimumIndex] = -1;
  }
  return state;
}

/** The runs' summaries (SUMMARY_OFFSET order, summaryStride(dimension) floats each) read out of a state buffer. */
export function summariesFromState(layout: StateLayout, state: ArrayLike<number>, numRuns: number): Float64Array {
  const stride = summaryStride(layout.dimension);
  const summaries = new Float64Array(numRuns * stride);
  for (let run = 0; run < numRuns; run++) {
    const base = run * layout.stride;
    const out = run * stride;
    summaries[out + SUMMARY_OFFSET.finalLoss] = state[base + layout.scalars.loss];
    summaries[out + SUMMARY_OFFSET.bestLoss] = state[base + layout.scalars.bestLoss];
    summaries[out + SUMMARY_OFFSET.convergedStep] = state[base + layout.scalars.convergedStep];
    summaries[out + SUMMARY_OFFSET.divergedStep] = state[base + layout.scalars.divergedStep];
    summaries[out + SUMMARY_OFFSET.minimumIndex] = state[base + layout.scalars.minimumIndex];
    layout.point.forEach((offset, i) => (summaries[out + SUMMARY_OFFSET.finalPoint + i] = state[base + offset]));
  }
  return summaries;
}
