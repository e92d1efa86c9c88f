// The eigen-decomposition A = B·diag(λ)·Bᵀ of a symmetric matrix by cyclic Jacobi rotations (Golub & Van
// Loan, Matrix Computations, §8.5). CMA-ES samples N(0, C) as B·diag(√λ)·z and whitens with
// C^(-1/2) = B·diag(1/√λ)·Bᵀ; the diagnosis and Newton's shift read a Hessian's eigenvalues. Jacobi is
// simple and accurate to the last bits for small, well-scaled matrices; its O(n³) sweeps are why
// CMA-ES decomposes only every few generations in high dimensions and the diagnosis switches to
// power iteration above 64 dimensions.

const MAX_SWEEPS = 50;

/** Eigenvalues and orthonormal eigenvectors of a symmetric matrix. */
export interface SymmetricEigen {
  /** The eigenvalues, in no particular order. */
  readonly values: Float64Array;
  /** The eigenvectors as columns, row-major n × n: vectors[i·n + k] is component i of eigenvector k. */
  readonly vectors: Float64Array;
}

/**
 * Eigenvalues and eigenvectors of the symmetric `dimension` × `dimension` matrix `matrix` (row-major;
 * it is symmetrised as (A + Aᵀ)/2 first, which removes the rounding asymmetry of accumulated updates).
 */
export function symmetricEigen(matrix: ArrayLike<number>, dimension: number): SymmetricEigen {
  const n = dimension;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i * n + j] = (matrix[i * n + j] + matrix[j * n + i]) / 2;
  }
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) vectors[i * n + i] = 1;
  let scale = 0;
  for (let k = 0; k < n * n; k++) scale = Math.max(scale, Math.abs(a[k]));
  if (!Number.isFinite(scale)) return { values: new Float64Array(n).fill(NaN), vectors };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) offDiagonal += a[p * n + q] * a[p * n + q];
    // converged once the off-diagonal mass is rounding noise: about ε·scale per entry, n entries a row
    if (Math.sqrt(offDiagonal) <= Number.EPSILON * scale * n) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // an entry below the last bit of both diagonal entries is rounding noise: drop it rather than
        // rotate by it again every sweep (Rutishauser's test, Numerical Recipes' jacobi)
        const negligible = 100 * Math.abs(apq);
        if (Math.abs(a[p * n + p]) + negligible === Math.abs(a[p * n + p]) && Math.abs(a[q * n + q]) + negligible === Math.abs(a[q * n + q])) {
          a[p * n + q] = 0;
          a[q * n + p] = 0;
          continue;
        }
        // the rotation that zeroes a[p][q]: tan θ = t, the smaller root of t² + 2ζt − 1 = 0
        const zeta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(zeta * zeta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J (columns p and q, then rows p and q), B ← B J
        for (let k = 0; k < n; k++) {
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
        for (let k = 0; k < n; k++) {
          const vkp = vectors[k * n + p];
          const vkq = vectors[k * n + q];
          vectors[k * n + p] = c * vkp - s * vkq;
          vectors[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return { values, vectors };
}
