// Trains M models of one architecture at once as one tensor program on tfjs's current backend
// (WebGPU in the GPU worker, float32; the CPU backend in the unit tests): a learning-rate sweep
// (M rates from one start), a seed band (M starts), or one model (M = 1). Every step is one
// tf.tidy of the batched forward and backward pass and the update, so tensors stay flat; the
// results are read back once, at the end, with `await data()` (never dataSync on WebGPU).
import * as tf from '@tensorflow/tfjs-core';
import { CancelledError } from '../fused-runner';
import { batchRange, type BatchPlan, stepCount } from './mini-batches';
import { layerSlices, type NetworkSpec, parameterCount } from './network';
import { encodeTargets, stackedLoss, stackedLossAndGradient } from './stacked-network';
import { createStackedOptimizer, type TrainingOptimizer } from './stacked-optimizer';

/** What to train: M models of one network on one data set. */
export interface ModelTrainingRequest {
  readonly network: NetworkSpec;
  /** Row-major, rows × widths[0]. */
  readonly features: ArrayLike<number>;
  /** Per row: the value, the 0/1 label, or the class index (engine/models's layout). */
  readonly targets: ArrayLike<number>;
  readonly rows: number;
  /** The M start vectors, model after model (M × P, the TypeScript model's flat layout). */
  readonly initialParameters: ArrayLike<number>;
  /** One learning rate per model (M of them). */
  readonly learningRates: ArrayLike<number>;
  readonly optimizer: TrainingOptimizer;
  /** Full batch or shuffled mini-batches (the same rows for every model). */
  readonly batches: BatchPlan;
  /** Keep each step's batch loss (default true); the final loss over all rows is always computed. */
  readonly recordLosses?: boolean;
  /** Polled before each step: true stops with a CancelledError. */
  readonly isCancelled?: () => boolean;
}

/** What training returns, in float32. */
export interface ModelTrainingResult {
  readonly models: number;
  readonly parameterCount: number;
  /** The trained vectors, M × P, model after model. */
  readonly parameters: Float32Array;
  /** The batch loss before each step's update, steps × M (step after step), or null. */
  readonly losses: Float32Array | null;
  /** Each model's mean loss over all rows after the last step (M). */
  readonly finalLoss: Float32Array;
  readonly numSteps: number;
}

/** Losses per step stacked together before the end (tf.stack of a few hundred tensors at most). */
const LOSS_GROUP = 256;

/** Trains the request's M models on tfjs's current backend and reads the results back once. */
export async function trainModels(request: ModelTrainingRequest): Promise<ModelTrainingResult> {
  const { network, rows } = request;
  const size = parameterCount(network);
  const models = request.learningRates.length;
  if (models < 1) throw new RangeError('train at least one model (one learning rate per model)');
  if (request.initialParameters.length !== models * size) {
    throw new RangeError(`initialParameters has ${request.initialParameters.length} numbers; ${models} models of ${size} parameters need ${models * size}`);
  }
  const featureCount = network.widths[0];
  if (request.features.length !== rows * featureCount || request.targets.length < rows) throw new RangeError(`the data must have ${rows} rows of ${featureCount} features and a target each`);
  if (layerSlices(network).length < 1) throw new RangeError('a network has at least one layer');
  const plan = request.batches;
  const numSteps = stepCount(plan);
  const recordLosses = request.recordLosses ?? true;

  const features = tf.tensor2d(Float32Array.from(request.features), [rows, featureCount]);
  const targets = encodeTargets(network, request.targets, rows);
  const learningRates = tf.tensor2d(Float32Array.from(request.learningRates), [models, 1]);
  // mini-batches: every step's row indices, uploaded once; a step gathers its rows from them
  const order = plan.kind === 'mini' ? tf.tensor1d(Int32Array.from(plan.order), 'int32') : null;
  const optimizer = createStackedOptimizer(request.optimizer, learningRates);
  let parameters = tf.tensor2d(Float32Array.from(request.initialParameters), [models, size]);
  const lossGroups: tf.Tensor2D[] = [];
  let pendingLosses: tf.Tensor1D[] = [];
  try {
    for (let step = 0; step < numSteps; step++) {
      if (request.isCancelled?.() === true) throw new CancelledError();
      const previous = parameters;
      const { next, loss } = tf.tidy(() => {
        let batchFeatures: tf.Tensor2D = features;
        let batchTargets: tf.Tensor2D = targets;
        if (order !== null && plan.kind === 'mini') {
          const [start, end] = batchRange(plan, step);
          const indices = tf.slice(order, [start], [end - start]);
          batchFeatures = tf.gather(features, indices);
          batchTargets = tf.gather(targets, indices);
        }
        const { loss, gradient } = stackedLossAndGradient(network, previous, batchFeatures, batchTargets);
        return { next: optimizer.step(previous, gradient, step + 1), loss };
      });
      previous.dispose();
      parameters = next;
      if (recordLosses) pendingLosses.push(loss);
      else loss.dispose();
      if (pendingLosses.length === LOSS_GROUP) {
        const group = pendingLosses;
        lossGroups.push(tf.tidy(() => tf.stack(group) as tf.Tensor2D));
        for (const tensor of group) tensor.dispose();
        pendingLosses = [];
      }
    }
    const finalLoss = tf.tidy(() => stackedLoss(network, parameters, features, targets));
    const losses = recordLosses && numSteps > 0 ? tf.tidy(() => tf.concat([...lossGroups, ...(pendingLosses.length > 0 ? [tf.stack(pendingLosses) as tf.Tensor2D] : [])], 0)) : null;
    try {
      const [parameterValues, lossValues, finalValues] = await Promise.all([parameters.data(), losses?.data() ?? Promise.resolve(null), finalLoss.data()]);
      return {
        models,
        parameterCount: size,
        parameters: parameterValues as Float32Array,
        losses: lossValues as Float32Array | null,
        finalLoss: finalValues as Float32Array,
        numSteps,
      };
    } finally {
      finalLoss.dispose();
      losses?.dispose();
    }
  } finally {
    for (const tensor of [features, targets, learningRates, parameters, ...lossGroups, ...pendingLosses]) tensor.dispose();
    order?.dispose();
    optimizer.dispose();
  }
}
