// Eigenvalues of a symmetric matrix (a Hessian), for the stability bound 2/λmax. Two dimensions in
// closed form; up to JACOBI_MAX_DIMENSION every eigenvalue by cyclic Jacobi rotations; beyond that
// only the largest, by power iteration on a shifted matrix (the n-D surfaces go up to 1,000).

/** Above this dimension only λmax is computed (power iteration): Jacobi costs O(n³) per sweep. */
export const JACOBI_MAX_DIMENSION = 64;

const MAX_JACOBI_SWEEPS = 50;
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

/** Cyclic Jacobi: rotate away each off-diagonal entry in turn until the matrix is diagonal. */
function jacobiEigenvalues(matrix: ArrayLike<number>, n: number): Float64Array {
  const a = new Float64Array(n * n);
  // symmetrise from the upper triangle, so a matrix written only there is read as intended
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      a[i * n + j] = matrix[i * n + j];
      a[j * n + i] = matrix[i * n + j];
    }
  }
  let scale = 0;
  for (let k = 0; k < n * n; k++) scale = Math.max(scale, Math.abs(a[k]));
  if (!Number.isFinite(scale)) return new Float64Array(n).fill(NaN);
  for (let sweep = 0; sweep < MAX_JACOBI_SWEEPS; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) offDiagonal += a[p * n + q] * a[p * n + q];
    if (Math.sqrt(offDiagonal) <= Number.EPSILON * scale * n) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // the rotation angle that zeroes a[p][q]: tan θ = t, the smaller root of t² + 2θt − 1 = 0
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          // columns p and q, then rows p and q (A ← Jᵀ A J)
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return values.sort();
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
