// Runs a basin map or sweep through the fused shader: runs in blocks (summaries stream out as each
// block completes), each block in chunks of K steps, one dispatch per chunk, read back once per
// chunk with `await data()` (never dataSync). K adapts so a dispatch takes about 100 ms, keeping the
// GPU responsive and progress and cancel prompt. State between chunks lives in tensors:
// each dispatch writes a new state tensor and the old one is disposed.
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { BasinJob, SweepJob } from '../engine/batch/types';
import { FusedJob, type GpuTemplate } from './fused-job';
import { FusedProgram, fusedShader, type FusedShader } from './fused-program';
import { notePipeline, trimPipelines } from './pipeline-cache';
import { initialState, summariesFromState } from './state-layout';

/** Where a fused job reports to, and how it is stopped. */
export interface FusedRunCallbacks {
  /** Summaries of runs [from, to) (SUMMARY_STRIDE floats each), as each block completes. */
  onSummaries(from: number, to: number, summaries: Float64Array): void;
  /** Run-steps done so far of the whole range (a diverged run counts as done). */
  onProgress(runStepsDone: number, runStepsTotal: number): void;
  /** Polled after every chunk: true stops the job with a CancelledError. */
  isCancelled(): boolean;
  /** Rejects when the GPU device is lost; every read-back races against it. */
  readonly lost?: Promise<never>;
}

/** Tuning of the chunking. */
export interface FusedRunOptions {
  /** Most runs per block (a block's summaries are sent when it completes). */
  readonly maxBlockRuns?: number;
  /** Wall time aimed at per dispatch. */
  readonly targetChunkMs?: number;
}

/** The job was cancelled between chunks. */
export class CancelledError extends Error {
  readonly cancelled = true;

  constructor() {
    super('the batch job was cancelled');
    this.name = 'CancelledError';
  }
}

const DEFAULT_MAX_BLOCK_RUNS = 1 << 16;
const DEFAULT_TARGET_CHUNK_MS = 100;
/** Run-steps of the first chunk of a block, before there is a measured rate. */
const FIRST_CHUNK_RUN_STEPS = 1 << 19;
/** K grows at most this much from one chunk to the next (the first includes compiling the shader). */
const MAX_CHUNK_GROWTH = 4;
/** Most floats in one chunk's step table (rows × K × width): 16 MiB, for a sweep of many learning rates over many steps. */
const MAX_STEP_TABLE_FLOATS = 1 << 22;

/**
 * Computes runs [from, to) of the job on the GPU: the same summaries as engine/batch's
 * runBatchRange, in float32. Throws CancelledError, DeviceLostError, or an Error for a job the
 * kernel cannot run (gradient noise).
 */
export async function runFusedJob(
  backend: WebGPUBackend,
  template: GpuTemplate,
  job: BasinJob | SweepJob,
  from: number,
  to: number,
  callbacks: FusedRunCallbacks,
  options: FusedRunOptions = {},
): Promise<void> {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to)) throw new RangeError(`bad run range [${from}, ${to})`);
  const fused = new FusedJob(template, job);
  const shader = fusedShader(fused);
  const maxBlockRuns = options.maxBlockRuns ?? DEFAULT_MAX_BLOCK_RUNS;
  const targetChunkMs = options.targetChunkMs ?? DEFAULT_TARGET_CHUNK_MS;
  const numSteps = template.numSteps;
  const total = (to - from) * numSteps;
  const largestChunk = Math.min(ceilPowerOfTwo(numSteps), floorPowerOfTwo(MAX_STEP_TABLE_FLOATS / (fused.learningRates.length * fused.stepPlan.width)));
  let chunkSteps = 0;
  for (let blockFrom = from; blockFrom < to; blockFrom += maxBlockRuns) {
    if (callbacks.isCancelled()) throw new CancelledError();
    const blockTo = Math.min(to, blockFrom + maxBlockRuns);
    const numRuns = blockTo - blockFrom;
    // powers of two keep the step table's buffer sizes few, so tfjs's buffer pool stays small
    if (chunkSteps === 0) chunkSteps = clamp(floorPowerOfTwo(FIRST_CHUNK_RUN_STEPS / numRuns), 1, largestChunk);
    const state = await runBlock(backend, fused, shader, blockFrom, blockTo, chunkSteps, (stepsDone, measuredMsPerStep) => {
      callbacks.onProgress((blockFrom - from) * numSteps + numRuns * stepsDone, total);
      if (callbacks.isCancelled()) throw new CancelledError();
      chunkSteps = clamp(floorPowerOfTwo(targetChunkMs / measuredMsPerStep), 1, Math.min(largestChunk, chunkSteps * MAX_CHUNK_GROWTH));
      return chunkSteps;
    }, callbacks.lost);
    callbacks.onSummaries(blockFrom, blockTo, summariesFromState(shader.layout, state, numRuns));
    callbacks.onProgress((blockTo - from) * numSteps, total);
  }
  trimPipelines(backend);
}

/**
 * Steps runs [blockFrom, blockTo) through every step, one dispatch per chunk; after each read-back
 * `afterChunk(stepsDone, msPerStep)` returns the next chunk's K (or throws to stop). Returns the
 * final state.
 */
async function runBlock(
  backend: WebGPUBackend,
  fused: FusedJob,
  shader: FusedShader,
  blockFrom: number,
  blockTo: number,
  firstChunkSteps: number,
  afterChunk: (stepsDone: number, msPerStep: number) => number,
  lost: Promise<never> | undefined,
): Promise<Float32Array> {
  const numRuns = blockTo - blockFrom;
  const numSteps = fused.template.numSteps;
  const perRunValues = fused.perRunValues(blockFrom, blockTo);
  const perRun = perRunValues === null ? null : tf.tensor1d(perRunValues, 'float32');
  let state = tf.tensor1d(initialState(shader.layout, fused.starts(blockFrom, blockTo)), 'float32');
  let chunkSteps = firstChunkSteps;
  const stepTable = fused.stepTableWriter();
  try {
    let firstStep = 0;
    // one dispatch even for 0 steps: the first chunk evaluates f at the starts
    for (;;) {
      const started = performance.now();
      const table = tf.tensor1d(stepTable.table(firstStep, chunkSteps), 'float32');
      const inputs = perRun === null ? [state, table] : [state, table, perRun];
      const program = new FusedProgram(shader, numRuns);
      const uniforms = [firstStep, chunkSteps, numSteps, numRuns].map((value) => ({ type: 'int32', data: [value] }));
      const output = tf.engine().makeTensorFromTensorInfo(backend.runWebGPUProgram(program, inputs, 'float32', uniforms));
      notePipeline(shader.key, program.shaderKey);
      table.dispose();
      state.dispose();
      state = output as tf.Tensor1D;
      const values = (await raceLoss(state.data(), lost)) as Float32Array;
      const stepsDone = Math.min(numSteps, firstStep + chunkSteps);
      if (stepsDone >= numSteps) return values;
      const elapsedMs = performance.now() - started;
      firstStep = stepsDone;
      chunkSteps = afterChunk(stepsDone, Math.max(elapsedMs, 0.01) / chunkSteps);
    }
  } finally {
    state.dispose();
    perRun?.dispose();
  }
}

/** `promise`, unless the device is lost first. */
function raceLoss<T>(promise: Promise<T>, lost: Promise<never> | undefined): Promise<T> {
  return lost === undefined ? promise : Promise.race([promise, lost]);
}

function floorPowerOfTwo(value: number): number {
  return value < 1 ? 1 : 2 ** Math.floor(Math.log2(value));
}

function ceilPowerOfTwo(value: number): number {
  return value <= 1 ? 1 : 2 ** Math.ceil(Math.log2(value));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
