import type { Objective } from './objective';
import { Random } from './random';

/** How a run's gradients are perturbed: σ of the Gaussian noise added to each component, and its seed. */
export interface GradientNoise {
  readonly standardDeviation: number;
  /** uint32 seed of the noise stream (deriveSeed(experiment seed, run index) for run i). */
  readonly seed: number;
}

/**
 * Counted access to an objective: the one way a method reaches f, ∇f and ∇²f, so the counts a run
 * reports are the evaluations it made, and the best f is the lowest of every f evaluated, not just
 * of the points recorded. With gradient noise, each gradient gets σ·N(0, 1) added per component
 * from one seeded stream (stochastic gradients, as SGD on minibatches would see); f stays exact.
 */
export class Oracle {
  readonly dimension: number;
  /**
   * True when f and ∇f are over a mini-batch that the runner changes before each step: a method
   * must then evaluate ∇f at a step's point during that step (the first-order adapter does so lazily).
   */
  readonly sampled: boolean;
  /** Residuals r of a least-squares objective (f = Σ rᵢ²), 0 when the objective has none. */
  readonly residualCount: number;
  private readonly objective: Objective;
  private readonly noise: number;
  private readonly random: Random | null;
  // plain fields, not an object of counts: they are bumped millions of times a second
  private functionCount = 0;
  private gradientCount = 0;
  private hessianCount = 0;
  private best = NaN;

  constructor(objective: Objective, noise?: GradientNoise) {
    this.objective = objective;
    this.dimension = objective.dimension;
    this.sampled = objective.miniBatches !== undefined;
    this.residualCount = objective.leastSquares?.residualCount ?? 0;
    this.noise = noise?.standardDeviation ?? 0;
    this.random = this.noise > 0 ? new Random(noise?.seed ?? 0) : null;
  }

  /** f(point). */
  value(point: ArrayLike<number>): number {
    return this.seen(this.objective.value(point));
  }

  /** Writes ∇f(point) (noised, with gradient noise) into `gradient` and returns f(point). */
  valueAndGradient(point: ArrayLike<number>, gradient: Float64Array): number {
    const value = this.objective.valueAndGradient(point, gradient);
    this.gradientCount++;
    if (this.random !== null) {
      for (let i = 0; i < this.dimension; i++) gradient[i] += this.noise * this.random.nextGaussian();
    }
    return this.seen(value);
  }

  /** Writes ∇²f(point), row-major dimension × dimension, into `hessian`. */
  hessian(point: ArrayLike<number>, hessian: Float64Array): void {
    this.hessianCount++;
    this.objective.hessian(point, hessian);
  }

  /**
   * Writes the residuals r(point) and their Jacobian (row-major residualCount × dimension) and returns
   * f(point) = Σ rᵢ². Counted as one function and one gradient evaluation: J holds what ∇f = 2Jᵀr is
   * made of and costs one backward pass per row, as ∇f does. Gradient noise does not touch J.
   */
  residualsAndJacobian(point: ArrayLike<number>, residuals: Float64Array, jacobian: Float64Array): number {
    const leastSquares = this.objective.leastSquares;
    if (leastSquares === undefined) throw new Error('this problem is not a least-squares problem: it has no residuals');
    const value = leastSquares.residualsAndJacobian(point, residuals, jacobian);
    this.gradientCount++;
    return this.seen(value);
  }

  /** Function evaluations so far. */
  get functionEvaluations(): number {
    return this.functionCount;
  }

  /** Gradient evaluations so far. */
  get gradientEvaluations(): number {
    return this.gradientCount;
  }

  /** Hessian evaluations so far. */
  get hessianEvaluations(): number {
    return this.hessianCount;
  }

  /** The lowest finite f evaluated so far (compared with <, from the first evaluation; NaN before any). */
  get bestValue(): number {
    return this.best;
  }

  private seen(value: number): number {
    // an infinite f is divergence, not progress: it never becomes the best
    if (this.functionCount === 0 || (value < this.best && value !== -Infinity)) this.best = value;
    this.functionCount++;
    return value;
  }
}
