import { affine } from './dense';
import type { ModelResiduals } from './model';
import { SingleLogitModel } from './single-logit';

// Linear regression: prediction w · x + b, loss the mean squared error (1/n) Σ (w · x + b − y)², with
// no 1/2 factor (scikit-learn's mean_squared_error, torch's MSELoss). Parameters: the d weights in
// feature order, then the bias.
//   ∇ = (2/n) Σ r · [x; 1]         with the residual r = w · x + b − y
//   H = (2/n) Σ [x; 1][x; 1]ᵀ      (constant: least squares' normal matrix)
// As least squares: rᵢ = (w · xᵢ + b − yᵢ)/√n, Jacobian row i = [xᵢ; 1]/√n (the design matrix, scaled).

/** Linear regression with the mean squared error (no 1/2 factor); parameters: weights, then the bias. */
export class LinearRegression extends SingleLogitModel implements ModelResiduals {
  readonly kind = 'linear';
  readonly leastSquares: ModelResiduals = this;

  residualCount(rows: number): number {
    return rows;
  }

  residualsAndJacobian(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    residuals: Float64Array,
    jacobian: Float64Array,
  ): number {
    const d = this.featureCount;
    const size = this.parameterCount;
    const scale = 1 / Math.sqrt(rows);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const residual = (affine(parameters, features, row, d) - targets[row]) * scale;
      residuals[row] = residual;
      sum += residual * residual;
      for (let j = 0; j < d; j++) jacobian[row * size + j] = features[row * d + j] * scale;
      jacobian[row * size + d] = scale;
    }
    return sum;
  }

  protected lossTerm(prediction: number, target: number): number {
    const residual = prediction - target;
    return residual * residual;
  }

  protected lossSlope(prediction: number, target: number): number {
    return 2 * (prediction - target);
  }

  protected lossCurvature(): number {
    return 2;
  }

  protected output(prediction: number): number {
    return prediction;
  }
}
