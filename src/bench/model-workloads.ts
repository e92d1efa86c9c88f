// The model workloads of `npm run bench` (rows 8-10), as plain functions of the float64 engine so
// that Node (scripts/bench/node-bench.ts) and Chromium (model-bench.worker.ts) time exactly the same
// TypeScript loops: the path the playground runs a model on, createModel + lossAndGradient + an
// SGD update, with mini-batches gathered into a buffer as a step sees them.
import { logSpaced } from '../engine/batch/cells';
import { shuffledIndices } from '../engine/data/split';
import { generateDataset } from '../engine/data/generators';
import { createModel, type Model, type ModelSpec } from '../engine/models';
import { Random } from '../engine/random';

/** A data set as the models take it. */
export interface BenchData {
  readonly features: Float64Array;
  readonly targets: Float64Array;
  readonly rows: number;
  readonly featureCount: number;
  readonly classCount: number;
  /** Where the rows came from, for the printed table. */
  readonly source: string;
}

/** The small MLP of TensorFlow Playground's comparison: 2-8-8-1 tanh, one logit with binary cross-entropy. */
export const SMALL_MLP: ModelSpec = { kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'cross_entropy' };
/** The digits MLP: 64-32-10 tanh with softmax cross-entropy. */
export const DIGITS_MLP: ModelSpec = { kind: 'mlp', hidden: [32], activation: 'tanh', loss: 'cross_entropy' };
export const SMALL_MLP_BATCH = 10;
export const SMALL_MLP_LEARNING_RATE = 0.03;
/** The sweep's learning rates: 256, log-spaced over [1e-3, 1]. */
export const SWEEP_LEARNING_RATES = Array.from({ length: 256 }, (_, j) => logSpaced(1e-3, 1, 256, j));
export const SWEEP_EPOCHS = 20;
const SHUFFLE_SEED = 7;
const INIT_SEED = 3;

/** Two moons, 500 points, noise 0.1, seed 0. */
export function twoMoons500(): BenchData {
  const set = generateDataset('two_moons', { samples: 500, noise: 0.1 }, 0);
  return { features: set.features, targets: set.targets, rows: set.rows, featureCount: 2, classCount: 2, source: 'two moons, 500 points' };
}

/** Digits-shaped data (1,797 rows × 64 features in [0, 16], 10 classes), random: the shape and cost of sklearn's digits. */
export function digitsShaped(): BenchData {
  const rows = 1797;
  const random = new Random(1);
  const features = new Float64Array(rows * 64);
  const targets = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    targets[row] = row % 10;
    // standardized-looking values: a class-dependent mean per pixel plus noise
    for (let j = 0; j < 64; j++) features[row * 64 + j] = ((j * 7 + row % 10) % 10) / 10 - 0.5 + 0.5 * random.nextGaussian();
  }
  return { features, targets, rows, featureCount: 64, classCount: 10, source: 'digits-shaped random data, 1,797 x 64, 10 classes' };
}

/** The model of a bench row and its seeded start. */
export function benchModel(spec: ModelSpec, data: BenchData): { model: Model; start: Float64Array } {
  const model = createModel(spec, data.featureCount, data.classCount);
  return { model, start: model.initialParameters(INIT_SEED) };
}

/** Row indices of `epochs` shuffled epochs (one Random, a Fisher-Yates shuffle per epoch), the order every engine trains on. */
export function epochOrder(rows: number, epochs: number): Uint32Array {
  const random = new Random(SHUFFLE_SEED);
  const order = new Uint32Array(rows * epochs);
  for (let epoch = 0; epoch < epochs; epoch++) order.set(shuffledIndices(rows, random), epoch * rows);
  return order;
}

/**
 * SGD on mini-batches in the given order with the float64 model, from `start` (changed in place);
 * returns the updates made and the last batch's loss.
 */
export function trainMiniBatchSgd(model: Model, data: BenchData, start: Float64Array, order: Uint32Array, batchSize: number, learningRate: number): { updates: number; lastLoss: number } {
  const d = data.featureCount;
  const size = model.parameterCount;
  const gradient = new Float64Array(size);
  const batchFeatures = new Float64Array(batchSize * d);
  const batchTargets = new Float64Array(batchSize);
  const epochs = order.length / data.rows;
  let updates = 0;
  let lastLoss = Number.NaN;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let from = 0; from < data.rows; from += batchSize) {
      const rows = Math.min(batchSize, data.rows - from);
      for (let i = 0; i < rows; i++) {
        const row = order[epoch * data.rows + from + i];
        for (let j = 0; j < d; j++) batchFeatures[i * d + j] = data.features[row * d + j];
        batchTargets[i] = data.targets[row];
      }
      lastLoss = model.lossAndGradient(start, batchFeatures, batchTargets, rows, gradient);
      for (let i = 0; i < size; i++) start[i] -= learningRate * gradient[i];
      updates++;
    }
  }
  return { updates, lastLoss };
}

/** Full-batch gradient descent for `steps` steps with the float64 model; returns the last loss. */
export function trainFullBatchSgd(model: Model, data: BenchData, start: Float64Array, steps: number, learningRate: number): number {
  const gradient = new Float64Array(model.parameterCount);
  let loss = Number.NaN;
  for (let step = 0; step < steps; step++) {
    loss = model.lossAndGradient(start, data.features, data.targets, data.rows, gradient);
    for (let i = 0; i < gradient.length; i++) start[i] -= learningRate * gradient[i];
  }
  return loss;
}

/** The 256-rate sweep on one thread: each learning rate trains the small MLP through `order`; returns each final loss over all rows. */
export function typescriptSweep(data: BenchData, order: Uint32Array): Float64Array {
  const { model, start } = benchModel(SMALL_MLP, data);
  return Float64Array.from(SWEEP_LEARNING_RATES, (learningRate) => {
    const parameters = Float64Array.from(start);
    trainMiniBatchSgd(model, data, parameters, order, SMALL_MLP_BATCH, learningRate);
    return model.loss(parameters, data.features, data.targets, data.rows);
  });
}

/** Median of the timings of `repeats` calls after one warm-up, in ms. */
export function medianTime(work: () => void, repeats = 5): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
