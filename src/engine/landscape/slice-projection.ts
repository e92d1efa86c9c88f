// Where a point of parameter space lands on a slice θ_c + α d1 + β d2. The filter-normalized
// directions are not orthogonal, so the coordinates are the least-squares ones: the (α, β) that
// minimise ‖θ − θ_c − α d1 − β d2‖, from the 2 × 2 normal equations
//   [d1·d1  d1·d2] [α]   [d1·(θ − θ_c)]
//   [d1·d2  d2·d2] [β] = [d2·(θ − θ_c)]

/** Projects points of parameter space onto the slice through `centre` along d1 and d2. */
export class SliceProjection {
  private readonly d11: number;
  private readonly d12: number;
  private readonly d22: number;
  private readonly determinant: number;

  constructor(
    readonly centre: ArrayLike<number>,
    readonly first: ArrayLike<number>,
    readonly second: ArrayLike<number>,
  ) {
    let d11 = 0;
    let d12 = 0;
    let d22 = 0;
    for (let i = 0; i < centre.length; i++) {
      d11 += first[i] * first[i];
      d12 += first[i] * second[i];
      d22 += second[i] * second[i];
    }
    this.d11 = d11;
    this.d12 = d12;
    this.d22 = d22;
    this.determinant = d11 * d22 - d12 * d12;
  }

  /** (α, β) of the point stored at points[offset … offset + n). */
  coordinates(points: ArrayLike<number>, offset = 0): [number, number] {
    let b1 = 0;
    let b2 = 0;
    for (let i = 0; i < this.centre.length; i++) {
      const deviation = points[offset + i] - this.centre[i];
      b1 += this.first[i] * deviation;
      b2 += this.second[i] * deviation;
    }
    if (this.determinant > 1e-14 * this.d11 * this.d22) {
      return [(this.d22 * b1 - this.d12 * b2) / this.determinant, (this.d11 * b2 - this.d12 * b1) / this.determinant];
    }
    // a degenerate pair (d2 parallel to d1, or zero): the point's coordinate along d1 alone
    return [this.d11 > 0 ? b1 / this.d11 : 0, 0];
  }

  /** A flattened path of n-D points as a flattened path of (α, β) pairs. */
  projectPath(path: ArrayLike<number>): Float64Array {
    const n = this.centre.length;
    const count = Math.floor(path.length / n);
    const projected = new Float64Array(2 * count);
    for (let k = 0; k < count; k++) {
      const [alpha, beta] = this.coordinates(path, k * n);
      projected[2 * k] = alpha;
      projected[2 * k + 1] = beta;
    }
    return projected;
  }
}
