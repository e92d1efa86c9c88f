import type { Oracle } from '../../oracle';
import { power } from '../../power';
import { Random } from '../../random';
import { numberHyper } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import type { MethodContext, MethodDefinition, MethodInstance } from '../method';
import type { MethodSnapshot } from '../snapshot';
import { cmaConstants, type CmaConstants } from './cma-constants';
import { distributionSnapshot } from './distribution-snapshot';
import { symmetricEigen } from './symmetric-eigen';

// The (μ/μ_W, λ)-CMA-ES of Hansen's tutorial (arXiv:1604.00772, 2016; the algorithm on its p. 29 and
// the constants of its Table 1, in cma-constants.ts): each generation samples λ candidates from
// N(m, σ²C), moves the mean to the weighted average of the best μ, adapts σ by cumulative step-size
// adaptation (the path p_σ) and C by the rank-one (path p_c) and rank-μ updates, with negative weights
// for the worse half (the "active" update, as the tutorial and the `cmaes` library do).
//
// One playground step is one generation. The trajectory point is the mean m, and the runner needs
// f(m): the mean is evaluated once per generation and counted, so a generation costs λ + 1 evaluations
// (the library's ask/tell loop evaluates only the λ candidates; cma-es.test.ts compares both counts).

/** Generations between eigen-decompositions of C: every one while it is cheap, ≈ 1/(10n(c_1 + c_μ)) in high dimensions (tutorial, B.2). */
function decompositionInterval(constants: CmaConstants): number {
  return Math.max(1, Math.floor(1 / (10 * constants.dimension * (constants.rankOneLearningRate + constants.rankMuLearningRate))));
}

/** An eigenvalue of C below this fraction of the largest is raised to it, so C stays positive definite in floating point. */
const MIN_EIGENVALUE_RATIO = 1e-20;

/** CMA-ES after Hansen's tutorial: one generation of λ samples per step; the point is the mean. */
export const cmaEs: MethodDefinition = {
  id: 'cma_es',
  name: 'CMA-ES',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`x_k = m + \sigma y_k,\ y_k \sim \mathcal{N}(0, C);\quad m \leftarrow m + \sigma \textstyle\sum_{i=1}^{\mu} w_i y_{i:\lambda};\quad \sigma \leftarrow \sigma\, e^{\frac{c_\sigma}{d_\sigma}\left(\frac{\lVert p_\sigma \rVert}{E\lVert \mathcal{N}(0,I) \rVert} - 1\right)};\quad C \leftarrow (1 - c_1 - c_\mu \textstyle\sum w_j)\, C + c_1 p_c p_c^\top + c_\mu \textstyle\sum_{i=1}^{\lambda} w_i^\circ y_{i:\lambda} y_{i:\lambda}^\top`,
  hyperSpecs: [
    { kind: 'number', name: 'sigma', defaultValue: 0.5, min: 0, max: 100, exclusiveMin: true, log: true, description: 'σ0, the initial step size (about a quarter of the region the minimum may be in)' },
    {
      kind: 'number',
      name: 'population_size',
      defaultValue: 0,
      min: 0,
      max: 1000,
      integer: true,
      description: 'λ, candidates per generation; 0 for the default 4 + ⌊3 ln n⌋ (6 in 2-D)',
    },
    { kind: 'number', name: 'tolx', defaultValue: 1e-11, min: 0, max: 1, log: true, description: 'stop when σ·√C_ii and σ·|p_c,i| are below tolx in every coordinate (0: never)' },
  ],
  validate: (hyper: HyperValues) => (hyper.population_size === 1 ? 'population_size must be 0 (the default) or at least 2' : null),
  create: (hyper, context) => new CmaEs(numberHyper(hyper, 'sigma'), numberHyper(hyper, 'population_size'), numberHyper(hyper, 'tolx'), context),
};

class CmaEs implements MethodInstance {
  private readonly random: Random;
  private readonly constants: CmaConstants;
  private readonly interval: number;
  private readonly mean: Float64Array;
  private sigma: number;
  /** C, row-major n × n. */
  private readonly covariance: Float64Array;
  /** B (eigenvectors as columns) and D (square roots of the eigenvalues) of C's latest decomposition. */
  private eigenvectors: Float64Array;
  private readonly axisLengths: Float64Array;
  private readonly stepSizePath: Float64Array;
  private readonly covariancePath: Float64Array;
  private generation = 0;
  private decomposedAt = 0;
  private population: Float64Array | null = null;

  constructor(
    initialSigma: number,
    populationSize: number,
    private readonly tolx: number,
    context: MethodContext,
  ) {
    const n = context.dimension;
    this.random = new Random(context.seed);
    this.constants = populationSize === 0 ? cmaConstants(n) : cmaConstants(n, populationSize);
    this.interval = decompositionInterval(this.constants);
    this.sigma = initialSigma;
    this.mean = new Float64Array(n);
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

  start(point: Float64Array, oracle: Oracle): number {
    this.mean.set(point);
    return oracle.value(point);
  }

  step(point: Float64Array, oracle: Oracle): number {
    const n = this.constants.dimension;
    const { populationSize: lambda, parentCount: mu, weights, effectiveMass } = this.constants;
    if (this.generation - this.decomposedAt >= this.interval) this.decompose();
    const B = this.eigenvectors;
    const D = this.axisLengths;

    // sample y_k = B·D·z_k ~ N(0, C), x_k = m + σ y_k
    const steps = new Float64Array(lambda * n);
    const population = new Float64Array(lambda * n);
    const values = new Float64Array(lambda);
    const scaled = new Float64Array(n);
    for (let k = 0; k < lambda; k++) {
      for (let j = 0; j < n; j++) scaled[j] = D[j] * this.random.nextGaussian();
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += B[i * n + j] * scaled[j];
        steps[k * n + i] = sum;
        population[k * n + i] = this.mean[i] + this.sigma * sum;
      }
      values[k] = oracle.value(population.subarray(k * n, (k + 1) * n));
    }
    // rank by f, NaN last, ties by sampling order (a stable sort)
    const order = Array.from({ length: lambda }, (_, k) => k).sort((a, b) => rankValue(values[a]) - rankValue(values[b]) || a - b);

    // (41) y_w = Σ_{i≤μ} w_i y_{i:λ}; (42) m ← m + c_m σ y_w with c_m = 1
    const weightedStep = new Float64Array(n);
    for (let i = 0; i < mu; i++) {
      const offset = order[i] * n;
      for (let j = 0; j < n; j++) weightedStep[j] += weights[i] * steps[offset + j];
    }
    for (let j = 0; j < n; j++) this.mean[j] += this.sigma * weightedStep[j];

    // (43) p_σ ← (1 − c_σ) p_σ + √(c_σ(2 − c_σ)μ_eff) C^(−1/2) y_w, then (44) σ's update
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
    this.sigma *= Math.exp((cSigma / this.constants.stepSizeDamping) * (pathNorm / chiN - 1));

    // h_σ stalls p_c while ‖p_σ‖ is large (σ is growing fast), so C is not stretched by it (p. 28);
    // generation g counts from 0 at the first update
    const hSigma = pathNorm / Math.sqrt(1 - power(1 - cSigma, 2 * (this.generation + 1))) < (1.4 + 2 / (n + 1)) * chiN ? 1 : 0;
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
      const whitened = this.whiten(steps.subarray(order[i] * n, (order[i] + 1) * n));
      let normSquared = 0;
      for (const component of whitened) normSquared += component * component;
      adjustedWeights[i] = (weights[i] * n) / normSquared;
    }
    // (47) C ← (1 + c_1 δ(h_σ) − c_1 − c_μ Σw_j) C + c_1 p_c p_cᵀ + c_μ Σ w°_i y_{i:λ} y_{i:λ}ᵀ
    const pathLoss = (1 - hSigma) * cc * (2 - cc);
    const keep = 1 + c1 * pathLoss - c1 - cMu * weightSum;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        let rankMu = 0;
        for (let i = 0; i < lambda; i++) {
          const offset = order[i] * n;
          rankMu += adjustedWeights[i] * steps[offset + r] * steps[offset + c];
        }
        this.covariance[r * n + c] = keep * this.covariance[r * n + c] + c1 * this.covariancePath[r] * this.covariancePath[c] + cMu * rankMu;
      }
    }
    this.generation++;
    this.population = population;
    point.set(this.mean);
    return oracle.value(point);
  }

  stoppingTest(): string | null {
    if (this.tolx <= 0) return null;
    const n = this.constants.dimension;
    for (let i = 0; i < n; i++) {
      // pycma's tolx: the sampling spread and the covariance path, coordinate by coordinate
      if (!(this.sigma * Math.sqrt(this.covariance[i * n + i]) < this.tolx)) return null;
      if (!(this.sigma * Math.abs(this.covariancePath[i]) < this.tolx)) return null;
    }
    return 'σ·√C_ii < tolx and σ·|p_c,i| < tolx';
  }

  snapshot(): MethodSnapshot | null {
    const distribution = distributionSnapshot(this.mean, this.sigma, this.covariance);
    if (distribution === undefined && this.population === null) return null;
    return {
      ...(distribution && { distribution }),
      // written once per generation and never again: no copy needed
      ...(this.population !== null && { population: this.population }),
    };
  }

  /**
   * C = B·D²·Bᵀ; eigenvalues below MIN_EIGENVALUE_RATIO of the largest are raised to it (C is then
   * rebuilt from them). Warm-started: C changes little between decompositions, so Bᵀ·C·B (B the
   * previous eigenvectors) is nearly diagonal and Jacobi needs a sweep or two instead of ten; the new
   * eigenvectors are B·V for the eigenvectors V of Bᵀ·C·B.
   */
  private decompose(): void {
    const n = this.constants.dimension;
    const previous = this.eigenvectors;
    // rotated = Bᵀ·C·B, in two products of O(n³)
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
    this.decomposedAt = this.generation;
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
