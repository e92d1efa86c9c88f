import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getMethod } from '../methods';
import { defaultHyperValues } from '../methods/first-order/hyper';
import type { HyperValue } from '../methods/hyperparameters';
import { createModel, type ModelSpec } from '../models';
import { runMethod } from '../run';
import { DataObjective } from './data-objective';
import type { Dataset } from './dataset';

/*
 * The oracle is scripts/references/torch_minibatch.py: torch.optim.SGD (momentum, Nesterov) and
 * torch.optim.Adam training nn.Linear networks (torch 1.13, float64) on mini-batches of a numpy-drawn
 * batch order (a permutation per epoch, the last batch smaller, as DataLoader(drop_last=False)),
 * gradients by autograd, losses F.binary_cross_entropy_with_logits / F.mse_loss ('mean'). Here the
 * same order is handed to the DataObjective as `batchOrder`, and the registry's sgd / adam run
 * through runMethod, so the runner's batch selection, the adapter's lazy ∇f and the models' backprop
 * are all under test. Every iterate is compared, and the recorded loss against torch's loss over all
 * the training rows at that iterate.
 *
 * Tolerance: |ours − torch| ≤ 1e-9 · max(|torch|, 1e-3) (the floor only matters where a coordinate
 * passes near zero). Measured worst when the vectors were generated: coordinates 2.6e-13 (Adam on the
 * tanh MLP), losses 1.7e-15.
 */
const RELATIVE_TOLERANCE = 1e-9;
const FLOOR = 1e-3;

interface Case {
  name: string;
  model: { kind: 'linear' } | { kind: 'mlp'; hidden: number[]; activation: 'tanh' | 'relu'; loss: 'mse' | 'cross_entropy' };
  criterion: 'binary' | 'mse';
  optimizer: 'sgd' | 'adam';
  hyper: Record<string, HyperValue>;
  rows: number;
  columns: number;
  batch_size: number;
  epochs: number;
  x: number[];
  y: number[];
  initial: number[];
  orders: number[][];
  trajectory: number[][];
  loss: number[];
}

const golden = JSON.parse(readFileSync(new URL('./minibatch.golden.json', import.meta.url), 'utf8')) as { cases: Case[] };

function datasetOf(testCase: Case): Dataset {
  return {
    features: Float64Array.from(testCase.x),
    targets: Float64Array.from(testCase.y),
    rows: testCase.rows,
    columns: testCase.columns,
    featureNames: Array.from({ length: testCase.columns }, (_, j) => `x${j + 1}`),
    targetName: 'y',
    task: testCase.criterion === 'binary' ? 'classification' : 'regression',
    ...(testCase.criterion === 'binary' && { classNames: ['0', '1'] }),
  };
}

/** The largest |actual − expected| / max(|expected|, FLOOR); throws past the tolerance. */
function worstError(actual: ArrayLike<number>, expected: readonly number[], what: string): number {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), FLOOR);
    if (!(error <= RELATIVE_TOLERANCE)) throw new Error(`${what}[${i}]: ours ${actual[i]}, torch ${expected[i]} (relative ${error})`);
    worst = Math.max(worst, error);
  }
  return worst;
}

describe('mini-batch training against torch.optim with the same batch order', () => {
  it('covers SGD with momentum and Adam on a tanh BCE MLP and a ReLU MSE MLP, and SGD on linear regression, with a short last batch', () => {
    const kinds = new Set(golden.cases.map((testCase) => `${testCase.model.kind} ${testCase.optimizer}`));
    expect([...kinds].sort()).toEqual(['linear sgd', 'mlp adam', 'mlp sgd']);
    expect(golden.cases.every((testCase) => testCase.rows % testCase.batch_size !== 0)).toBe(true);
  });

  it.each(golden.cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const spec: ModelSpec = testCase.model;
    const objective = new DataObjective({
      createModel: () => createModel(spec, testCase.columns, 2),
      train: datasetOf(testCase),
      batchSize: testCase.batch_size,
      batchOrder: (epoch) => testCase.orders[epoch],
    });
    expect(objective.miniBatches?.batchesPerEpoch).toBe(Math.ceil(testCase.rows / testCase.batch_size));
    const method = getMethod(testCase.optimizer);
    if (method === undefined) throw new Error(`no method ${testCase.optimizer}`);
    const numSteps = testCase.trajectory.length - 1;
    const result = runMethod({
      objective,
      method,
      hyper: { ...defaultHyperValues(method.hyperSpecs), ...testCase.hyper },
      start: testCase.initial,
      numSteps,
      seed: 7,
    });
    expect(result.diverged).toBeNull();
    expect(result.loss.length).toBe(numSteps + 1);
    const coordinates = worstError(result.trajectory, testCase.trajectory.flat(), 'trajectory');
    const losses = worstError(result.loss, testCase.loss, 'loss');
    // one f and ∇f per step on its batch, none at the start (as a torch loop)
    expect(Array.from(result.evaluations.gradient)).toEqual(Array.from({ length: numSteps + 1 }, (_, k) => k));
    expect(Math.max(coordinates, losses)).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
  });

  it('trains differently with another order: the batch order is what is being matched', () => {
    const testCase = golden.cases[0];
    const method = getMethod(testCase.optimizer);
    if (method === undefined) throw new Error('no sgd');
    const objective = new DataObjective({
      createModel: () => createModel(testCase.model, testCase.columns, 2),
      train: datasetOf(testCase),
      batchSize: testCase.batch_size,
    });
    const result = runMethod({ objective, method, hyper: { ...defaultHyperValues(method.hyperSpecs), ...testCase.hyper }, start: testCase.initial, numSteps: 4 });
    expect(Math.abs(result.loss[4] - testCase.loss[4])).toBeGreaterThan(1e-6);
  });
});
