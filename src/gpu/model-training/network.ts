// Every model of engine/models as one shape of dense network, so that a single tensor program
// trains them all: linear regression is a 1-layer network with MSE, logistic regression a 1-layer
// network with one logit, softmax regression a 1-layer network with k logits, and an MLP its
// layers. The flat parameter vector is laid out exactly as the TypeScript models lay it out (per
// layer: the weights out × in row-major, torch's nn.Linear weight, then the out biases), so a
// trained vector goes back to the same views and the same float64 loss.
import type { Activation, Model } from '../../engine/models';
import { Mlp } from '../../engine/models/mlp';
import { SoftmaxRegression } from '../../engine/models/softmax';

/** What the output layer's logits are trained on: (1/n)Σ(o − y)², binary cross-entropy on one logit, or softmax cross-entropy on k. */
export type NetworkOutput = 'mse' | 'logistic' | 'softmax';

/** A dense network: units per layer (inputs first, logits last), the hidden activation, the output loss and the L2 penalty. */
export interface NetworkSpec {
  readonly widths: readonly number[];
  /** The hidden layers' nonlinearity (unused by one-layer networks). */
  readonly activation: Activation;
  readonly output: NetworkOutput;
  /** λ of the penalty (λ/2) Σ w² over the weights, not the biases (the MLP's weight_decay). */
  readonly weightDecay: number;
}

/** Where one layer's weights and biases sit in the flat parameter vector. */
export interface LayerSlice {
  readonly inputs: number;
  readonly outputs: number;
  /** Index of the first weight; the out × in weights follow, then the out biases. */
  readonly weightOffset: number;
  readonly biasOffset: number;
}

/** The network a model of engine/models is, with its flat layout. */
export function networkOf(model: Model): NetworkSpec {
  if (model instanceof Mlp) {
    const output: NetworkOutput = model.outputLoss === 'mse' ? 'mse' : model.classCount > 2 ? 'softmax' : 'logistic';
    return { widths: model.widths, activation: model.activation, output, weightDecay: model.weightDecay };
  }
  if (model instanceof SoftmaxRegression) return { widths: [model.featureCount, model.classCount], activation: 'tanh', output: 'softmax', weightDecay: 0 };
  if (model.kind === 'linear') return { widths: [model.featureCount, 1], activation: 'tanh', output: 'mse', weightDecay: 0 };
  if (model.kind === 'logistic') return { widths: [model.featureCount, 1], activation: 'tanh', output: 'logistic', weightDecay: 0 };
  throw new Error(`no tensor program for a ${model.kind} model`);
}

/** Each layer's place in the flat parameter vector, input side first. */
export function layerSlices(network: NetworkSpec): LayerSlice[] {
  const slices: LayerSlice[] = [];
  let offset = 0;
  for (let layer = 1; layer < network.widths.length; layer++) {
    const inputs = network.widths[layer - 1];
    const outputs = network.widths[layer];
    slices.push({ inputs, outputs, weightOffset: offset, biasOffset: offset + outputs * inputs });
    offset += outputs * (inputs + 1);
  }
  return slices;
}

/** Length of the flat parameter vector. */
export function parameterCount(network: NetworkSpec): number {
  const last = layerSlices(network).at(-1);
  return last === undefined ? 0 : last.biasOffset + last.outputs;
}

/** Logits per row: 1 for 'mse' and 'logistic', k for 'softmax'. */
export function logitCount(network: NetworkSpec): number {
  return network.widths[network.widths.length - 1];
}
