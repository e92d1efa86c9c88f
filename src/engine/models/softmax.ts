import { assertCount } from './dense';
import type { Model } from './model';

// Softmax (multinomial logistic) regression over k classes: logits z = W x + b, P(class c | x) =
// softmax(z)_c; loss the mean cross-entropy (1/n) Σ [logsumexp(z) − z_y], with the log-sum-exp
// shifted by max(z) so that no exponential overflows (torch's cross_entropy, scikit-learn's log_loss).
//
// Parameter layout (k(d + 1) numbers), as torch's nn.Linear(d, k) weight then bias:
//   W, k × d row-major: class c's weight on feature j at c · d + j
//   b, k biases:        class c's bias at k · d + c
//
//   ∂/∂z_c = p_c − [c = y]                              (per row, over n)
//   ∇_W = (1/n) Σ (p − e_y) xᵀ,   ∇_b = (1/n) Σ (p − e_y)
//   H = (1/n) Σ (diag(p) − p pᵀ) ⊗ [x; 1][x; 1]ᵀ       (positive semidefinite; singular along the
//        direction that adds one vector to every class, which leaves the probabilities unchanged)

/** Softmax regression over k classes with the mean cross-entropy; parameters: W (k × d, row-major), then b (k). */
export class SoftmaxRegression implements Model {
  readonly kind = 'softmax';
  readonly outputCount: number;
  readonly parameterCount: number;
  private readonly probabilities: Float64Array;

  constructor(
    readonly featureCount: number,
    readonly classCount: number,
  ) {
    assertCount(featureCount, 'featureCount');
    if (!Number.isInteger(classCount) || classCount < 2) throw new Error(`classCount must be an integer ≥ 2, got ${classCount}`);
    this.outputCount = classCount;
    this.parameterCount = classCount * (featureCount + 1);
    this.probabilities = new Float64Array(classCount);
  }

  initialParameters(): Float64Array {
    return new Float64Array(this.parameterCount);
  }

  loss(parameters: ArrayLike<number>, features: Float64Array, targets: Float64Array, rows: number): number {
    let sum = 0;
    for (let row = 0; row < rows; row++) sum += this.rowProbabilities(parameters, features, row, targets[row]);
    return sum / rows;
  }

  lossAndGradient(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    gradient: Float64Array,
  ): number {
    const d = this.featureCount;
    const k = this.classCount;
    const probabilities = this.probabilities;
    gradient.fill(0, 0, this.parameterCount);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const target = targets[row];
      sum += this.rowProbabilities(parameters, features, row, target);
      const offset = row * d;
      for (let c = 0; c < k; c++) {
        const error = probabilities[c] - (c === target ? 1 : 0);
        for (let j = 0; j < d; j++) gradient[c * d + j] += error * features[offset + j];
        gradient[k * d + c] += error;
      }
    }
    for (let i = 0; i < this.parameterCount; i++) gradient[i] /= rows;
    return sum / rows;
  }

  hessian(
    parameters: ArrayLike<number>,
    features: Float64Array,
    targets: Float64Array,
    rows: number,
    hessian: Float64Array,
  ): number {
    const d = this.featureCount;
    const k = this.classCount;
    const size = this.parameterCount;
    const probabilities = this.probabilities;
    hessian.fill(0, 0, size * size);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      sum += this.rowProbabilities(parameters, features, row, targets[row]);
      const offset = row * d;
      for (let c = 0; c < k; c++) {
        for (let other = 0; other < k; other++) {
          // the softmax's Jacobian p_c (δ − p_other), spread over the augmented inputs' outer product
          const curvature = probabilities[c] * ((c === other ? 1 : 0) - probabilities[other]);
          if (curvature === 0) continue;
          for (let i = 0; i <= d; i++) {
            const rowIndex = i < d ? c * d + i : k * d + c;
            const weightedXi = curvature * (i < d ? features[offset + i] : 1);
            for (let j = 0; j <= d; j++) {
              const columnIndex = j < d ? other * d + j : k * d + other;
              hessian[rowIndex * size + columnIndex] += weightedXi * (j < d ? features[offset + j] : 1);
            }
          }
        }
      }
    }
    for (let i = 0; i < size * size; i++) hessian[i] /= rows;
    return sum / rows;
  }

  /** Writes the k class probabilities per row. */
  predict(parameters: ArrayLike<number>, features: Float64Array, rows: number, out: Float64Array): void {
    const k = this.classCount;
    for (let row = 0; row < rows; row++) {
      this.rowProbabilities(parameters, features, row, 0);
      for (let c = 0; c < k; c++) out[row * k + c] = this.probabilities[c];
    }
  }

  /** Fills this.probabilities with softmax(W x + b) for row `row` and returns −log p_target. */
  private rowProbabilities(parameters: ArrayLike<number>, features: Float64Array, row: number, target: number): number {
    const d = this.featureCount;
    const k = this.classCount;
    const logits = this.probabilities;
    const offset = row * d;
    let maximum = -Infinity;
    for (let c = 0; c < k; c++) {
      let z = parameters[k * d + c];
      for (let j = 0; j < d; j++) z += parameters[c * d + j] * features[offset + j];
      logits[c] = z;
      if (z > maximum) maximum = z;
    }
    let total = 0;
    for (let c = 0; c < k; c++) total += Math.exp(logits[c] - maximum);
    const logSumExp = maximum + Math.log(total);
    const targetLogit = logits[target];
    for (let c = 0; c < k; c++) logits[c] = Math.exp(logits[c] - logSumExp);
    return logSumExp - targetLogit;
  }
}
