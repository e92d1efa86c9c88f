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
}

/** A plotting domain [[xMin, xMax], [yMin, yMax]]. */
export type Domain = readonly [readonly [number, number], readonly [number, number]];

/** A known global minimum of a problem: its point (one coordinate per dimension) and f there. */
export interface KnownMinimum {
  readonly point: readonly number[];
  readonly value: number;
}
