// Runs a gradient-free basin map through its fused shader, as fused-runner.ts runs a first-order one:
// runs in blocks (summaries stream out as each block completes), each block in chunks of K steps, one
// dispatch per chunk, read back with `await data()`; K adapts so a dispatch takes about 100 ms.
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { BasinJob, SweepJob } from '../engine/batch/types';
import { CancelledError, type FusedRunCallbacks, type FusedRunOptions } from './fused-runner';
import { GradientFreeJob, type GradientFreeTemplate } from './gradient-free-job';
import { GradientFreeProgram, gradientFreeShader } from './gradient-free-program';
import { notePipeline, trimPipelines } from './pipeline-cache';
import { initialState, summariesFromState } from './state-layout';

const DEFAULT_MAX_BLOCK_RUNS = 1 << 16;
const DEFAULT_TARGET_CHUNK_MS = 100;
/** Run-steps of the first chunk of a block, before there is a measured rate. */
const FIRST_CHUNK_RUN_STEPS = 1 << 18;
/** K grows at most this much from one chunk to the next (the first includes compiling the shader). */
const MAX_CHUNK_GROWTH = 4;
/** Most steps per chunk (the step table's length). */
const MAX_CHUNK_STEPS = 1 << 16;

/** Computes runs [from, to) of a gradient-free basin map on the GPU: runBatchRange's summaries, in float32 and with the GPU's random stream. */
export async function runGradientFreeJob(
  backend: WebGPUBackend,
  template: GradientFreeTemplate,
  job: BasinJob | SweepJob,
  from: number,
  to: number,
  callbacks: FusedRunCallbacks,
  options: FusedRunOptions = {},
): Promise<void> {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to)) throw new RangeError(`bad run range [${from}, ${to})`);
  const gradientFree = new GradientFreeJob(template, job);
  const shader = gradientFreeShader(gradientFree);
  const maxBlockRuns = options.maxBlockRuns ?? DEFAULT_MAX_BLOCK_RUNS;
  const targetChunkMs = options.targetChunkMs ?? DEFAULT_TARGET_CHUNK_MS;
  const { numSteps } = template;
  const total = (to - from) * numSteps;
  const largestChunk = Math.min(ceilPowerOfTwo(numSteps), MAX_CHUNK_STEPS);
  const raceLoss = <T>(promise: Promise<T>) => (callbacks.lost === undefined ? promise : Promise.race([promise, callbacks.lost]));
  let chunkSteps = 0;
  for (let blockFrom = from; blockFrom < to; blockFrom += maxBlockRuns) {
    if (callbacks.isCancelled()) throw new CancelledError();
    const blockTo = Math.min(to, blockFrom + maxBlockRuns);
    const numRuns = blockTo - blockFrom;
    if (chunkSteps === 0) chunkSteps = clamp(floorPowerOfTwo(FIRST_CHUNK_RUN_STEPS / numRuns), 1, largestChunk);
    let state = tf.tensor1d(initialState(shader.layout, gradientFree.starts(blockFrom, blockTo)), 'float32');
    try {
      let firstStep = 0;
      // one dispatch even for 0 steps: the first chunk evaluates f at the starts
      for (;;) {
        const started = performance.now();
        const table = tf.tensor1d(gradientFree.stepTable(firstStep, chunkSteps), 'float32');
        const program = new GradientFreeProgram(shader, numRuns);
        const uniforms = [firstStep, chunkSteps, numSteps, numRuns, blockFrom, gradientFree.streamSeed | 0].map((value) => ({ type: 'int32', data: [value] }));
        // a shader or binding the device refuses would otherwise leave the output zeros, silently
        backend.device.pushErrorScope('validation');
        const output = tf.engine().makeTensorFromTensorInfo(backend.runWebGPUProgram(program, [state, table], 'float32', uniforms));
        const refused = backend.device.popErrorScope();
        notePipeline(shader.key, program.shaderKey);
        table.dispose();
        state.dispose();
        state = output as tf.Tensor1D;
        const error = await raceLoss(refused);
        if (error !== null) throw new Error(`the WebGPU device refused the gradient-free kernel: ${error.message}`);
        const values = (await raceLoss(state.data())) as Float32Array;
        const stepsDone = Math.min(numSteps, firstStep + chunkSteps);
        if (stepsDone >= numSteps) {
          callbacks.onSummaries(blockFrom, blockTo, summariesFromState(shader.layout, values, numRuns));
          break;
        }
        const msPerStep = Math.max(performance.now() - started, 0.01) / chunkSteps;
        firstStep = stepsDone;
        callbacks.onProgress((blockFrom - from) * numSteps + numRuns * stepsDone, total);
        if (callbacks.isCancelled()) throw new CancelledError();
        chunkSteps = clamp(floorPowerOfTwo(targetChunkMs / msPerStep), 1, Math.min(largestChunk, chunkSteps * MAX_CHUNK_GROWTH));
      }
    } finally {
      state.dispose();
    }
    callbacks.onProgress((blockTo - from) * numSteps, total);
  }
  trimPipelines(backend);
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
