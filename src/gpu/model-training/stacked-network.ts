// The loss and gradient of M networks at once, as one tensor program: the M flat parameter vectors
// are the rows of one [M, P] tensor, each layer's weights a [M, out, in] view of it, and every
// product a batched tf.matMul across the leading model axis (the batch's rows [b, in] broadcast to
// every model). The backward pass is written out, as engine/models/mlp.ts's is, rather than taped:
// it is the same math in a handful of ops per layer, and it is what the float64 model computes.
//
//   forward   Z_l = A_{l−1} W_lᵀ + b_l,  A_l = act(Z_l) (hidden layers), logits Z_L
//   output    δ_L = ∂(mean loss)/∂Z_L = (2(Z − y), σ(Z) − y or softmax(Z) − e_y) / b
//   backward  ∇W_l = δ_lᵀ A_{l−1},  ∇b_l = Σ_rows δ_l,  δ_{l−1} = (δ_l W_l) ⊙ act′(A_{l−1})
//   penalty   (λ/2) Σ w² in the loss, λ W in ∇W
// Call inside tf.tidy: every intermediate is left to it.
import * as tf from '@tensorflow/tfjs-core';
import { layerSlices, type LayerSlice, type NetworkSpec } from './network';

/** The M models' parameters as per-layer views: weights [M, out, in] and biases [M, 1, out]. */
function layerViews(parameters: tf.Tensor2D, slices: readonly LayerSlice[]): { weights: tf.Tensor3D; biases: tf.Tensor3D }[] {
  const models = parameters.shape[0];
  return slices.map(({ inputs, outputs, weightOffset, biasOffset }) => ({
    weights: tf.reshape(tf.slice(parameters, [0, weightOffset], [models, outputs * inputs]), [models, outputs, inputs]),
    biases: tf.reshape(tf.slice(parameters, [0, biasOffset], [models, outputs]), [models, 1, outputs]),
  }));
}

function activate(network: NetworkSpec, z: tf.Tensor3D): tf.Tensor3D {
  if (network.activation === 'tanh') return tf.tanh(z);
  if (network.activation === 'relu') return tf.relu(z);
  return tf.sigmoid(z);
}

/** act′ from the activation a itself: 1 − a² (tanh), [a > 0] (ReLU, 0 at 0 as torch's), a(1 − a) (sigmoid). */
function activationDerivative(network: NetworkSpec, a: tf.Tensor3D): tf.Tensor3D {
  if (network.activation === 'tanh') return tf.sub(1, tf.square(a));
  if (network.activation === 'relu') return tf.step(a);
  return tf.mul(a, tf.sub(1, a));
}

/** Every layer's activations for `features` [b, in]: [A_0 (the features), A_1, …, Z_L (the logits)]. */
function forward(network: NetworkSpec, layers: readonly { weights: tf.Tensor3D; biases: tf.Tensor3D }[], features: tf.Tensor2D): tf.Tensor[] {
  const activations: tf.Tensor[] = [features];
  layers.forEach(({ weights, biases }, index) => {
    const z = tf.add(tf.matMul(activations[index] as tf.Tensor3D, weights, false, true), biases) as tf.Tensor3D;
    activations.push(index < layers.length - 1 ? activate(network, z) : z);
  });
  return activations;
}

/**
 * Per model, the mean loss over the rows and ∂(sum of row losses)/∂Z_L, from the logits [M, b, o]
 * and the encoded targets [b, o] (the value, the 0/1 label, or the one-hot row).
 */
function outputLoss(network: NetworkSpec, logits: tf.Tensor3D, targets: tf.Tensor2D): { loss: tf.Tensor1D; delta: tf.Tensor3D } {
  const rows = logits.shape[1];
  if (network.output === 'mse') {
    const residual = tf.sub(logits, targets);
    return { loss: tf.div(tf.sum(tf.square(residual), [1, 2]), rows), delta: tf.mul(residual, 2) };
  }
  if (network.output === 'logistic') {
    // log(1 + e^z) − y z, and its derivative σ(z) − y
    const rowLoss = tf.sub(tf.softplus(logits), tf.mul(targets, logits));
    return { loss: tf.div(tf.sum(rowLoss, [1, 2]), rows), delta: tf.sub(tf.sigmoid(logits), targets) };
  }
  // logsumexp(z) − z_y (tf.logSumExp shifts by the maximum), and softmax(z) − e_y
  const logSumExp = tf.logSumExp(logits, 2, true);
  const rowLoss = tf.sub(logSumExp, tf.sum(tf.mul(targets, logits), 2, true));
  return { loss: tf.div(tf.sum(rowLoss, [1, 2]), rows), delta: tf.sub(tf.exp(tf.sub(logits, logSumExp)), targets) };
}

/** (λ/2) Σ w² per model over the weights (0 without weight decay). */
function penalty(network: NetworkSpec, layers: readonly { weights: tf.Tensor3D }[]): tf.Tensor1D | null {
  if (network.weightDecay === 0) return null;
  const sums = layers.map(({ weights }) => tf.sum(tf.square(weights), [1, 2]));
  return tf.mul(tf.addN(sums), 0.5 * network.weightDecay) as tf.Tensor1D;
}

/** The mean loss [M] of each model over `features` [b, in] and encoded `targets` [b, o]. */
export function stackedLoss(network: NetworkSpec, parameters: tf.Tensor2D, features: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor1D {
  const layers = layerViews(parameters, layerSlices(network));
  const activations = forward(network, layers, features);
  const { loss } = outputLoss(network, activations[activations.length - 1] as tf.Tensor3D, targets);
  const weightPenalty = penalty(network, layers);
  return weightPenalty === null ? loss : tf.add(loss, weightPenalty);
}

/** The mean loss [M] and its gradient [M, P] (in the flat layout) of each model over one batch. */
export function stackedLossAndGradient(
  network: NetworkSpec,
  parameters: tf.Tensor2D,
  features: tf.Tensor2D,
  targets: tf.Tensor2D,
): { loss: tf.Tensor1D; gradient: tf.Tensor2D } {
  const models = parameters.shape[0];
  const rows = features.shape[0];
  const layers = layerViews(parameters, layerSlices(network));
  const activations = forward(network, layers, features);
  const output = outputLoss(network, activations[activations.length - 1] as tf.Tensor3D, targets);
  // the mean over the batch's rows, taken once on the output deltas
  let delta = tf.div(output.delta, rows) as tf.Tensor3D;
  const pieces: tf.Tensor2D[] = [];
  for (let layer = layers.length - 1; layer >= 0; layer--) {
    const input = activations[layer];
    let weightGradient = tf.matMul(delta, input as tf.Tensor3D, true, false);
    if (network.weightDecay > 0) weightGradient = tf.add(weightGradient, tf.mul(layers[layer].weights, network.weightDecay));
    // pushed output side first; reversed below into the flat layout's order
    pieces.push(tf.sum(delta, 1), tf.reshape(weightGradient, [models, -1]));
    if (layer > 0) delta = tf.mul(tf.matMul(delta, layers[layer].weights), activationDerivative(network, input as tf.Tensor3D));
  }
  const weightPenalty = penalty(network, layers);
  const loss = weightPenalty === null ? output.loss : tf.add(output.loss, weightPenalty);
  return { loss: loss as tf.Tensor1D, gradient: tf.concat(pieces.reverse(), 1) };
}

/** The targets as the output layer compares with them, [rows, o]: values or 0/1 labels as one column, class indices one-hot. */
export function encodeTargets(network: NetworkSpec, targets: ArrayLike<number>, rows: number): tf.Tensor2D {
  const width = network.widths[network.widths.length - 1];
  const encoded = new Float32Array(rows * (network.output === 'softmax' ? width : 1));
  for (let row = 0; row < rows; row++) {
    if (network.output === 'softmax') encoded[row * width + targets[row]] = 1;
    else encoded[row] = targets[row];
  }
  return tf.tensor2d(encoded, [rows, network.output === 'softmax' ? width : 1]);
}
