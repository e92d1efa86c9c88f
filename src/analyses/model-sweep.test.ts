import { describe, expect, it } from 'vitest';
import type { Experiment } from '../experiment/experiment';
import { parseExperiment } from '../experiment/validate';
import { resolveHyper } from '../experiment/validate';
import { getMethod } from '../engine/methods';
import { chooseEngine } from './plan';
import { modelOptimizer, modelSweepWorkload } from './model-sweep';

// Which sweeps of a data problem go to the WebGPU model trainers, and what the engine chooser does
// with them: the trainers' own verdict decides, a reason stays on TypeScript.

function experiment(problem: unknown, run: unknown): Experiment {
  const parsed = parseExperiment({ version: 1, problem, steps: 50, runs: [run] });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

const hyperOf = (id: string, given = {}) => resolveHyper(getMethod(id)!, given);
const MOONS_MLP = { dataset: { name: 'two_moons' }, model: { kind: 'mlp', hidden: [8] } };

describe('modelOptimizer', () => {
  it('takes torch SGD and Adam as the trainers run them', () => {
    expect(modelOptimizer('sgd', hyperOf('sgd', { momentum: 0.9 }))).toEqual({ kind: 'sgd', momentum: 0.9 });
    expect(modelOptimizer('adam', hyperOf('adam'))).toEqual({ kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  });

  it('says why the rest stay on TypeScript', () => {
    expect(modelOptimizer('sgd', hyperOf('sgd', { momentum: 0.9, nesterov: true }))).toBe('nesterov is not in the WebGPU model trainers');
    expect(modelOptimizer('adam', hyperOf('adam', { weight_decay: 0.01 }))).toBe("the optimizer's weight_decay is not in the WebGPU model trainers");
    expect(modelOptimizer('rmsprop', hyperOf('rmsprop'))).toBe('the WebGPU model trainers run SGD and Adam');
  });
});

describe('modelSweepWorkload', () => {
  it('sizes a full-batch sweep: rows, parameters, models, steps; the fused shader for plain SGD on a small network', () => {
    expect(modelSweepWorkload(experiment(MOONS_MLP, { optimizer: 'sgd' }), 0, 64)).toEqual({ batchRows: 200, parameterCount: 33, models: 64, steps: 50, fusedFits: true });
    expect(modelSweepWorkload(experiment(MOONS_MLP, { optimizer: 'adam' }), 0, 64)).toMatchObject({ fusedFits: false });
  });

  it('keeps mini-batches, schedules and other methods on TypeScript, with the reason', () => {
    expect(modelSweepWorkload(experiment({ ...MOONS_MLP, batch_size: 10 }, { optimizer: 'sgd' }), 0, 64)).toMatch(/^mini-batches run on the TypeScript pool/);
    expect(modelSweepWorkload(experiment(MOONS_MLP, { optimizer: 'sgd', schedule: { type: 'step', step_size: 10 } }), 0, 64)).toBe('schedules and clipping run on the TypeScript pool');
    expect(modelSweepWorkload(experiment({ surface: 'booth' }, { optimizer: 'sgd', start: [0, 0] }), 0, 64)).toBe('not a data problem');
  });
});

describe('chooseEngine with a model workload', () => {
  const base = {
    preference: 'auto' as const,
    numRuns: 64,
    numSteps: 50,
    noise: 0,
    dimension: 33,
    method: { name: 'SGD', hasKernel: true },
    workers: 2,
    adapter: null,
    adapterMessage: '',
    measured: null,
  };
  it('follows the model trainers’ verdict, n-D or not', () => {
    expect(chooseEngine({ ...base, model: { engine: 'webgpu', reason: 'the fused WebGPU shader is estimated faster' } })).toEqual({ engine: 'webgpu', reason: 'the fused WebGPU shader is estimated faster', needsMeasurement: false });
    expect(chooseEngine({ ...base, preference: 'webgpu', model: 'mini-batches run on the TypeScript pool' }).reason).toBe('?engine=webgpu asked for, but mini-batches run on the TypeScript pool');
    expect(chooseEngine({ ...base, preference: 'js', model: { engine: 'webgpu', reason: 'x' } }).engine).toBe('js');
  });
});
