import { addAugmentedOuter, affine, assertCount, mirrorUpperScaled } from './dense';
import type { Model, ModelKind } from './model';

// The models with one logit z = w · x + b per row and a loss that is a mean of per-row terms ℓ(z, y):
// linear regression (ℓ = (z − y)²) and logistic regression (ℓ = log(1 + e^z) − y z). Parameters: the
// d weights in feature order, then the bias. With [x; 1] the row augmented by the bias's input,
//   loss = (1/n) Σ ℓ(z, y)
//   ∇    = (1/n) Σ ℓ'(z, y) [x; 1]
//   H    = (1/n) Σ ℓ''(z, y) [x; 1][x; 1]ᵀ
// so a model states only ℓ, ℓ', ℓ'' and what it predicts from z.

/** A model with one logit w · x + b per row and a mean per-row loss; subclasses give the loss's shape. */
export abstract class SingleLogitModel implements Model {
  abstract readonly kind: ModelKind;
  readonly outputCount = 1;
  readonly parameterCount: number;

  constructor(readonly featureCount: number) {
    assertCount(featureCount, 'featureCount');
    this.parameterCount = featureCount + 1;
  }

  /** ℓ(z, y): the row's loss at logit z. */
  protected abstract lossTerm(logit: number, target: number): number;
  /** ∂ℓ/∂z. */
  protected abstract lossSlope(logit: number, target: number): number;
  /** ∂²ℓ/∂z². */
  protected abstract lossCurvature(logit: number, target: number): number;
  /** What the model predicts from the logit. */
  protected abstract output(logit: number): number;

  /** Zeros: the linear models start at the origin. */
  initialParameters(): Float64Array {
    return new Float64Array(this.parameterCount);
  }

  loss(parameters: ArrayLike<number>, features: Float64Array, targets: Float64Array, rows: number): number {
    let sum = 0;
    for (let row = 0; row < rows; row++) sum += this.lossTerm(affine(parameters, features, row, this.featureCount), targets[row]);
    return sum / rows;
  }

  lossAndGradient(parameters: ArrayLike<number>, features: Float64Array, targets: Float64Array, rows: number, gradient: Float64Array): number {
    const d = this.featureCount;
    gradient.fill(0, 0, this.parameterCount);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const logit = affine(parameters, features, row, d);
      sum += this.lossTerm(logit, targets[row]);
      const slope = this.lossSlope(logit, targets[row]);
      const offset = row * d;
      for (let j = 0; j < d; j++) gradient[j] += slope * features[offset + j];
      gradient[d] += slope;
    }
    for (let i = 0; i < this.parameterCount; i++) gradient[i] /= rows;
    return sum / rows;
  }

  hessian(parameters: ArrayLike<number>, features: Float64Array, targets: Float64Array, rows: number, hessian: Float64Array): number {
    const d = this.featureCount;
    const size = this.parameterCount;
    hessian.fill(0, 0, size * size);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const logit = affine(parameters, features, row, d);
      sum += this.lossTerm(logit, targets[row]);
      addAugmentedOuter(features, row, d, this.lossCurvature(logit, targets[row]), hessian);
    }
    mirrorUpperScaled(hessian, size, 1 / rows);
    return sum / rows;
  }

  predict(parameters: ArrayLike<number>, features: Float64Array, rows: number, out: Float64Array): void {
    for (let row = 0; row < rows; row++) out[row] = this.output(affine(parameters, features, row, this.featureCount));
  }
}
