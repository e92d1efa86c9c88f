// What the step inspector shows of a method at one step: its state in named quantities (the
// velocity, the moments, the simplex, σ and C, the L-BFGS history, the temperature), and the latest
// step told sub-step by sub-step with its numbers. Plain data: it crosses the worker boundary as is.

/** One named part of a method's state after a step. */
export interface StateQuantity {
  /** The math's name in code, stable (tests, the CLI and the map's glyphs read it): 'firstMoment', 'velocity', 'sigma'. */
  readonly name: string;
  /** In plain words for the inspector: 'first moment m (running mean of the gradients)'. */
  readonly label: string;
  /** The symbol as LaTeX: 'm_t'. */
  readonly symbol: string;
  /** A number, or a vector (dimension numbers) or a matrix flattened row-major. */
  readonly value: number | Float64Array;
  /** Rows × columns of a matrix (covariance n × n, simplex (n + 1) × n); absent for numbers and vectors. */
  readonly shape?: readonly [number, number];
}

/** One sub-step of an update, told with its numbers. */
export interface NarratedSubstep {
  /** One sentence in plain words with the numbers: "velocity decays by 0.9 to (0.12, −0.3), then adds the gradient (0.01, 0.03)". */
  readonly sentence: string;
  /** The sub-step's rule as LaTeX with the current values substituted: "v_t = 0.9\,(0.13, -0.33) + (0.01, 0.03) = (0.14, -0.3)". */
  readonly rule: string;
}

/** A method's state after its latest start() or step(), and that step told sub-step by sub-step. */
export interface MethodInspection {
  readonly state: readonly StateQuantity[];
  /** Empty after start(). */
  readonly narration: readonly NarratedSubstep[];
}
