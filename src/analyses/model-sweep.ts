import type { Experiment } from '../experiment/experiment';
import { numberHyper } from '../engine/methods/first-order/hyper';
import type { HyperValues } from '../engine/methods/hyperparameters';
import { resolveData } from '../engine/problems';
import { resolveRunHyper } from '../experiment/run-experiment';
import { FUSED_MAX_PARAMETERS, type ModelWorkloadSize } from './model-engine';

// Which learning-rate sweeps of a data problem the WebGPU model trainers can run (gpu/model-training):
// plain torch SGD (with momentum) or Adam at full batch, with nothing the trainers do not have
// (schedules, clipping, weight decay in the optimizer, Nesterov, AMSGrad, gradient noise). A sweep on
// mini-batches stays on TypeScript: each of its runs shuffles with its own seed, and the tensor
// program feeds every model the same rows.

/** The optimizer a WebGPU model trainer runs, as gpu/model-training's TrainingOptimizer. */
export type ModelOptimizer = { readonly kind: 'sgd'; readonly momentum: number } | { readonly kind: 'adam'; readonly beta1: number; readonly beta2: number; readonly eps: number };

/** The trainer's optimizer for a run's method and hyperparameters, or why there is none. */
export function modelOptimizer(methodId: string, hyper: HyperValues): ModelOptimizer | string {
  const flags = ['nesterov', 'amsgrad', 'maximize', 'foreach'].filter((name) => hyper[name] === true);
  if (flags.length > 0) return `${flags.join(', ')} is not in the WebGPU model trainers`;
  if (typeof hyper.weight_decay === 'number' && hyper.weight_decay !== 0) return "the optimizer's weight_decay is not in the WebGPU model trainers";
  if (methodId === 'sgd') {
    if (typeof hyper.dampening === 'number' && hyper.dampening !== 0) return 'dampening is not in the WebGPU model trainers';
    return { kind: 'sgd', momentum: numberHyper(hyper, 'momentum') };
  }
  if (methodId === 'adam') {
    const betas = hyper.betas as readonly [number, number];
    return { kind: 'adam', beta1: betas[0], beta2: betas[1], eps: numberHyper(hyper, 'eps') };
  }
  return 'the WebGPU model trainers run SGD and Adam';
}

/** The size of a data problem's sweep for the engine chooser, or why it cannot run on WebGPU. */
export function modelSweepWorkload(experiment: Experiment, runIndex: number, models: number): ModelWorkloadSize | string {
  const { problem } = experiment;
  if (problem.kind !== 'data') return 'not a data problem';
  const run = experiment.runs[runIndex];
  if (run.schedule !== undefined || run.clip !== undefined) return 'schedules and clipping run on the TypeScript pool';
  if (experiment.noise > 0) return 'gradient noise runs on the TypeScript pool';
  const data = resolveData(problem);
  if (data.batchSize !== undefined && data.batchSize < data.train.rows) return 'mini-batches run on the TypeScript pool (each run of a sweep shuffles with its own seed)';
  const parameterCount = data.createModel().parameterCount;
  const optimizer = modelOptimizer(run.optimizer, resolveRunHyper(run));
  if (typeof optimizer === 'string') return optimizer;
  // the fused shader runs plain SGD on small networks
  const fusedFits = optimizer.kind === 'sgd' && optimizer.momentum === 0 && parameterCount <= FUSED_MAX_PARAMETERS;
  return { batchRows: data.train.rows, parameterCount, models, steps: experiment.steps, fusedFits };
}
