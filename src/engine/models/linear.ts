import { SingleLogitModel } from './single-logit';

// Linear regression: prediction w · x + b, loss the mean squared error (1/n) Σ (w · x + b − y)², with
// no 1/2 factor (scikit-learn's mean_squared_error, torch's MSELoss). Parameters: the d weights in
// feature order, then the bias.
//   ∇ = (2/n) Σ r · [x; 1]         with the residual r = w · x + b − y
//   H = (2/n) Σ [x; 1][x; 1]ᵀ      (constant: least squares' normal matrix)

/** Linear regression with the mean squared error (no 1/2 factor); parameters: weights, then the bias. */
export class LinearRegression extends SingleLogitModel {
  readonly kind = 'linear';

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
