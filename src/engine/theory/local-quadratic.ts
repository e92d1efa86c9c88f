import { symmetricEigen } from '../symmetric-eigen';

// The local quadratic model f(x + d) ≈ f + gᵀd + ½ dᵀHd at one point, read as Goh's "Why Momentum
// Really Works" (Distill, 2017) reads a quadratic: along each eigenvector of H gradient descent with
// learning rate α multiplies the error by (1 − αλ), so it is stable while α < 2/λmax, fastest at
// α = 2/(λmin + λmax), and contracts at (κ − 1)/(κ + 1) there; heavy-ball momentum
// z ← βz + ∇f, x ← x − αz (torch's SGD with momentum, dampening 0) is critically damped at
// α* = (2/(√λmax + √λmin))², β* = ((√κ − 1)/(√κ + 1))², contracting at (√κ − 1)/(√κ + 1).
// Those bounds need λmin > 0; at a saddle or a maximum only 2/λmax (when λmax > 0) still bounds the
// positive-curvature directions, and every negative-curvature direction grows at any α.

/** What the curvature at a point is: a bowl, a valley floor (λmin = 0), a saddle, a ridge or a cap. */
export type Curvature = 'positive-definite' | 'positive-semidefinite' | 'saddle' | 'negative-semidefinite' | 'negative-definite' | 'flat';

/** The local quadratic model's theory numbers at one point. */
export interface LocalQuadratic {
  readonly dimension: number;
  /** Eigenvalues of H, ascending. */
  readonly eigenvalues: Float64Array;
  /** Unit eigenvectors, one row per eigenvalue (row i goes with eigenvalues[i]), `dimension` numbers each. */
  readonly eigenvectors: Float64Array;
  readonly curvature: Curvature;
  /** κ = λmax/λmin; null unless λmin > 0. */
  readonly conditionNumber: number | null;
  /** 2/λmax, beyond which gradient descent diverges along the top eigenvector; null when λmax ≤ 0 (no bound: every rate moves away). */
  readonly largestStableLearningRate: number | null;
  /** 2/(λmin + λmax), the rate that contracts the slowest direction fastest; null unless λmin > 0. */
  readonly optimalLearningRate: number | null;
  /** Gradient descent's contraction per step at the optimal rate, (κ − 1)/(κ + 1); null unless λmin > 0. */
  readonly optimalGradientDescentRate: number | null;
  /** Heavy-ball momentum's critically damped pair and its contraction (√κ − 1)/(√κ + 1); null unless λmin > 0. */
  readonly criticalMomentum: { readonly learningRate: number; readonly momentum: number; readonly rate: number } | null;
}

/** Relative size below which an eigenvalue counts as zero (rounding of a Hessian near a valley floor). */
const ZERO_TOLERANCE = 1e-12;

/** The theory numbers of the symmetric `dimension` × `dimension` Hessian `hessian` (row-major). */
export function localQuadratic(hessian: ArrayLike<number>, dimension: number): LocalQuadratic {
  const n = dimension;
  const { values, vectors } = symmetricEigen(hessian, n);
  const order = [...values.keys()].sort((i, j) => values[i] - values[j]);
  const eigenvalues = Float64Array.from(order, (k) => values[k]);
  const eigenvectors = new Float64Array(n * n);
  order.forEach((k, row) => {
    for (let i = 0; i < n; i++) eigenvectors[row * n + i] = vectors[i * n + k];
  });
  const lambdaMin = eigenvalues[0];
  const lambdaMax = eigenvalues[n - 1];
  const curvature = curvatureOf(lambdaMin, lambdaMax);
  const positive = curvature === 'positive-definite';
  const kappa = positive ? lambdaMax / lambdaMin : null;
  const rootKappa = kappa === null ? null : Math.sqrt(kappa);
  return {
    dimension: n,
    eigenvalues,
    eigenvectors,
    curvature,
    conditionNumber: kappa,
    largestStableLearningRate: lambdaMax > 0 && Number.isFinite(lambdaMax) ? 2 / lambdaMax : null,
    optimalLearningRate: positive ? 2 / (lambdaMin + lambdaMax) : null,
    optimalGradientDescentRate: kappa === null ? null : (kappa - 1) / (kappa + 1),
    criticalMomentum:
      rootKappa === null
        ? null
        : {
            learningRate: (2 / (Math.sqrt(lambdaMax) + Math.sqrt(lambdaMin))) ** 2,
            momentum: ((rootKappa - 1) / (rootKappa + 1)) ** 2,
            rate: (rootKappa - 1) / (rootKappa + 1),
          },
  };
}

function curvatureOf(lambdaMin: number, lambdaMax: number): Curvature {
  if (!Number.isFinite(lambdaMin) || !Number.isFinite(lambdaMax)) return 'flat';
  const zero = ZERO_TOLERANCE * Math.max(Math.abs(lambdaMin), Math.abs(lambdaMax));
  const sign = (lambda: number) => (lambda > zero ? 1 : lambda < -zero ? -1 : 0);
  const low = sign(lambdaMin);
  const high = sign(lambdaMax);
  if (low > 0) return 'positive-definite';
  if (high < 0) return 'negative-definite';
  if (low < 0 && high > 0) return 'saddle';
  if (low === 0 && high > 0) return 'positive-semidefinite';
  if (high === 0 && low < 0) return 'negative-semidefinite';
  return 'flat';
}

/**
 * Gradient descent's contraction per step with learning rate α on the model: max |1 − αλ| over the
 * eigenvalues (below 1: it converges locally; above 1: it moves away, growing by that factor).
 */
export function gradientDescentRate(eigenvalues: ArrayLike<number>, learningRate: number): number {
  let rate = 0;
  for (let i = 0; i < eigenvalues.length; i++) rate = Math.max(rate, Math.abs(1 - learningRate * eigenvalues[i]));
  return rate;
}

/**
 * Heavy-ball momentum's contraction per step: the largest |σ| over the eigenvalues, σ the roots of
 * σ² − (1 + β − αλ)σ + β = 0, the eigenvalues of Distill's 2 × 2 iteration matrix [[β, λ], [−αβ, 1 − αλ]].
 */
export function heavyBallRate(eigenvalues: ArrayLike<number>, learningRate: number, momentum: number): number {
  let rate = 0;
  for (let i = 0; i < eigenvalues.length; i++) {
    const trace = 1 + momentum - learningRate * eigenvalues[i];
    const discriminant = trace * trace - 4 * momentum;
    // complex pair: |σ|² = σσ̄ = β; real pair: the larger |root|
    const largest = discriminant < 0 ? Math.sqrt(momentum) : (Math.abs(trace) + Math.sqrt(discriminant)) / 2;
    rate = Math.max(rate, largest);
  }
  return rate;
}

/**
 * The largest learning rate at which heavy-ball momentum β (0 ≤ β < 1) is stable on the model,
 * (2 + 2β)/λmax (Distill: the iteration converges for 0 < αλ < 2 + 2β); null when λmax ≤ 0.
 */
export function largestStableMomentumLearningRate(lambdaMax: number, momentum: number): number | null {
  return lambdaMax > 0 && Number.isFinite(lambdaMax) ? (2 + 2 * momentum) / lambdaMax : null;
}
