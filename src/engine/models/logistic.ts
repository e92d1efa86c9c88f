import { addAugmentedOuter, affine, assertCount, mirrorUpperScaled } from './dense';
import { type Model, sigmoid, softplus } from './model';

// Logistic regression: P(y = 1 | x) = σ(z) with the logit z = w · x + b; loss the mean binary
// cross-entropy (1/n) Σ [log(1 + e^z) − y z], which is −y log σ(z) − (1 − y) log(1 − σ(z)) written
// so that it neither overflows nor loses digits (torch's binary_cross_entropy_with_logits, scikit-
// learn's log_loss on the probabilities). Parameters: the d weights in feature order, then the bias.
//   ∇ = (1/n) Σ (σ(z) − y) [x; 1]
//   H = (1/n) Σ σ(z)(1 − σ(z)) [x; 1][x; 1]ᵀ      (Newton on this loss is IRLS)

/** Logistic regression with the mean binary cross-entropy; parameters: weights, then the bias. */
export class LogisticRegression implements Model {
  readonly kind = 'logistic';
  readonly outputCount = 1;
  readonly parameterCount: number;

  constructor(readonly featureCount: number) {
    assertCount(featureCount, 'featureCount');
    this.parameterCount = featureCount + 1;
  }

  initialParameters(): Float64Array {
    return new Float64Array(this.parameterCount);
  }

  loss(parameters: ArrayLike<number>, features: Float64Array, targets: Float64Array, rows: number): number {
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const logit = affine(parameters, features, row, this.featureCount);
      sum += softplus(logit) - targets[row] * logit;
    }
    return sum / rows;
  }

  lossAndGradient(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    gradient: Float64Array,
  ): number {
    const d = this.featureCount;
    gradient.fill(0, 0, this.parameterCount);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const logit = affine(parameters, features, row, d);
      sum += softplus(logit) - targets[row] * logit;
      const error = sigmoid(logit) - targets[row];
      const offset = row * d;
      for (let j = 0; j < d; j++) gradient[j] += error * features[offset + j];
      gradient[d] += error;
    }
    for (let i = 0; i < this.parameterCount; i++) gradient[i] /= rows;
    return sum / rows;
  }

  hessian(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    hessian: Float64Array,
  ): number {
    const d = this.featureCount;
    const size = this.parameterCount;
    hessian.fill(0, 0, size * size);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const logit = affine(parameters, features, row, d);
      sum += softplus(logit) - targets[row] * logit;
      const probability = sigmoid(logit);
      addAugmentedOuter(features, row, d, probability * (1 - probability), hessian);
    }
    mirrorUpperScaled(hessian, size, 1 / rows);
    return sum / rows;
  }

  /** Writes P(y = 1 | x) per row. */
  predict(parameters: ArrayLike<number>, features: Float64Array, rows: number, out: Float64Array): void {
    for (let row = 0; row < rows; row++) out[row] = sigmoid(affine(parameters, features, row, this.featureCount));
  }
}
