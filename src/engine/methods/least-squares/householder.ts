// Linear least squares min ‖A p − b‖ by Householder QR with column pivoting (Golub & Van Loan,
// Matrix Computations, 4th ed., §5.4.1-5.4.2; LAPACK's xGEQP3 and xGELSY do the same). QR is used
// rather than the normal equations AᵀA p = Aᵀb because forming AᵀA squares the condition number:
// on an ill-conditioned design QR keeps about twice the digits.
//
// The pivoting moves the largest remaining column forward at each step, so |R₀₀| ≥ |R₁₁| ≥ … and
// the rank is the number of diagonal entries above rcond · |R₀₀|. With full column rank the solution
// is unique, R p = Qᵀb. Otherwise (fewer rows than unknowns, duplicate or constant columns) every
// p = Π[y₁; y₂] with R₁₁y₁ + R₁₂y₂ = c₁ fits equally well, and the one of least norm is taken, as
// numpy.linalg.lstsq returns: a second QR of [R₁₁ R₁₂]ᵀ (the complete orthogonal decomposition,
// §5.5.2) gives it.

/** Scratch for solving m × n problems, reused from step to step. */
export class HouseholderLeastSquares {
  readonly rows: number;
  readonly columns: number;
  /** The rank found by the latest solve. */
  rank = 0;
  private readonly matrix: Float64Array;
  private readonly rightHandSide: Float64Array;
  private readonly permutation: Int32Array;
  private readonly columnNorms: Float64Array;
  private readonly solution: Float64Array;
  // the second, unpivoted QR of the rank-deficient case: [R₁₁ R₁₂]ᵀ (n × rank) and its reflectors
  private readonly transposed: Float64Array;
  private readonly reflectors: Float64Array;

  constructor(rows: number, columns: number) {
    this.rows = rows;
    this.columns = columns;
    this.matrix = new Float64Array(rows * columns);
    this.rightHandSide = new Float64Array(rows);
    this.permutation = new Int32Array(columns);
    this.columnNorms = new Float64Array(columns);
    this.solution = new Float64Array(columns);
    const rank = Math.min(rows, columns);
    this.transposed = new Float64Array(columns * rank);
    this.reflectors = new Float64Array(columns * rank);
  }

  /**
   * Writes the least-norm minimiser of ‖A p − b‖ into `out` (A row-major rows × columns, left
   * unchanged, as is b) and returns the rank used; columns whose pivot falls below rcond · |R₀₀|
   * count as dependent (default: max(rows, columns) · ε, numpy.linalg.lstsq's rcond).
   */
  solve(matrix: ArrayLike<number>, rightHandSide: ArrayLike<number>, out: Float64Array, rcond = Math.max(this.rows, this.columns) * Number.EPSILON): number {
    const { rows: m, columns: n } = this;
    const a = this.matrix;
    const c = this.rightHandSide;
    for (let i = 0; i < m * n; i++) a[i] = matrix[i];
    for (let i = 0; i < m; i++) c[i] = rightHandSide[i];
    const permutation = this.permutation;
    for (let j = 0; j < n; j++) permutation[j] = j;
    const steps = Math.min(m, n);
    let largestPivot = 0;
    let rank = 0;
    for (let k = 0; k < steps; k++) {
      // the column with the largest norm below row k comes forward (norms recomputed, not downdated:
      // n is at most a few hundred here, and recomputing avoids the downdate's cancellation)
      let pivot = k;
      let pivotNorm = -1;
      for (let j = k; j < n; j++) {
        let sum = 0;
        for (let i = k; i < m; i++) sum += a[i * n + j] * a[i * n + j];
        this.columnNorms[j] = Math.sqrt(sum);
        if (this.columnNorms[j] > pivotNorm) {
          pivotNorm = this.columnNorms[j];
          pivot = j;
        }
      }
      if (k === 0) largestPivot = pivotNorm;
      if (!(pivotNorm > rcond * largestPivot) || pivotNorm === 0) break;
      if (pivot !== k) {
        for (let i = 0; i < m; i++) {
          const swapped = a[i * n + k];
          a[i * n + k] = a[i * n + pivot];
          a[i * n + pivot] = swapped;
        }
        const index = permutation[k];
        permutation[k] = permutation[pivot];
        permutation[pivot] = index;
      }
      reflectColumn(a, m, n, k, pivotNorm, c);
      rank = k + 1;
    }
    this.rank = rank;
    const y = this.solution;
    if (rank === n) {
      backSubstitute(a, n, n, c, y);
    } else {
      this.leastNormSolution(rank, y);
    }
    for (let j = 0; j < n; j++) out[permutation[j]] = rank === 0 ? 0 : y[j];
    return rank;
  }

  /** y of least norm with [R₁₁ R₁₂] y = c₁ (rank rows): [R₁₁ R₁₂]ᵀ = Q̃R̃, so y = Q̃ R̃⁻ᵀ c₁. */
  private leastNormSolution(rank: number, y: Float64Array): void {
    const { columns: n } = this;
    const a = this.matrix;
    const t = this.transposed;
    const v = this.reflectors;
    // T = [R₁₁ R₁₂]ᵀ, n × rank, row-major
    for (let i = 0; i < n; i++) for (let j = 0; j < rank; j++) t[i * rank + j] = j <= i ? a[j * n + i] : 0;
    for (let k = 0; k < rank; k++) {
      let sum = 0;
      for (let i = k; i < n; i++) sum += t[i * rank + k] * t[i * rank + k];
      reflectColumn(t, n, rank, k, Math.sqrt(sum), null, v, k * n);
    }
    // R̃ᵀ z = c₁ (forward substitution; R̃ is the upper rank × rank block of T), z into y's head
    for (let i = 0; i < rank; i++) {
      let sum = this.rightHandSide[i];
      for (let k = 0; k < i; k++) sum -= t[k * rank + i] * y[k];
      y[i] = sum / t[i * rank + i];
    }
    y.fill(0, rank, n);
    // y = H₀ H₁ … H_{rank−1} [z; 0]
    for (let k = rank - 1; k >= 0; k--) {
      let dot = 0;
      let norm = 0;
      for (let i = k; i < n; i++) {
        dot += v[k * n + i] * y[i];
        norm += v[k * n + i] * v[k * n + i];
      }
      if (norm === 0) continue;
      const scale = (2 * dot) / norm;
      for (let i = k; i < n; i++) y[i] -= scale * v[k * n + i];
    }
  }
}

/**
 * Applies the Householder reflector H = I − 2vvᵀ/vᵀv that maps column k of `a` (rows k…m−1, norm
 * `norm`) onto −sign(a_kk)‖·‖ e_k to the columns k…n−1 and to `vector`; stores v in
 * `store` from `storeAt` (rows k…m−1 at storeAt + k…) when given.
 */
function reflectColumn(
  a: Float64Array,
  m: number,
  n: number,
  k: number,
  norm: number,
  vector: Float64Array | null,
  store?: Float64Array,
  storeAt = 0,
): void {
  const head = a[k * n + k];
  // α = −sign(x₀)‖x‖, so v₀ = x₀ − α never cancels
  const alpha = head >= 0 ? -norm : norm;
  const v0 = head - alpha;
  // vᵀv = ‖x‖² − 2αx₀ + α² = 2α(α − x₀) = −2α v₀
  const vNorm = -2 * alpha * v0;
  if (store !== undefined) {
    store.fill(0, storeAt, storeAt + k);
    store[storeAt + k] = v0;
    for (let i = k + 1; i < m; i++) store[storeAt + i] = a[i * n + k];
  }
  if (vNorm === 0) return;
  for (let j = k + 1; j < n; j++) {
    let dot = v0 * a[k * n + j];
    for (let i = k + 1; i < m; i++) dot += a[i * n + k] * a[i * n + j];
    const scale = (2 * dot) / vNorm;
    a[k * n + j] -= scale * v0;
    for (let i = k + 1; i < m; i++) a[i * n + j] -= scale * a[i * n + k];
  }
  if (vector !== null) {
    let dot = v0 * vector[k];
    for (let i = k + 1; i < m; i++) dot += a[i * n + k] * vector[i];
    const scale = (2 * dot) / vNorm;
    vector[k] -= scale * v0;
    for (let i = k + 1; i < m; i++) vector[i] -= scale * a[i * n + k];
  }
  // the column becomes α e_k
  a[k * n + k] = alpha;
  for (let i = k + 1; i < m; i++) a[i * n + k] = 0;
}

/** Solves the upper-triangular R y = c (R the leading size × size block of the row-major rows × n `a`). */
function backSubstitute(a: Float64Array, n: number, size: number, c: Float64Array, y: Float64Array): void {
  for (let i = size - 1; i >= 0; i--) {
    let sum = c[i];
    for (let k = i + 1; k < size; k++) sum -= a[i * n + k] * y[k];
    y[i] = sum / a[i * n + i];
  }
}
