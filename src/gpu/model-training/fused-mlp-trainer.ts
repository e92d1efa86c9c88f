// Runs fused-mlp-shader.ts through tfjs-backend-webgpu: M small networks, plain SGD, one dispatch per
// chunk of steps (a thread per model), the per-model state in a tensor from chunk to chunk, read
// back with `await data()` once per chunk (never dataSync). The rows of every step are gathered on
// the host once, in the plan's order, so the shader reads them straight through.
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import { CancelledError } from '../fused-runner';
import { notePipeline, trimPipelines } from '../pipeline-cache';
import { FUSED_MLP_UNIFORMS, fusedMlpShader, type FusedMlpShader } from './fused-mlp-shader';
import { type BatchPlan, stepCount } from './mini-batches';
import { parameterCount } from './network';
import type { ModelTrainingRequest, ModelTrainingResult } from './train-models';

/** Threads (models) per workgroup: small, so that even a few hundred models spread over a CPU adapter's cores. */
const WORKGROUP_SIZE = 32;
/** Model-steps per dispatch: about a tenth of a second on SwiftShader for the 2-8-8-1 MLP, less on a GPU. */
const MODEL_STEPS_PER_DISPATCH = 1 << 16;

class FusedMlpProgram implements WebGPUProgram {
  readonly variableNames = ['State', 'Data', 'Rates'];
  readonly outputShape: number[];
  shaderKey: string;
  readonly dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  readonly workgroupSize: [number, number, number] = [WORKGROUP_SIZE, 1, 1];
  readonly uniforms = FUSED_MLP_UNIFORMS;

  constructor(
    private readonly shader: FusedMlpShader,
    models: number,
  ) {
    this.outputShape = [models * shader.stateStride];
    this.shaderKey = shader.key;
    this.dispatch = [Math.ceil(models / WORKGROUP_SIZE), 1, 1];
  }

  getUserCode(): string {
    return this.shader.code;
  }
}

/** Each step's rows, (features…, target) per row, in the plan's order; full batch stores the rows once. */
function orderedRows(request: ModelTrainingRequest, plan: BatchPlan): { data: Float32Array; rowsPerEpoch: number; batchSize: number; dataEpochs: number } {
  const d = request.network.widths[0];
  const order = plan.kind === 'mini' ? plan.order : Uint32Array.from({ length: request.rows }, (_, row) => row);
  const data = new Float32Array(order.length * (d + 1));
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    for (let j = 0; j < d; j++) data[i * (d + 1) + j] = request.features[row * d + j];
    data[i * (d + 1) + d] = request.targets[row];
  }
  if (plan.kind === 'full') return { data, rowsPerEpoch: request.rows, batchSize: request.rows, dataEpochs: 1 };
  return { data, rowsPerEpoch: plan.rowsPerEpoch, batchSize: plan.batchSize, dataEpochs: plan.order.length / plan.rowsPerEpoch };
}

/**
 * Trains the request's M models with plain SGD in the fused shader (the request's optimizer must be
 * SGD without momentum; recordLosses is ignored: only the final loss is kept). Same result type as
 * trainModels, in float32.
 */
export async function trainModelsFused(backend: WebGPUBackend, request: ModelTrainingRequest): Promise<ModelTrainingResult> {
  if (request.optimizer.kind !== 'sgd' || (request.optimizer.momentum ?? 0) !== 0) throw new Error('the fused model shader runs plain SGD only');
  const shader = fusedMlpShader(request.network);
  const size = parameterCount(request.network);
  const models = request.learningRates.length;
  if (request.initialParameters.length !== models * size) throw new RangeError(`initialParameters has ${request.initialParameters.length} numbers; ${models} models of ${size} parameters need ${models * size}`);
  const plan = request.batches;
  const numSteps = stepCount(plan);
  const rows = orderedRows(request, plan);
  const initial = new Float32Array(models * shader.stateStride);
  for (let m = 0; m < models; m++) {
    for (let i = 0; i < size; i++) initial[m * shader.stateStride + i] = request.initialParameters[m * size + i];
  }
  const data = tf.tensor1d(rows.data, 'float32');
  const rates = tf.tensor1d(Float32Array.from(request.learningRates), 'float32');
  let state = tf.tensor1d(initial, 'float32');
  const chunkSteps = Math.max(1, Math.floor(MODEL_STEPS_PER_DISPATCH / models));
  try {
    let values: Float32Array | null = null;
    // at least one dispatch: it writes the final loss even for 0 steps
    for (let firstStep = 0; values === null; firstStep += chunkSteps) {
      if (request.isCancelled?.() === true) throw new CancelledError();
      const finish = firstStep + chunkSteps >= numSteps ? 1 : 0;
      const program = new FusedMlpProgram(shader, models);
      const uniforms = [firstStep, chunkSteps, numSteps, models, rows.rowsPerEpoch, rows.batchSize, rows.dataEpochs, finish].map((value) => ({ type: 'int32', data: [value] }));
      const output = tf.engine().makeTensorFromTensorInfo(backend.runWebGPUProgram(program, [state, data, rates], 'float32', uniforms));
      notePipeline(shader.key, program.shaderKey);
      state.dispose();
      state = output as tf.Tensor1D;
      // one read-back per chunk keeps the queue short and lets a cancel in
      const read = (await state.data()) as Float32Array;
      if (finish === 1) values = read;
    }
    const parameters = new Float32Array(models * size);
    const finalLoss = new Float32Array(models);
    for (let m = 0; m < models; m++) {
      parameters.set(values.subarray(m * shader.stateStride, m * shader.stateStride + size), m * size);
      finalLoss[m] = values[m * shader.stateStride + size];
    }
    return { models, parameterCount: size, parameters, losses: null, finalLoss, numSteps };
  } finally {
    state.dispose();
    data.dispose();
    rates.dispose();
    trimPipelines(backend);
  }
}
