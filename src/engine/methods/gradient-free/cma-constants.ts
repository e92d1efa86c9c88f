// The strategy parameters of the (μ/μ_W, λ)-CMA-ES, Hansen, "The CMA Evolution Strategy: A Tutorial"
// (arXiv:1604.00772, 2016), Appendix A, Table 1 and equations (48)-(56), negative weights included (the
// "active" covariance update). cma-es.test.ts checks them against the `cmaes` library's.

/** Everything CMA-ES derives from the dimension n and the population size λ. */
export interface CmaConstants {
  readonly dimension: number;
  /** λ, candidates per generation. */
  readonly populationSize: number;
  /** μ = ⌊λ/2⌋, the parents recombined into the new mean. */
  readonly parentCount: number;
  /** w_1 ≥ … ≥ w_μ > 0 ≥ … ≥ w_λ: positive ones sum to 1 (the mean's recombination), negative ones shrink C. */
  readonly weights: Float64Array;
  /** μ_eff = (Σ_{i≤μ} w_i)² / Σ_{i≤μ} w_i², the variance-effective selection mass. */
  readonly effectiveMass: number;
  /** c_σ and d_σ: the step-size path's learning rate and damping. */
  readonly stepSizeLearningRate: number;
  readonly stepSizeDamping: number;
  /** c_c: the covariance path's learning rate. */
  readonly covariancePathLearningRate: number;
  /** c_1 and c_μ: the rank-one and rank-μ update's learning rates. */
  readonly rankOneLearningRate: number;
  readonly rankMuLearningRate: number;
  /** E‖N(0, I)‖ ≈ √n (1 − 1/(4n) + 1/(21n²)). */
  readonly expectedNormalNorm: number;
}

/** The default population size 4 + ⌊3 ln n⌋ (eq. 48). */
export function defaultPopulationSize(dimension: number): number {
  return 4 + Math.floor(3 * Math.log(dimension));
}

/** The tutorial's default strategy parameters for dimension n and population size λ (≥ 2). */
export function cmaConstants(dimension: number, populationSize = defaultPopulationSize(dimension)): CmaConstants {
  const n = dimension;
  const lambda = populationSize;
  const mu = Math.floor(lambda / 2);
  // (49) w'_i = ln((λ + 1)/2) − ln i: positive for the better half, negative for the worse
  const rawWeights = new Float64Array(lambda);
  for (let i = 0; i < lambda; i++) rawWeights[i] = Math.log((lambda + 1) / 2) - Math.log(i + 1);
  const massOf = (from: number, to: number): number => {
    let sum = 0;
    let sumOfSquares = 0;
    for (let i = from; i < to; i++) {
      sum += rawWeights[i];
      sumOfSquares += rawWeights[i] * rawWeights[i];
    }
    return sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;
  };
  const effectiveMass = massOf(0, mu);
  const negativeEffectiveMass = massOf(mu, lambda);

  // (57) with α_cov = 2: the learning rates of the rank-one and rank-μ updates
  const alphaCovariance = 2;
  const rankOneLearningRate = alphaCovariance / ((n + 1.3) ** 2 + effectiveMass);
  const rankMuLearningRate = Math.min(
    1 - rankOneLearningRate,
    (alphaCovariance * (effectiveMass - 2 + 1 / effectiveMass)) / ((n + 2) ** 2 + (alphaCovariance * effectiveMass) / 2),
  );

  // (50)-(53): positive weights sum to 1; negative ones sum to −min(α_μ⁻, α_μeff⁻, α_posdef⁻)
  const alphaMu = 1 + rankOneLearningRate / rankMuLearningRate;
  const alphaEffectiveMass = 1 + (2 * negativeEffectiveMass) / (effectiveMass + 2);
  const alphaPositiveDefinite = (1 - rankOneLearningRate - rankMuLearningRate) / (n * rankMuLearningRate);
  const negativeScale = Math.min(alphaMu, alphaEffectiveMass, alphaPositiveDefinite);
  let positiveSum = 0;
  let negativeSum = 0;
  for (const weight of rawWeights) {
    if (weight > 0) positiveSum += weight;
    else negativeSum -= weight;
  }
  const weights = rawWeights.map((weight) => (weight >= 0 ? weight / positiveSum : (negativeScale * weight) / negativeSum));

  // (55) cumulation for step-size control, (56) for the rank-one update
  const stepSizeLearningRate = (effectiveMass + 2) / (n + effectiveMass + 5);
  const stepSizeDamping = 1 + 2 * Math.max(0, Math.sqrt((effectiveMass - 1) / (n + 1)) - 1) + stepSizeLearningRate;
  const covariancePathLearningRate = (4 + effectiveMass / n) / (n + 4 + (2 * effectiveMass) / n);
  return {
    dimension: n,
    populationSize: lambda,
    parentCount: mu,
    weights,
    effectiveMass,
    stepSizeLearningRate,
    stepSizeDamping,
    covariancePathLearningRate,
    rankOneLearningRate,
    rankMuLearningRate,
    expectedNormalNorm: Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n)),
  };
}
