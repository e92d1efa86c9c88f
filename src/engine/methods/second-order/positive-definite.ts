import { JACOBI_MAX_DIMENSION, largestEigenvalue, symmetricEigenvalues } from '../../diagnosis/eigenvalues';

// Making a Hessian positive definite for a Newton step (Nocedal & Wright, Numerical Optimization,
// 2nd ed., §3.4, "modified Newton"): add μI with the smallest μ ≥ 0 that lifts every eigenvalue to
// at least δ, μ = max(0, δ − λmin(H)), then solve (H + μI)p = −∇f by Cholesky. Where λmin is only
// estimated (past JACOBI_MAX_DIMENSION) or rounding defeats the factorisation, the shift is doubled
// until Cholesky succeeds, as in their Algorithm 3.3.

/** Cholesky tries before giving up (each doubles the shift; 2^64 covers any finite Hessian). */
const MAX_FACTORISATIONS = 64;

/** The smallest μ ≥ 0 with λmin(H + μI) ≥ δ: μ = max(0, δ − λmin(H)); NaN when H is not finite. */
export function positiveDefiniteShift(hessian: ArrayLike<number>, dimension: number, minEigenvalue: number): number {
  const smallest =
    dimension <= JACOBI_MAX_DIMENSION
      ? symmetricEigenvalues(hessian, dimension)[0]
      : // λmin(H) = −λmax(−H), by power iteration: an estimate, which the Cholesky retries make safe
        -largestEigenvalue(Float64Array.from(hessian, (entry) => -entry), dimension);
  if (Number.isNaN(smallest)) return NaN;
  return Math.max(0, minEigenvalue - smallest);
}

/**
 * Writes the lower Cholesky factor L of H + μI (row-major, LLᵀ = H + μI; the upper triangle of
 * `hessian` is read) into `factor`; false when a pivot is not positive (the matrix is not
 * positive definite, or not finite).
 */
export function choleskyFactor(hessian: ArrayLike<number>, dimension: number, shift: number, factor: Float64Array): boolean {
  const n = dimension;
  for (let j = 0; j < n; j++) {
    let pivot = hessian[j * n + j] + shift;
    for (let k = 0; k < j; k++) pivot -= factor[j * n + k] * factor[j * n + k];
    if (!(pivot > 0)) return false;
    const diagonal = Math.sqrt(pivot);
    factor[j * n + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      // H[i][j] read from the upper triangle as H[j][i]
      let sum = hessian[j * n + i];
      for (let k = 0; k < j; k++) sum -= factor[i * n + k] * factor[j * n + k];
      factor[i * n + j] = sum / diagonal;
    }
    for (let i = 0; i < j; i++) factor[i * n + j] = 0;
  }
  return true;
}

/** Solves LLᵀx = b for x (forward then back substitution); `out` may be `rightHandSide`. */
export function choleskySolve(factor: Float64Array, dimension: number, rightHandSide: ArrayLike<number>, out: Float64Array): void {
  const n = dimension;
  for (let i = 0; i < n; i++) {
    let sum = rightHandSide[i];
    for (let k = 0; k < i; k++) sum -= factor[i * n + k] * out[k];
    out[i] = sum / factor[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = out[i];
    for (let k = i + 1; k < n; k++) sum -= factor[k * n + i] * out[k];
    out[i] = sum / factor[i * n + i];
  }
}

/**
 * Factors H + μI with μ = positiveDefiniteShift(H, δ), doubling μ (from at least δ) while Cholesky
 * fails; returns the μ used, or NaN when H is not finite.
 */
export function shiftedCholesky(hessian: ArrayLike<number>, dimension: number, minEigenvalue: number, factor: Float64Array): number {
  let shift = positiveDefiniteShift(hessian, dimension, minEigenvalue);
  for (let attempt = 0; attempt < MAX_FACTORISATIONS && Number.isFinite(shift); attempt++) {
    if (choleskyFactor(hessian, dimension, shift, factor)) return shift;
    shift = Math.max(2 * shift, minEigenvalue);
  }
  return NaN;
}
