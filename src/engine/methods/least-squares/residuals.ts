import type { Oracle } from '../../oracle';
import type { MethodNeeds } from '../method';

// What the least-squares methods share: their needs, the refusal on a problem without residuals,
// the buffers of r and J, and the stopping tests of scipy.optimize.least_squares.

/** f, and r with its Jacobian (∇f = 2Jᵀr comes with them). */
export const LEAST_SQUARES_NEEDS: MethodNeeds = { value: true, gradient: true, hessian: false, residuals: true };

/** Why a method that needs residuals cannot run on a problem that has none. */
export function noResidualsMessage(methodId: string): string {
  return `${methodId} needs a least-squares problem (f = Σ rᵢ²): linear regression or an MLP on mean squared error, full batch`;
}

/** The residuals r (m) and Jacobian J (m × n, row-major) at the current point, and ∇f = 2Jᵀr. */
export class ResidualState {
  readonly residualCount: number;
  readonly dimension: number;
  readonly residuals: Float64Array;
  readonly jacobian: Float64Array;
  readonly gradient: Float64Array;
  value = NaN;

  /** Throws, naming the method, when the oracle's problem has no residuals. */
  constructor(oracle: Oracle, methodId: string) {
    if (oracle.residualCount === 0) throw new Error(noResidualsMessage(methodId));
    this.residualCount = oracle.residualCount;
    this.dimension = oracle.dimension;
    this.residuals = new Float64Array(this.residualCount);
    this.jacobian = new Float64Array(this.residualCount * this.dimension);
    this.gradient = new Float64Array(this.dimension);
  }

  /** Evaluates r, J (one f and one ∇f in the counts) and ∇f = 2Jᵀr at `point`; returns f. */
  evaluate(oracle: Oracle, point: ArrayLike<number>): number {
    this.value = oracle.residualsAndJacobian(point, this.residuals, this.jacobian);
    const { residualCount: m, dimension: n, residuals, jacobian, gradient } = this;
    gradient.fill(0);
    for (let i = 0; i < m; i++) {
      const twice = 2 * residuals[i];
      for (let j = 0; j < n; j++) gradient[j] += twice * jacobian[i * n + j];
    }
    return this.value;
  }

  /** max |∂f/∂xⱼ|. */
  largestGradient(): number {
    let largest = 0;
    for (let j = 0; j < this.dimension; j++) largest = Math.max(largest, Math.abs(this.gradient[j]));
    return largest;
  }
}

/**
 * scipy.optimize.least_squares's termination tests on the step just taken (ftol, xtol, gtol; 0
 * turns one off), in its words: the relative change of f, the step against ‖x‖, and max |∂f/∂xⱼ|.
 */
export function leastSquaresStop(
  tolerances: { readonly ftol: number; readonly xtol: number; readonly gtol: number },
  before: number,
  after: number,
  stepNorm: number,
  pointNorm: number,
  largestGradient: number,
): string | null {
  if (tolerances.gtol > 0 && largestGradient <= tolerances.gtol) return 'max |∂f/∂xᵢ| ≤ gtol';
  if (tolerances.ftol > 0 && Math.abs(before - after) <= tolerances.ftol * before) return '|Δf| ≤ ftol · f';
  if (tolerances.xtol > 0 && stepNorm <= tolerances.xtol * (tolerances.xtol + pointNorm)) return '‖Δx‖ ≤ xtol · (xtol + ‖x‖)';
  return null;
}

/** The Euclidean norm of the first `length` entries. */
export function norm(vector: ArrayLike<number>, length = vector.length): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += vector[i] * vector[i];
  return Math.sqrt(sum);
}
