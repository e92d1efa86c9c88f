import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, type Model, type ModelSpec } from '../../engine/models';
import { Random } from '../../engine/random';
import { batchRange, fullBatch, type BatchPlan, shuffledMiniBatches, stepCount } from './mini-batches';
import { networkOf } from './network';
import type { TrainingOptimizer } from './stacked-optimizer';
import { trainModels } from './train-models';

// The oracle: engine/models's float64 TypeScript models (checked against torch.autograd in
// models.golden.test.ts) with torch.optim's SGD and Adam written out below in float64, on the same
// rows per step. The tensor program runs in float32 on tfjs's CPU backend; losses agree to 1e-4.

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Data {
  features: Float64Array;
  targets: Float64Array;
  rows: number;
}

/** Gaussian features around a centre per class (class = row mod classes); regression targets a smooth function. */
function data(rows: number, featureCount: number, classes: number, seed: number, regression = false): Data {
  const random = new Random(seed);
  const features = new Float64Array(rows * featureCount);
  const targets = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const label = row % classes;
    for (let j = 0; j < featureCount; j++) features[row * featureCount + j] = random.nextGaussian() + (j % classes === label ? 1.5 : 0);
    targets[row] = regression ? Math.sin(features[row * featureCount]) + 0.3 * features[row * featureCount + 1] : label;
  }
  return { features, targets, rows };
}

/** float64 training with the TypeScript model: losses per step (steps × M) and the final parameters. */
function referenceTraining(model: Model, set: Data, starts: Float64Array[], learningRates: number[], optimizer: TrainingOptimizer, plan: BatchPlan) {
  const size = model.parameterCount;
  const d = model.featureCount;
  const numSteps = stepCount(plan);
  const losses: number[][] = [];
  const finals: Float64Array[] = [];
  const batchFeatures = new Float64Array(set.rows * d);
  const batchTargets = new Float64Array(set.rows);
  starts.forEach((start, m) => {
    const parameters = Float64Array.from(start);
    const gradient = new Float64Array(size);
    const buffer = new Float64Array(size);
    const second = new Float64Array(size);
    const lr = learningRates[m];
    for (let step = 0; step < numSteps; step++) {
      let rows = set.rows;
      let features = set.features;
      let targets = set.targets;
      if (plan.kind === 'mini') {
        const [from, to] = batchRange(plan, step);
        rows = to - from;
        for (let i = 0; i < rows; i++) {
          const row = plan.order[from + i];
          batchFeatures.set(set.features.subarray(row * d, row * d + d), i * d);
          batchTargets[i] = set.targets[row];
        }
        features = batchFeatures;
        targets = batchTargets;
      }
      const loss = model.lossAndGradient(parameters, features, targets, rows, gradient);
      (losses[step] ??= [])[m] = loss;
      const t = step + 1;
      for (let i = 0; i < size; i++) {
        const g = gradient[i];
        if (optimizer.kind === 'sgd') {
          const momentum = optimizer.momentum ?? 0;
          if (momentum === 0) {
            parameters[i] -= lr * g;
          } else {
            buffer[i] = step === 0 ? g : momentum * buffer[i] + g;
            parameters[i] -= lr * buffer[i];
          }
        } else {
          const [beta1, beta2, eps] = [optimizer.beta1 ?? 0.9, optimizer.beta2 ?? 0.999, optimizer.eps ?? 1e-8];
          buffer[i] = beta1 * buffer[i] + (1 - beta1) * g;
          second[i] = beta2 * second[i] + (1 - beta2) * g * g;
          const denominator = Math.sqrt(second[i]) / Math.sqrt(1 - beta2 ** t) + eps;
          parameters[i] -= (lr / (1 - beta1 ** t)) * (buffer[i] / denominator);
        }
      }
    }
    finals.push(parameters);
  });
  const finalLoss = finals.map((parameters) => model.loss(parameters, set.features, set.targets, set.rows));
  return { losses, finals, finalLoss };
}

interface Case {
  name: string;
  spec: ModelSpec;
  featureCount: number;
  classes: number;
  regression?: boolean;
  optimizer: TrainingOptimizer;
  learningRates: number[];
  /** Distinct seeded starts per model (a seed band) instead of one start for all. */
  seedBand?: boolean;
  plan: (rows: number) => BatchPlan;
}

const mlp = (hidden: number[], activation: 'tanh' | 'relu' | 'sigmoid', loss: 'mse' | 'cross_entropy', weightDecay = 0): ModelSpec => ({ kind: 'mlp', hidden, activation, loss, weight_decay: weightDecay });

const CASES: Case[] = [
  { name: 'softmax regression, SGD, full batch, one model', spec: { kind: 'softmax' }, featureCount: 5, classes: 3, optimizer: { kind: 'sgd' }, learningRates: [0.5], plan: () => fullBatch(20) },
  { name: 'softmax regression, Adam, 4 learning rates', spec: { kind: 'softmax' }, featureCount: 5, classes: 3, optimizer: { kind: 'adam' }, learningRates: [0.003, 0.01, 0.03, 0.1], plan: () => fullBatch(20) },
  { name: 'MLP 2-8-8-1 tanh, binary cross-entropy, SGD, mini-batches of 10, one model', spec: mlp([8, 8], 'tanh', 'cross_entropy'), featureCount: 2, classes: 2, optimizer: { kind: 'sgd' }, learningRates: [0.3], plan: (rows) => shuffledMiniBatches(rows, 10, 4, 7) },
  { name: 'MLP 2-8-8-1 tanh, 5 learning rates, mini-batches of 7 (a short last batch)', spec: mlp([8, 8], 'tanh', 'cross_entropy'), featureCount: 2, classes: 2, optimizer: { kind: 'sgd' }, learningRates: [0.01, 0.03, 0.1, 0.3, 1], plan: (rows) => shuffledMiniBatches(rows, 7, 3, 3) },
  { name: 'MLP 6-16-4 ReLU, softmax cross-entropy, SGD momentum, seed band of 3', spec: mlp([16], 'relu', 'cross_entropy'), featureCount: 6, classes: 4, optimizer: { kind: 'sgd', momentum: 0.9 }, learningRates: [0.05, 0.05, 0.05], seedBand: true, plan: () => fullBatch(20) },
  { name: 'MLP 3-12-6-1 sigmoid, MSE with weight decay, Adam, 2 models', spec: mlp([12, 6], 'sigmoid', 'mse', 0.01), featureCount: 3, classes: 1, regression: true, optimizer: { kind: 'adam', beta1: 0.8, beta2: 0.99, eps: 1e-6 }, learningRates: [0.01, 0.05], plan: () => fullBatch(20) },
  { name: 'logistic regression, SGD momentum, full batch', spec: { kind: 'logistic' }, featureCount: 3, classes: 2, optimizer: { kind: 'sgd', momentum: 0.5 }, learningRates: [0.2, 1], plan: () => fullBatch(20) },
  { name: 'linear regression, SGD', spec: { kind: 'linear' }, featureCount: 4, classes: 1, regression: true, optimizer: { kind: 'sgd' }, learningRates: [0.05], plan: () => fullBatch(20) },
];

function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-3);
}

describe('trainModels (tfjs float32) against the float64 TypeScript models', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const set = data(c.regression ? 40 : 48, c.featureCount, Math.max(c.classes, 2), 11, c.regression);
      const model = createModel(c.spec, c.featureCount, Math.max(c.classes, 2));
      const models = c.learningRates.length;
      // linear models start at zeros; a nonzero start exercises more of the program
      const starts = Array.from({ length: models }, (_, m) => {
        const start = model.initialParameters(c.seedBand ? 100 + m : 5);
        if (model.kind !== 'mlp') for (let i = 0; i < start.length; i++) start[i] = 0.1 * Math.sin(i + 1);
        return start;
      });
      const plan = c.plan(set.rows);
      const expected = referenceTraining(model, set, starts, c.learningRates, c.optimizer, plan);
      const before = tf.memory().numTensors;
      const initialParameters = new Float64Array(models * model.parameterCount);
      starts.forEach((start, m) => initialParameters.set(start, m * model.parameterCount));
      const result = await trainModels({ network: networkOf(model), features: set.features, targets: set.targets, rows: set.rows, initialParameters, learningRates: c.learningRates, optimizer: c.optimizer, batches: plan });
      expect(tf.memory().numTensors).toBe(before);
      const numSteps = stepCount(plan);
      expect(result.numSteps).toBe(numSteps);
      expect(numSteps).toBeGreaterThanOrEqual(20);
      const losses = result.losses as Float32Array;
      let worst = 0;
      for (let step = 0; step < numSteps; step++) {
        for (let m = 0; m < models; m++) worst = Math.max(worst, relativeDifference(losses[step * models + m], expected.losses[step][m]));
      }
      for (let m = 0; m < models; m++) worst = Math.max(worst, relativeDifference(result.finalLoss[m], expected.finalLoss[m]));
      expect(worst).toBeLessThan(1e-4);
      // the parameters, in the TypeScript model's flat layout
      for (let m = 0; m < models; m++) {
        for (let i = 0; i < model.parameterCount; i++) {
          expect(Math.abs(result.parameters[m * model.parameterCount + i] - expected.finals[m][i])).toBeLessThan(1e-4 * Math.max(1, Math.abs(expected.finals[m][i])));
        }
      }
      // training moved every model
      for (let m = 0; m < models; m++) expect(expected.finalLoss[m]).not.toBeCloseTo(expected.losses[0][m], 3);
    });
  }

  it('stops with a CancelledError and leaks nothing', async () => {
    const model = createModel({ kind: 'softmax' }, 3, 3);
    const set = data(12, 3, 3, 1);
    const before = tf.memory().numTensors;
    let polls = 0;
    const training = trainModels({ network: networkOf(model), ...set, initialParameters: new Float64Array(model.parameterCount), learningRates: [0.1], optimizer: { kind: 'adam' }, batches: fullBatch(10), isCancelled: () => ++polls > 3 });
    await expect(training).rejects.toThrow(/cancelled/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a start vector of the wrong length', async () => {
    const model = createModel({ kind: 'softmax' }, 3, 3);
    const set = data(12, 3, 3, 1);
    await expect(trainModels({ network: networkOf(model), ...set, initialParameters: new Float64Array(5), learningRates: [0.1, 0.2], optimizer: { kind: 'sgd' }, batches: fullBatch(1) })).rejects.toThrow(/2 models of 12 parameters need 24/);
  });
});

describe('shuffledMiniBatches', () => {
  it('covers every row once per epoch, in batches of batchSize with a short last one', () => {
    const plan = shuffledMiniBatches(23, 5, 3, 9);
    expect(stepCount(plan)).toBe(15);
    if (plan.kind !== 'mini') throw new Error('expected mini-batches');
    const sizes = Array.from({ length: 5 }, (_, step) => batchRange(plan, step)).map(([from, to]) => to - from);
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    for (let epoch = 0; epoch < 3; epoch++) expect([...plan.order.subarray(epoch * 23, epoch * 23 + 23)].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect([...plan.order.subarray(0, 23)]).not.toEqual([...plan.order.subarray(23, 46)]);
  });
});
