import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { modelOptimizer } from '../../analyses/model-sweep';
import { resolveSource } from '../../analyses/source';
import type { BatchSource } from '../../analyses/source';
import { SUMMARY_OFFSET, summaryStride, type SweepJob } from '../../engine/batch/types';
import { sweepCellHyper } from '../../engine/batch/cells';
import { numberHyper } from '../../engine/methods/first-order/hyper';
import { resolveData } from '../../engine/problems';
import type { FusedRunCallbacks } from '../fused-runner';
import { fusedShaderFits } from './fused-mlp-shader';
import { trainModelsFused } from './fused-mlp-trainer';
import { fullBatch } from './mini-batches';
import { networkOf } from './network';
import { trainModels } from './train-models';

// A learning-rate sweep of a data problem on WebGPU: every rate's model trained at once as one
// program (gpu/model-training), summarised as the TypeScript pool summarises a sweep's runs, so the
// sweep view cannot tell the engines apart except by the float32 rounding. Only what
// analyses/model-sweep.ts accepts comes here: SGD or Adam at full batch.

/** Runs sweep cells [from, to) of a data problem with the fused shader (plain SGD, small networks) or the tfjs program. */
export async function runModelSweepJob(backend: WebGPUBackend, source: BatchSource, job: SweepJob, from: number, to: number, callbacks: FusedRunCallbacks): Promise<void> {
  const { problem, settings } = resolveSource(source);
  if (problem.kind !== 'data') throw new Error('a model sweep needs a data problem');
  const data = resolveData(problem);
  const model = data.createModel();
  const network = networkOf(model);
  const size = model.parameterCount;
  const models = to - from;
  const optimizer = modelOptimizer(settings.method.id, settings.hyper);
  if (typeof optimizer === 'string') throw new Error(optimizer);
  const learningRates = new Float64Array(models);
  for (let index = from; index < to; index++) learningRates[index - from] = numberHyper(sweepCellHyper(settings.hyper, job, index), job.parameter ?? 'lr');
  const initialParameters = new Float64Array(models * size);
  for (let m = 0; m < models; m++) initialParameters.set(job.start, m * size);
  const request = {
    network,
    features: data.train.features,
    targets: data.train.targets,
    rows: data.train.rows,
    initialParameters,
    learningRates,
    optimizer,
    batches: fullBatch(settings.numSteps),
    recordLosses: false,
    isCancelled: () => callbacks.isCancelled(),
  };
  const fused = optimizer.kind === 'sgd' && optimizer.momentum === 0 && fusedShaderFits(network);
  const training = fused ? trainModelsFused(backend, request) : trainModels(request);
  const result = await (callbacks.lost ? Promise.race([training, callbacks.lost]) : training);
  const stride = summaryStride(size);
  const summaries = new Float64Array(models * stride);
  for (let m = 0; m < models; m++) {
    const offset = m * stride;
    const loss = result.finalLoss[m];
    summaries[offset + SUMMARY_OFFSET.finalLoss] = loss;
    // only the final loss is read back: it stands for the best one too
    summaries[offset + SUMMARY_OFFSET.bestLoss] = loss;
    summaries[offset + SUMMARY_OFFSET.convergedStep] = -1;
    summaries[offset + SUMMARY_OFFSET.divergedStep] = Number.isFinite(loss) ? -1 : settings.numSteps;
    summaries[offset + SUMMARY_OFFSET.minimumIndex] = -1;
    for (let i = 0; i < size; i++) summaries[offset + SUMMARY_OFFSET.finalPoint + i] = result.parameters[m * size + i];
  }
  callbacks.onProgress(models * settings.numSteps, models * settings.numSteps);
  callbacks.onSummaries(from, to, summaries);
}
