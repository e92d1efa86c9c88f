import { addAugmentedOuter, affine, assertCount, mirrorUpperScaled } from './dense';
import type { Model } from './model';

// Linear regression: prediction w · x + b, loss the mean squared error (1/n) Σ (w · x + b − y)², with
// no 1/2 factor (scikit-learn's mean_squared_error, torch's MSELoss). Parameters: the d weights in
// feature order, then the bias.
//   ∇ = (2/n) Σ r · [x; 1]         with the residual r = w · x + b − y
//   H = (2/n) Σ [x; 1][x; 1]ᵀ      (constant: least squares' normal matrix)

/** Linear regression with the mean squared error (no 1/2 factor); parameters: weights, then the bias. */
export class LinearRegression implements Model {
  readonly kind = 'linear';
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
      const residual = affine(parameters, features, row, this.featureCount) - targets[row];
      sum += residual * residual;
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
      const residual = affine(parameters, features, row, d) - targets[row];
      sum += residual * residual;
      const offset = row * d;
      for (let j = 0; j < d; j++) gradient[j] += residual * features[offset + j];
      gradient[d] += residual;
    }
    const scale = 2 / rows;
    for (let i = 0; i < this.parameterCount; i++) gradient[i] *= scale;
    return sum / rows;
  }

  hessian(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    hessian: Float64Array,
  ): number {
    const size = this.parameterCount;
    hessian.fill(0, 0, size * size);
    for (let row = 0; row < rows; row++) addAugmentedOuter(features, row, this.featureCount, 1, hessian);
    mirrorUpperScaled(hessian, size, 2 / rows);
    return this.loss(parameters, features, targets, rows);
  }

  predict(parameters: ArrayLike<number>, features: Float64Array, rows: number, out: Float64Array): void {
    for (let row = 0; row < rows; row++) out[row] = affine(parameters, features, row, this.featureCount);
  }
}
