/** A point in parameter space (x, y for the 2-D surfaces; model weights later). */
export type Point = Float64Array;

/** A twice-differentiable loss f: R^dimension -> R, evaluated in float64. */
export interface Objective {
  readonly dimension: number;
  /** f(point). May return NaN or ±Infinity (log of a negative, overflow): the caller treats that as divergence. */
  value(point: ArrayLike<number>): number;
  /** Writes ∇f(point) into `gradient` and returns f(point). */
  valueAndGradient(point: ArrayLike<number>, gradient: Float64Array): number;
  /** Writes the Hessian ∇²f(point), row-major dimension × dimension, into `hessian`. */
  hessian(point: ArrayLike<number>, hessian: Float64Array): void;
  /**
   * An instance of its own for one run, given the run's data seed: objectives with state (a model's
   * scratch buffers, a mini-batch shuffle) give each run its own; stateless ones leave this out.
   */
  forRun?(seed: number): Objective;
  /** Present when f and ∇f are over a mini-batch of data that changes from step to step. */
  readonly miniBatches?: MiniBatches;
  /** Present when f is a sum of squared residuals (linear regression, an MLP on mean squared error, full batch). */
  readonly leastSquares?: LeastSquares;
}

/**
 * A least-squares objective's residuals: f(x) = Σᵢ rᵢ(x)² = ‖r(x)‖² with r: R^dimension → R^residualCount,
 * exactly (no 1/2 factor; a mean squared error over n rows has rᵢ = (predictionᵢ − yᵢ)/√n). Its
 * Jacobian J = ∂r/∂x gives ∇f = 2Jᵀr and the Gauss-Newton Hessian 2JᵀJ: what Gauss-Newton,
 * Levenberg-Marquardt and the one-step least_squares solve use.
 */
export interface LeastSquares {
  /** m, the number of residuals. */
  readonly residualCount: number;
  /** Writes r(point) into `residuals` and J, row-major residualCount × dimension, into `jacobian`; returns f = Σ rᵢ². */
  residualsAndJacobian(point: ArrayLike<number>, residuals: Float64Array, jacobian: Float64Array): number;
}

/**
 * An objective's mini-batches: the runner selects step k's batch before step k (so every evaluation
 * of one step sees the same rows) and records the loss over all the data, which no method is charged for.
 */
export interface MiniBatches {
  readonly batchSize: number;
  readonly batchesPerEpoch: number;
  /** Makes f and ∇f those of step `step`'s batch; steps come in order from 0. */
  selectBatch(step: number): void;
  /** f over all the training rows, uncounted: what a run records at each point. */
  fullValue(point: ArrayLike<number>): number;
}

/** A plotting domain [[xMin, xMax], [yMin, yMax]]. */
export type Domain = readonly [readonly [number, number], readonly [number, number]];

/** A known global minimum of a problem: its point (one coordinate per dimension) and f there. */
export interface KnownMinimum {
  readonly point: readonly number[];
  readonly value: number;
}
