// The contract every model that fits data obeys. A model is a differentiable map from a flat float64
// parameter vector to a mean loss over rows of data; the data problem wraps it into an Objective and
// the methods never see more than that vector. Evaluation is allocation-free: each instance owns its
// scratch buffers, so one instance must not be shared by two runs evaluating at the same time.
//
// Data layout, for every model:
//   features  row-major, rows × featureCount (row r's feature j at r · featureCount + j)
//   targets   one number per row: the value (regression), 0 or 1 (binary; any p ∈ [0, 1] works as a
//             soft label), or the class index 0 … k − 1 (k classes)
//   rows      how many leading rows to use, so a mini-batch is gathered into a buffer and passed as-is

/** The model families the playground fits. */
export type ModelKind = 'linear' | 'logistic' | 'softmax' | 'mlp';

/** A model with its loss over a flat parameter vector (layouts in each model's file). */
export interface Model {
  readonly kind: ModelKind;
  /** Inputs per row. */
  readonly featureCount: number;
  /** Numbers `predict` writes per row (1, or k class probabilities). */
  readonly outputCount: number;
  /** Length of the parameter vector. */
  readonly parameterCount: number;
  /** The seeded default start: zeros for linear models, Glorot-uniform weights and zero biases for an MLP. */
  initialParameters(seed: number): Float64Array;
  /** The mean loss over the first `rows` rows. */
  loss(parameters: ArrayLike<number>, features: Float64Array, targets: Float64Array, rows: number): number;
  /** Writes the gradient of the mean loss into `gradient` (parameterCount long) and returns the loss. */
  lossAndGradient(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    gradient: Float64Array,
  ): number;
  /**
   * Writes the Hessian of the mean loss, row-major parameterCount × parameterCount, into `hessian` and
   * returns the loss. Linear, logistic and softmax regression have it (Newton, IRLS); an MLP does not.
   */
  hessian?(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    hessian: Float64Array,
  ): number;
  /** Writes the model's outputs for the first `rows` rows into `out` (rows × outputCount, row-major). */
  predict(parameters: ArrayLike<number>, features: Float64Array, rows: number, out: Float64Array): void;
  /** Present when the loss is a sum of squares (linear regression, an MLP on 'mse'): its residuals and Jacobian. */
  readonly leastSquares?: ModelResiduals;
}

/**
 * A loss that is a sum of squared residuals, exactly: the mean squared error over n rows is Σ rᵢ²
 * with rᵢ = (predictionᵢ − yᵢ)/√n, and an L2 penalty (λ/2) Σ w² adds a residual √(λ/2)·w per weight.
 * Gauss-Newton, Levenberg-Marquardt and least_squares work on r and its Jacobian J = ∂r/∂parameters.
 */
export interface ModelResiduals {
  /** Residuals over the first `rows` rows (rows, plus one per penalized weight). */
  residualCount(rows: number): number;
  /**
   * Writes r into `residuals` and J, row-major residualCount(rows) × parameterCount, into `jacobian`;
   * returns Σ rᵢ², the loss.
   */
  residualsAndJacobian(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    residuals: Float64Array,
    jacobian: Float64Array,
  ): number;
}

/** log(1 + e^z) without overflow for large z or lost digits for very negative z. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** The logistic function 1 / (1 + e^−z), evaluated so that neither branch overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const exponential = Math.exp(z);
  return exponential / (1 + exponential);
}
