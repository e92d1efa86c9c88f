import { Random } from '../random';
import { assertCount } from './dense';
import { type Model, type ModelResiduals, sigmoid, softplus } from './model';

// A multilayer perceptron: 1–4 hidden layers of 1–64 units with one activation, then a linear output
// layer, trained on
//   'mse'            regression, one output:        (1/n) Σ (o − y)²           (no 1/2 factor)
//   'cross_entropy'  two classes, one logit o:      (1/n) Σ [log(1 + e^o) − y o]
//                    k ≥ 3 classes, k logits:       (1/n) Σ [logsumexp(o) − o_y]
// plus, when weight_decay λ > 0, the L2 penalty (λ/2) Σ w² over every layer's weights and none of the
// biases (the regularized objective of a textbook or of scikit-learn's MLP; its gradient is λ w).
// The penalty is part of the loss the methods see, so it is kept apart from an optimizer's own
// weight_decay (torch.optim's adds λ' w to the gradient of every parameter, biases included, and
// never shows in the loss); both may be on at once and then add up.
//
// Parameter layout: the layers in order, each its weights row-major (out × in, torch's nn.Linear
// weight: unit o's weight on input i at o · in + i) then its out biases.
// Default start (initialParameters): Glorot/Xavier uniform weights U(−√(6/(in + out)), √(6/(in + out)))
// drawn in that order from new Random(seed), zero biases.
//
// One row at a time: forward through the layers keeping every unit's activation, then back, adding
// that row's gradient. The scratch (activations and deltas, one slot per unit) is sized by the
// architecture, not by the batch, so no evaluation allocates.
//
// On 'mse' the loss is a sum of squares (ModelResiduals): rᵢ = (oᵢ − yᵢ)/√n per row, then √(λ/2)·w
// per weight when λ > 0. Row i of the Jacobian is ∂oᵢ/∂θ / √n: one backward pass from the output
// with δ = 1/√n; a penalty residual's row is √(λ/2) at its weight.

/** The hidden units' nonlinearity. */
export type Activation = 'tanh' | 'relu' | 'sigmoid';

/** What the output layer is trained on. */
export type OutputLoss = 'mse' | 'cross_entropy';

/** The most hidden layers, and units per hidden layer, an MLP may have. */
export const MAX_HIDDEN_LAYERS = 4;
export const MAX_HIDDEN_UNITS = 64;

/** An MLP's architecture and loss. */
export interface MlpOptions {
  readonly featureCount: number;
  /** Units per hidden layer, input side first (1–4 layers of 1–64). */
  readonly hidden: readonly number[];
  readonly activation: Activation;
  readonly loss: OutputLoss;
  /** Classes for 'cross_entropy' (2: one logit; k ≥ 3: k logits). Ignored for 'mse'. */
  readonly classCount?: number;
  /** λ of the L2 penalty (λ/2) Σ w² on the weights (not the biases); 0 by default. */
  readonly weightDecay?: number;
}

const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'sigmoid'];

/** A multilayer perceptron with MSE or cross-entropy and an optional L2 penalty on its weights. */
export class Mlp implements Model, ModelResiduals {
  readonly kind = 'mlp';
  readonly featureCount: number;
  readonly outputCount: number;
  readonly parameterCount: number;
  /** Units per layer, input first, output last. */
  readonly widths: readonly number[];
  /** Floats a backward pass keeps per row: every hidden and output unit's activation. */
  readonly activationsPerRow: number;
  readonly activation: Activation;
  readonly outputLoss: OutputLoss;
  readonly weightDecay: number;
  /** Classes for 'cross_entropy', 0 for 'mse'. */
  readonly classCount: number;
  /** Itself on 'mse' (a sum of squares), absent on cross-entropy. */
  readonly leastSquares: ModelResiduals | undefined;
  private readonly logitCount: number;
  /** Weights (not biases): the entries the L2 penalty covers. */
  private readonly weightCount: number;
  /** Per layer l (1 … L + 1): where its weights start; its biases follow at + widths[l] · widths[l − 1]. */
  private readonly weightOffsets: Int32Array;
  /** Per layer l (0 … L + 1): where its units start in the activation and delta scratch. */
  private readonly unitOffsets: Int32Array;
  private readonly activations: Float64Array;
  private readonly deltas: Float64Array;

  constructor(options: MlpOptions) {
    const { featureCount, hidden, activation, loss } = options;
    assertCount(featureCount, 'featureCount');
    if (hidden.length < 1 || hidden.length > MAX_HIDDEN_LAYERS) {
      throw new Error(`an MLP has 1 to ${MAX_HIDDEN_LAYERS} hidden layers, got ${hidden.length}`);
    }
    for (const units of hidden) {
      if (!Number.isInteger(units) || units < 1 || units > MAX_HIDDEN_UNITS) {
        throw new Error(`a hidden layer has 1 to ${MAX_HIDDEN_UNITS} units, got ${units}`);
      }
    }
    if (!ACTIVATIONS.includes(activation)) throw new Error(`unknown activation "${String(activation)}"`);
    const weightDecay = options.weightDecay ?? 0;
    if (!Number.isFinite(weightDecay) || weightDecay < 0) throw new Error(`weight_decay must be ≥ 0, got ${weightDecay}`);
    let classCount = 0;
    if (loss === 'cross_entropy') {
      classCount = options.classCount ?? 2;
      if (!Number.isInteger(classCount) || classCount < 2) throw new Error(`classCount must be an integer ≥ 2, got ${classCount}`);
    } else if (loss !== 'mse') {
      throw new Error(`unknown loss "${String(loss)}"`);
    }
    this.featureCount = featureCount;
    this.activation = activation;
    this.outputLoss = loss;
    this.weightDecay = weightDecay;
    this.classCount = classCount;
    this.logitCount = classCount > 2 ? classCount : 1;
    this.outputCount = this.logitCount;
    this.widths = [featureCount, ...hidden, this.logitCount];

    const layers = this.widths.length - 1;
    this.weightOffsets = new Int32Array(layers + 1);
    this.unitOffsets = new Int32Array(layers + 2);
    let parameterCount = 0;
    let units = 0;
    for (let layer = 1; layer <= layers; layer++) {
      this.weightOffsets[layer] = parameterCount;
      parameterCount += this.widths[layer] * (this.widths[layer - 1] + 1);
      this.unitOffsets[layer] = units;
      units += this.widths[layer];
    }
    this.unitOffsets[layers + 1] = units;
    this.parameterCount = parameterCount;
    this.weightCount = parameterCount - units;
    this.leastSquares = loss === 'mse' ? this : undefined;
    this.activationsPerRow = units;
    this.activations = new Float64Array(units);
    this.deltas = new Float64Array(units);
  }

  initialParameters(seed: number): Float64Array {
    const parameters = new Float64Array(this.parameterCount);
    const random = new Random(seed);
    for (let layer = 1; layer < this.widths.length; layer++) {
      const inputs = this.widths[layer - 1];
      const outputs = this.widths[layer];
      const bound = Math.sqrt(6 / (inputs + outputs));
      const start = this.weightOffsets[layer];
      for (let i = 0; i < outputs * inputs; i++) parameters[start + i] = (2 * random.nextFloat() - 1) * bound;
    }
    return parameters;
  }

  loss(parameters: ArrayLike<number>, features: Float64Array, targets: Float64Array, rows: number): number {
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      this.forward(parameters, features, row);
      sum += this.rowLoss(targets[row], false);
    }
    return sum / rows + this.penalty(parameters);
  }

  lossAndGradient(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    gradient: Float64Array,
  ): number {
    gradient.fill(0, 0, this.parameterCount);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      this.forward(parameters, features, row);
      sum += this.rowLoss(targets[row], true);
      this.backward(parameters, features, row, gradient);
    }
    for (let i = 0; i < this.parameterCount; i++) gradient[i] /= rows;
    if (this.weightDecay > 0) this.addPenaltyGradient(parameters, gradient);
    return sum / rows + this.penalty(parameters);
  }

  residualCount(rows: number): number {
    return rows + (this.weightDecay > 0 ? this.weightCount : 0);
  }

  residualsAndJacobian(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    residuals: Float64Array,
    jacobian: Float64Array,
  ): number {
    if (this.outputLoss !== 'mse') throw new Error('an MLP on cross-entropy is not a least-squares model');
    const size = this.parameterCount;
    const output = this.unitOffsets[this.widths.length - 1];
    const scale = 1 / Math.sqrt(rows);
    const count = this.residualCount(rows);
    jacobian.fill(0, 0, count * size);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      this.forward(parameters, features, row);
      const residual = (this.activations[output] - targets[row]) * scale;
      residuals[row] = residual;
      sum += residual * residual;
      this.deltas[output] = scale;
      this.backward(parameters, features, row, jacobian.subarray(row * size, (row + 1) * size));
    }
    if (this.weightDecay > 0) {
      // (λ/2) w² = (√(λ/2) w)²
      const root = Math.sqrt(0.5 * this.weightDecay);
      let index = rows;
      for (let layer = 1; layer < this.widths.length; layer++) {
        const start = this.weightOffsets[layer];
        const end = start + this.widths[layer] * this.widths[layer - 1];
        for (let i = start; i < end; i++, index++) {
          const residual = root * parameters[i];
          residuals[index] = residual;
          sum += residual * residual;
          jacobian[index * size + i] = root;
        }
      }
    }
    return sum;
  }

  /** Writes the output per row: the value ('mse'), P(y = 1) (two classes), or the k class probabilities. */
  predict(parameters: ArrayLike<number>, features: Float64Array, rows: number, out: Float64Array): void {
    const outputs = this.logitCount;
    const start = this.unitOffsets[this.widths.length - 1];
    for (let row = 0; row < rows; row++) {
      this.forward(parameters, features, row);
      if (this.outputLoss === 'mse') {
        out[row] = this.activations[start];
      } else if (outputs === 1) {
        out[row] = sigmoid(this.activations[start]);
      } else {
        const logSumExp = this.logSumExp(start);
        for (let c = 0; c < outputs; c++) out[row * outputs + c] = Math.exp(this.activations[start + c] - logSumExp);
      }
    }
  }

  /** Fills the activation scratch for row `row`; the output layer's slots hold the logits (no activation). */
  private forward(parameters: ArrayLike<number>, features: Float64Array, row: number): void {
    const widths = this.widths;
    const activations = this.activations;
    const layers = widths.length - 1;
    const activation = this.activation;
    const rowOffset = row * this.featureCount;
    for (let layer = 1; layer <= layers; layer++) {
      const inputs = widths[layer - 1];
      const outputs = widths[layer];
      const weights = this.weightOffsets[layer];
      const biases = weights + outputs * inputs;
      const unitStart = this.unitOffsets[layer];
      const fromFeatures = layer === 1;
      const inputStart = fromFeatures ? rowOffset : this.unitOffsets[layer - 1];
      const source = fromFeatures ? features : activations;
      const hidden = layer < layers;
      for (let o = 0; o < outputs; o++) {
        let z = parameters[biases + o];
        const weightRow = weights + o * inputs;
        for (let i = 0; i < inputs; i++) z += parameters[weightRow + i] * source[inputStart + i];
        // the activation inline: a call here returned a boxed number per unit (a tenth of the time in GC)
        if (!hidden) activations[unitStart + o] = z;
        else if (activation === 'tanh') activations[unitStart + o] = Math.tanh(z);
        else if (activation === 'relu') activations[unitStart + o] = z > 0 ? z : 0;
        else activations[unitStart + o] = sigmoid(z);
      }
    }
  }

  /** The row's loss from the logits; with `withDelta`, also writes ∂loss_row/∂logits into the output deltas. */
  private rowLoss(target: number, withDelta: boolean): number {
    const start = this.unitOffsets[this.widths.length - 1];
    const logits = this.activations;
    const deltas = this.deltas;
    if (this.outputLoss === 'mse') {
      const residual = logits[start] - target;
      if (withDelta) deltas[start] = 2 * residual;
      return residual * residual;
    }
    if (this.logitCount === 1) {
      const logit = logits[start];
      if (withDelta) deltas[start] = sigmoid(logit) - target;
      return softplus(logit) - target * logit;
    }
    const k = this.logitCount;
    const logSumExp = this.logSumExp(start);
    if (withDelta) {
      for (let c = 0; c < k; c++) deltas[start + c] = Math.exp(logits[start + c] - logSumExp) - (c === target ? 1 : 0);
    }
    return logSumExp - logits[start + target];
  }

  /** log Σ_c e^{o_c} over the logits at `start`, shifted by their maximum so that nothing overflows. */
  private logSumExp(start: number): number {
    const logits = this.activations;
    let maximum = -Infinity;
    for (let c = 0; c < this.logitCount; c++) maximum = Math.max(maximum, logits[start + c]);
    let total = 0;
    for (let c = 0; c < this.logitCount; c++) total += Math.exp(logits[start + c] - maximum);
    return maximum + Math.log(total);
  }

  /** Back-propagates the output deltas of row `row` through the layers, adding its gradient. */
  private backward(parameters: ArrayLike<number>, features: Float64Array, row: number, gradient: Float64Array): void {
    const widths = this.widths;
    const activations = this.activations;
    const deltas = this.deltas;
    const rowOffset = row * this.featureCount;
    for (let layer = widths.length - 1; layer >= 1; layer--) {
      const inputs = widths[layer - 1];
      const outputs = widths[layer];
      const weights = this.weightOffsets[layer];
      const biases = weights + outputs * inputs;
      const unitStart = this.unitOffsets[layer];
      const fromFeatures = layer === 1;
      const inputStart = fromFeatures ? rowOffset : this.unitOffsets[layer - 1];
      const source = fromFeatures ? features : activations;
      const propagate = !fromFeatures;
      if (propagate) deltas.fill(0, inputStart, inputStart + inputs);
      // one sweep over W_l: ∇W_l += δ_l a_{l−1}ᵀ and, below the first layer, W_lᵀ δ_l into δ_{l−1}
      for (let o = 0; o < outputs; o++) {
        const delta = deltas[unitStart + o];
        const weightRow = weights + o * inputs;
        gradient[biases + o] += delta;
        if (propagate) {
          for (let i = 0; i < inputs; i++) {
            gradient[weightRow + i] += delta * source[inputStart + i];
            deltas[inputStart + i] += parameters[weightRow + i] * delta;
          }
        } else {
          for (let i = 0; i < inputs; i++) gradient[weightRow + i] += delta * source[inputStart + i];
        }
      }
      if (!propagate) break;
      // δ_{l−1} = (W_lᵀ δ_l) ⊙ act′(a_{l−1}), the derivative from the activation a itself
      const activation = this.activation;
      for (let i = 0; i < inputs; i++) {
        const a = activations[inputStart + i];
        if (activation === 'tanh') deltas[inputStart + i] *= 1 - a * a;
        else if (activation === 'relu') deltas[inputStart + i] *= a > 0 ? 1 : 0; // ReLU′(0) = 0, as torch's
        else deltas[inputStart + i] *= a * (1 - a);
      }
    }
  }

  /** (λ/2) Σ w² over the weights. */
  private penalty(parameters: ArrayLike<number>): number {
    if (this.weightDecay === 0) return 0;
    let sum = 0;
    for (let layer = 1; layer < this.widths.length; layer++) {
      const start = this.weightOffsets[layer];
      const end = start + this.widths[layer] * this.widths[layer - 1];
      for (let i = start; i < end; i++) sum += parameters[i] * parameters[i];
    }
    return 0.5 * this.weightDecay * sum;
  }

  private addPenaltyGradient(parameters: ArrayLike<number>, gradient: Float64Array): void {
    for (let layer = 1; layer < this.widths.length; layer++) {
      const start = this.weightOffsets[layer];
      const end = start + this.widths[layer] * this.widths[layer - 1];
      for (let i = start; i < end; i++) gradient[i] += this.weightDecay * parameters[i];
    }
  }
}
