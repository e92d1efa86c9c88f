import { power } from '../../power';
import type { Random } from '../../random';
import type { CmaConstants } from './cma-constants';
import { symmetricEigen } from '../../symmetric-eigen';

// The state of a (μ/μ_W, λ)-CMA-ES and its update, as an ask-and-tell pair: samplePopulation() draws
// a generation from N(m, σ²C), tell() moves m, σ, C and the two evolution paths given the
// generation's f values. Hansen, "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772, 2016),
// the algorithm summary on p. 29 and equations (41)-(47); negative weights for the worse half (the
// "active" update), as the tutorial and the `cmaes` library do. tell() takes any population, so the
// tests can replay the library's own generations through it.

/** An eigenvalue of C below this fraction of the largest is raised to it, so C stays positive definite in floating point. */
const MIN_EIGENVALUE_RATIO = 1e-20;

/** Generations between eigen-decompositions of C: every one while it is cheap, ≈ 1/(10n(c_1 + c_μ)) in high dimensions (tutorial, B.2). */
function decompositionInterval(constants: CmaConstants): number {
  return Math.max(1, Math.floor(1 / (10 * constants.dimension * (constants.rankOneLearningRate + constants.rankMuLearningRate))));
}

/** What one tell() computed on the way, for the step inspector (asked for only there). */
export interface CmaGenerationReport {
  /** The candidates' indices in the order of f, best first. */
  readonly order: readonly number[];
  /** m and σ before the update. */
  readonly previousMean: Float64Array;
  readonly previousSigma: number;
  /** y_w = Σ_{i≤μ} w_i y_{i:λ}, the weighted step of the mean in units of σ. */
  readonly weightedStep: Float64Array;
  /** ‖p_σ‖ after the update, and σ's factor exp((c_σ/d_σ)(‖p_σ‖/E‖N(0, I)‖ − 1)). */
  readonly stepSizePathNorm: number;
  readonly sigmaFactor: number;
  /** h_σ: 1, or 0 while ‖p_σ‖ is large and p_c stalls. */
  readonly hSigma: number;
  /** The factor C keeps of itself: 1 + c_1 δ(h_σ) − c_1 − c_μ Σw_j. */
  readonly covarianceKeep: number;
}

/** The search distribution N(m, σ²C) and the evolution paths of one CMA-ES run. */
export class CmaEvolution {
  readonly constants: CmaConstants;
  /** m, the mean. */
  readonly mean: Float64Array;
  /** C, row-major n × n. */
  readonly covariance: Float64Array;
  /** p_σ, the conjugate evolution path that adapts σ, and p_c, the one that feeds the rank-one update. */
  readonly stepSizePath: Float64Array;
  readonly covariancePath: Float64Array;
  private stepSize: number;
  private generationCount = 0;
  private readonly interval: number;
  private decomposedAt = 0;
  /** B (eigenvectors as columns) and D (square roots of the eigenvalues) of C's latest decomposition. */
  private eigenvectors: Float64Array;
  private readonly axisLengths: Float64Array;

  constructor(constants: CmaConstants, mean: ArrayLike<number>, sigma: number) {
    const n = constants.dimension;
    this.constants = constants;
    this.interval = decompositionInterval(constants);
    this.mean = Float64Array.from(mean);
    this.stepSize = sigma;
    this.covariance = new Float64Array(n * n);
    this.eigenvectors = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      this.covariance[i * n + i] = 1;
      this.eigenvectors[i * n + i] = 1;
    }
    this.axisLengths = new Float64Array(n).fill(1);
    this.stepSizePath = new Float64Array(n);
    this.covariancePath = new Float64Array(n);
  }

  /** σ, the step size. */
  get sigma(): number {
    return this.stepSize;
  }

  /** Updates so far (g in the tutorial). */
  get generation(): number {
    return this.generationCount;
  }

  /** λ candidates x_k = m + σ·B·D·z_k, z_k ~ N(0, I), flattened λ × n. */
  samplePopulation(random: Random): Float64Array {
    const n = this.constants.dimension;
    const lambda = this.constants.populationSize;
    this.decomposeIfDue();
    const B = this.eigenvectors;
    const population = new Float64Array(lambda * n);
    const scaled = new Float64Array(n);
    for (let k = 0; k < lambda; k++) {
      for (let j = 0; j < n; j++) scaled[j] = this.axisLengths[j] * random.nextGaussian();
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += B[i * n + j] * scaled[j];
        population[k * n + i] = this.mean[i] + this.stepSize * sum;
      }
    }
    return population;
  }

  /** One generation's update from its candidates (λ × n, flattened) and their f values; `report`: also return what it computed (the inspector's replay). */
  tell(population: ArrayLike<number>, values: ArrayLike<number>, report = false): CmaGenerationReport | null {
    const n = this.constants.dimension;
    const previousMean = report ? this.mean.slice() : null;
    const previousSigma = this.stepSize;
    const { populationSize: lambda, parentCount: mu, weights, effectiveMass } = this.constants;
    this.decomposeIfDue();
    // y_k = (x_k − m)/σ ~ N(0, C), in the order of f (NaN last, ties by sampling order: a stable sort)
    const order = Array.from({ length: lambda }, (_, k) => k).sort((a, b) => rankValue(values[a]) - rankValue(values[b]) || a - b);
    const steps = new Float64Array(lambda * n);
    for (let i = 0; i < lambda; i++) {
      for (let j = 0; j < n; j++) steps[i * n + j] = (population[order[i] * n + j] - this.mean[j]) / this.stepSize;
    }

    // (41) y_w = Σ_{i≤μ} w_i y_{i:λ}; (42) m ← m + c_m σ y_w with c_m = 1
    const weightedStep = new Float64Array(n);
    for (let i = 0; i < mu; i++) {
      for (let j = 0; j < n; j++) weightedStep[j] += weights[i] * steps[i * n + j];
    }
    for (let j = 0; j < n; j++) this.mean[j] += this.stepSize * weightedStep[j];

    // (43) p_σ ← (1 − c_σ) p_σ + √(c_σ(2 − c_σ)μ_eff) C^(−1/2) y_w, then (44) σ ← σ exp((c_σ/d_σ)(‖p_σ‖/E‖N(0, I)‖ − 1))
    const cSigma = this.constants.stepSizeLearningRate;
    const whitenedStep = this.whiten(weightedStep);
    const sigmaPathScale = Math.sqrt(cSigma * (2 - cSigma) * effectiveMass);
    let pathNormSquared = 0;
    for (let j = 0; j < n; j++) {
      this.stepSizePath[j] = (1 - cSigma) * this.stepSizePath[j] + sigmaPathScale * whitenedStep[j];
      pathNormSquared += this.stepSizePath[j] * this.stepSizePath[j];
    }
    const pathNorm = Math.sqrt(pathNormSquared);
    const chiN = this.constants.expectedNormalNorm;
    const sigmaFactor = Math.exp((cSigma / this.constants.stepSizeDamping) * (pathNorm / chiN - 1));
    this.stepSize *= sigmaFactor;

    // h_σ stalls p_c while ‖p_σ‖ is large (σ is growing fast), so C is not stretched by it (p. 28);
    // g counts the updates before this one, 0 at the first
    const pathBias = Math.sqrt(1 - power(1 - cSigma, 2 * (this.generationCount + 1)));
    const hSigma = pathNorm / pathBias < (1.4 + 2 / (n + 1)) * chiN ? 1 : 0;
    // (45) p_c ← (1 − c_c) p_c + h_σ √(c_c(2 − c_c)μ_eff) y_w
    const cc = this.constants.covariancePathLearningRate;
    const covariancePathScale = hSigma * Math.sqrt(cc * (2 - cc) * effectiveMass);
    for (let j = 0; j < n; j++) this.covariancePath[j] = (1 - cc) * this.covariancePath[j] + covariancePathScale * weightedStep[j];

    // (46) w°_i = w_i for w_i ≥ 0, w_i·n/‖C^(−1/2) y_{i:λ}‖² otherwise (negative updates of bounded size)
    const c1 = this.constants.rankOneLearningRate;
    const cMu = this.constants.rankMuLearningRate;
    let weightSum = 0;
    for (const weight of weights) weightSum += weight;
    const adjustedWeights = new Float64Array(lambda);
    for (let i = 0; i < lambda; i++) {
      if (weights[i] >= 0) {
        adjustedWeights[i] = weights[i];
        continue;
      }
      const whitened = this.whiten(steps.subarray(i * n, (i + 1) * n));
      let normSquared = 0;
      for (const component of whitened) normSquared += component * component;
      adjustedWeights[i] = (weights[i] * n) / normSquared;
    }
    // (47) C ← (1 + c_1 δ(h_σ) − c_1 − c_μ Σw_j) C + c_1 p_c p_cᵀ + c_μ Σ w°_i y_{i:λ} y_{i:λ}ᵀ,
    // δ(h_σ) = (1 − h_σ) c_c (2 − c_c) making up for the variance p_c lost while stalled
    const pathLoss = (1 - hSigma) * cc * (2 - cc);
    const keep = 1 + c1 * pathLoss - c1 - cMu * weightSum;
    // the upper triangle, mirrored: C stays exactly symmetric
    for (let r = 0; r < n; r++) {
      for (let c = r; c < n; c++) {
        let rankMu = 0;
        for (let i = 0; i < lambda; i++) rankMu += adjustedWeights[i] * steps[i * n + r] * steps[i * n + c];
        const entry = keep * this.covariance[r * n + c] + c1 * this.covariancePath[r] * this.covariancePath[c] + cMu * rankMu;
        this.covariance[r * n + c] = entry;
        this.covariance[c * n + r] = entry;
      }
    }
    this.generationCount++;
    if (previousMean === null) return null;
    return {
      order,
      previousMean,
      previousSigma,
      weightedStep,
      stepSizePathNorm: pathNorm,
      sigmaFactor,
      hSigma,
      covarianceKeep: keep,
    };
  }

  /**
   * C = B·D²·Bᵀ when due; eigenvalues below MIN_EIGENVALUE_RATIO of the largest are raised to it (C is
   * then rebuilt from them). Warm-started: C changes little between decompositions, so Bᵀ·C·B (B the
   * previous eigenvectors) is nearly diagonal and Jacobi needs a sweep or two instead of ten; the new
   * eigenvectors are B·V for the eigenvectors V of Bᵀ·C·B.
   */
  private decomposeIfDue(): void {
    if (this.generationCount - this.decomposedAt < this.interval) return;
    const n = this.constants.dimension;
    const previous = this.eigenvectors;
    const product = new Float64Array(n * n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += this.covariance[r * n + k] * previous[k * n + c];
        product[r * n + c] = sum;
      }
    }
    const rotated = new Float64Array(n * n);
    for (let r = 0; r < n; r++) {
      for (let c = r; c < n; c++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += previous[k * n + r] * product[k * n + c];
        rotated[r * n + c] = sum;
        rotated[c * n + r] = sum;
      }
    }
    const { values, vectors: rotation } = symmetricEigen(rotated, n);
    const vectors = new Float64Array(n * n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += previous[r * n + k] * rotation[k * n + c];
        vectors[r * n + c] = sum;
      }
    }
    let largest = 0;
    for (const value of values) largest = Math.max(largest, value);
    let clamped = false;
    for (let j = 0; j < n; j++) {
      const floor = largest * MIN_EIGENVALUE_RATIO;
      if (!(values[j] >= floor)) {
        values[j] = floor;
        clamped = true;
      }
      this.axisLengths[j] = Math.sqrt(values[j]);
    }
    this.eigenvectors = vectors;
    if (clamped) {
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) {
          let sum = 0;
          for (let j = 0; j < n; j++) sum += vectors[r * n + j] * values[j] * vectors[c * n + j];
          this.covariance[r * n + c] = sum;
        }
      }
    }
    this.decomposedAt = this.generationCount;
  }

  /** C^(−1/2)·v = B·D⁻¹·Bᵀ·v with the latest decomposition. */
  private whiten(vector: ArrayLike<number>): Float64Array {
    const n = this.constants.dimension;
    const B = this.eigenvectors;
    const rotated = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += B[i * n + j] * vector[i];
      rotated[j] = sum / this.axisLengths[j];
    }
    const result = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += B[i * n + j] * rotated[j];
      result[i] = sum;
    }
    return result;
  }
}

/** f for ranking: NaN (an invalid candidate) ranks after every number. */
function rankValue(value: number): number {
  return Number.isNaN(value) ? Infinity : value;
}
