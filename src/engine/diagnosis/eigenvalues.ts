// Eigenvalues of a symmetric matrix (a Hessian), for the stability bound 2/λmax. Two dimensions in
// closed form; up to JACOBI_MAX_DIMENSION every eigenvalue by cyclic Jacobi rotations; beyond that
// only the largest, by power iteration on a shifted matrix (the n-D surfaces go up to 1,000).
import { symmetricEigen } from '../symmetric-eigen';

/** Above this dimension only λmax is computed (power iteration): Jacobi costs O(n³) per sweep. */
export const JACOBI_MAX_DIMENSION = 64;

/** Multiply-adds power iteration may spend (its iterations cost n² each): ~50 iterations at n = 1,000. */
const POWER_ITERATION_WORK = 5e7;
/** Power iteration stops when the Rayleigh quotient moves by less than this, relative to the shift. */
const POWER_TOLERANCE = 1e-10;

/**
 * Every eigenvalue of the symmetric `dimension` × `dimension` matrix `matrix` (row-major; only its
 * upper triangle is read), in ascending order.
 */
export function symmetricEigenvalues(matrix: ArrayLike<number>, dimension: number): Float64Array {
  if (dimension === 1) return Float64Array.of(matrix[0]);
  if (dimension === 2) {
    // λ = (a + d)/2 ± √(((a − d)/2)² + b²); hypot keeps the root accurate when b dominates
    const [a, b, d] = [matrix[0], matrix[1], matrix[3]];
    const mean = (a + d) / 2;
    const radius = Math.hypot((a - d) / 2, b);
    return Float64Array.of(mean - radius, mean + radius);
  }
  return jacobiEigenvalues(matrix, dimension);
}

/** The largest (most positive) eigenvalue λmax of a symmetric matrix (row-major, upper triangle read). */
export function largestEigenvalue(matrix: ArrayLike<number>, dimension: number): number {
  if (dimension <= JACOBI_MAX_DIMENSION) {
    const values = symmetricEigenvalues(matrix, dimension);
    return values[values.length - 1];
  }
  return shiftedPowerIteration(matrix, dimension);
}

/** Every eigenvalue by cyclic Jacobi (symmetric-eigen.ts), the matrix read from its upper triangle. */
function jacobiEigenvalues(matrix: ArrayLike<number>, n: number): Float64Array {
  const upper = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      upper[i * n + j] = matrix[i * n + j];
      upper[j * n + i] = matrix[i * n + j];
    }
  }
  return symmetricEigen(upper, n).values.sort();
}

/**
 * λmax by power iteration on A + cI, where c (from Gershgorin's discs) makes every eigenvalue of the
 * shifted matrix ≥ 0, so the dominant one is λmax + c, never the most negative eigenvalue.
 */
function shiftedPowerIteration(matrix: ArrayLike<number>, n: number): number {
  const at = (i: number, j: number) => (i <= j ? matrix[i * n + j] : matrix[j * n + i]);
  let shift = 0;
  for (let i = 0; i < n; i++) {
    let radius = 0;
    for (let j = 0; j < n; j++) if (j !== i) radius += Math.abs(at(i, j));
    shift = Math.max(shift, radius - at(i, i));
  }
  if (!Number.isFinite(shift)) return NaN;
  // a start vector with no special structure, so that it is not orthogonal to the top eigenvector
  let vector = new Float64Array(n);
  for (let i = 0; i < n; i++) vector[i] = 1 + ((i * 0.618034) % 1);
  normalise(vector);
  let next = new Float64Array(n);
  let estimate = NaN;
  const maxIterations = Math.max(50, Math.floor(POWER_ITERATION_WORK / (n * n)));
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    for (let i = 0; i < n; i++) {
      let sum = shift * vector[i];
      for (let j = 0; j < n; j++) sum += at(i, j) * vector[j];
      next[i] = sum;
    }
    // Rayleigh quotient vᵀ(A + cI)v of the unit vector v
    let quotient = 0;
    for (let i = 0; i < n; i++) quotient += vector[i] * next[i];
    if (normalise(next) === 0) return -shift;
    [vector, next] = [next, vector];
    const settled = Math.abs(quotient - estimate) <= POWER_TOLERANCE * Math.max(1, Math.abs(quotient));
    estimate = quotient;
    if (settled) break;
  }
  return estimate - shift;
}

/** Scales `vector` to unit length; returns its length before. */
function normalise(vector: Float64Array): number {
  let length = 0;
  for (let i = 0; i < vector.length; i++) length += vector[i] * vector[i];
  length = Math.sqrt(length);
  if (length > 0) for (let i = 0; i < vector.length; i++) vector[i] /= length;
  return length;
}
