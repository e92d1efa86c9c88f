// What the map draws of a method's state after a step: the simplex, the population and its search
// ellipse, the proposals and the temperature, the probe pair, the line-search trials, Newton's
// model minimiser. Plain data (typed arrays, numbers): it crosses the worker boundary as it is.
// Points are flattened, `dimension` numbers each, in the run's coordinates.

/** A method's state at one trajectory point, for drawing and inspecting; every field is optional. */
export interface MethodSnapshot {
  /** Nelder-Mead's simplex: (n + 1) vertices, best first. */
  readonly simplex?: Float64Array;
  /** PSO's swarm, DE's population, CMA-ES's sampled generation: the members evaluated this step. */
  readonly population?: Float64Array;
  /** A Gaussian search distribution (CMA-ES, (1+1)-ES): mean, step size σ and covariance C (n × n, row-major); the ellipses are mean + kσ·C^½. */
  readonly distribution?: { readonly mean: Float64Array; readonly sigma: number; readonly covariance: Float64Array };
  /** Points proposed this step (simulated annealing, random search, (1+1)-ES), with `accepted[i]` 1 where proposal i was taken. */
  readonly proposals?: Float64Array;
  readonly accepted?: Uint8Array;
  /** Simulated annealing's temperature at this step. */
  readonly temperature?: number;
  /** A zeroth-order estimate's probe points (x + cΔ and x − cΔ, pairs in order) and the unit direction of the first pair. */
  readonly probes?: Float64Array;
  readonly direction?: Float64Array;
  /** The points a line search tried during this step, in the order tried. */
  readonly trials?: Float64Array;
  /** Newton: the minimiser of the local quadratic model at the previous iterate, and the shift μ added to the Hessian's diagonal (0 when positive definite). */
  readonly modelMinimizer?: Float64Array;
  readonly shift?: number;
  /** Powell's and CG's current search direction, and the like. */
  readonly searchDirection?: Float64Array;
  /** Powell's direction set: n directions of `dimension` numbers each, in the order searched. */
  readonly directions?: Float64Array;
}
