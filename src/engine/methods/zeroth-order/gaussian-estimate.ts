import { clipGradient } from '../../clipping';
import { DIVERGENCE_BOUND } from '../../divergence';
import type { Oracle } from '../../oracle';
import { deriveSeed, Random } from '../../random';
import { learningRateAt } from '../../schedules';
import { numberHyper } from '../first-order/hyper';
import type { HyperSpec, HyperValues } from '../hyperparameters';
import type { MethodContext, MethodInstance } from '../method';
import type { MethodSnapshot } from '../snapshot';

// The two-point Gaussian gradient estimate shared by zo_sgd (MeZO, Malladi et al. 2023), zo_sign_sgd
// and zo_adam: for each of q directions z ~ N(0, I),
//   projected_grad = (f(x + εz) − f(x − εz)) / (2ε),   ĝ = (1/q) Σ projected_grad · z,
// an unbiased estimate of ∇f_ε, the gradient of f smoothed by N(0, ε²I) (equal to ∇f on a quadratic).
// As in MeZO, z is never stored: direction j of step k is drawn from its own seed,
// deriveSeed(deriveSeed(method seed, k), j), once to place the probes and again to apply the update,
// so the memory is that of the point (plus the probe pair kept for the map).
// Cost: 2q function evaluations per estimate, never a gradient; the step then evaluates f once more at
// the new point, because the trajectory records f there: 2q + 1 per step, and 1 at the start.

/** `q`: directions averaged per estimate. */
export const DIRECTIONS_SPEC: HyperSpec = { kind: 'number', name: 'q', defaultValue: 1, min: 1, max: 1000, integer: true, description: 'random directions averaged per estimate (2q evaluations)' };

/** The seed of direction `direction` at step `step` (z regenerated from it, never stored). */
export function directionSeed(methodSeed: number, step: number, direction: number): number {
  return deriveSeed(deriveSeed(methodSeed, step), direction);
}

/** A two-point Gaussian estimator for one run: writes ĝ and keeps the latest probes for the map. */
export class GaussianEstimator {
  private readonly dimension: number;
  private readonly directions: number;
  private readonly smoothing: number;
  private readonly seed: number;
  /** The probe pairs of the latest estimate: x + εz_j, x − εz_j for j = 0..q−1. */
  private readonly probes: Float64Array;
  private readonly projectedGradients: Float64Array;
  private estimated = false;

  constructor(dimension: number, directions: number, smoothing: number, seed: number) {
    this.dimension = dimension;
    this.directions = directions;
    this.smoothing = smoothing;
    this.seed = seed;
    this.probes = new Float64Array(2 * directions * dimension);
    this.projectedGradients = new Float64Array(directions);
  }

  /** Writes ĝ at `point` for step `step` into `gradient` (2q evaluations of f). */
  estimate(point: Float64Array, oracle: Oracle, step: number, gradient: Float64Array): void {
    const { dimension, directions, smoothing, probes } = this;
    for (let j = 0; j < directions; j++) {
      const random = new Random(directionSeed(this.seed, step, j));
      const plus = probes.subarray(2 * j * dimension, (2 * j + 1) * dimension);
      const minus = probes.subarray((2 * j + 1) * dimension, (2 * j + 2) * dimension);
      for (let i = 0; i < dimension; i++) {
        const z = random.nextGaussian();
        plus[i] = point[i] + smoothing * z;
        minus[i] = point[i] - smoothing * z;
      }
      this.projectedGradients[j] = (oracle.value(plus) - oracle.value(minus)) / (2 * smoothing);
    }
    gradient.fill(0);
    for (let j = 0; j < directions; j++) {
      // the same seed gives the same z again
      const random = new Random(directionSeed(this.seed, step, j));
      const weight = this.projectedGradients[j] / directions;
      for (let i = 0; i < dimension; i++) gradient[i] += weight * random.nextGaussian();
    }
    this.estimated = true;
  }

  /** The latest probe pairs and the unit direction of the first (null before the first estimate). */
  snapshot(): MethodSnapshot | null {
    if (!this.estimated) return null;
    const { dimension, probes } = this;
    const direction = new Float64Array(dimension);
    let norm = 0;
    for (let i = 0; i < dimension; i++) {
      direction[i] = probes[i] - probes[dimension + i];
      norm += direction[i] * direction[i];
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < dimension; i++) direction[i] /= norm;
    return { probes: probes.slice(), direction };
  }
}

/**
 * A zeroth-order method around a first-order update rule: per step, ĝ from `estimator` (clipped as a
 * gradient would be), then update(point, ĝ, learning rate of the schedule), then f at the new point.
 */
export function estimateAndUpdate(
  hyper: HyperValues,
  context: MethodContext,
  smoothing: number,
  update: (point: Float64Array, estimate: Float64Array, learningRate: number) => void
): MethodInstance {
  const { dimension, schedule, clip } = context;
  const estimator = new GaussianEstimator(dimension, numberHyper(hyper, 'q'), smoothing, context.seed);
  const baseLearningRate = numberHyper(hyper, 'lr');
  const estimate = new Float64Array(dimension);
  return {
    start: (point, oracle) => oracle.value(point),
    step(point, oracle, step) {
      estimator.estimate(point, oracle, step, estimate);
      if (clip !== undefined) clipGradient(estimate, clip);
      update(point, estimate, schedule === undefined ? baseLearningRate : learningRateAt(schedule, baseLearningRate, step));
      // past the divergence bound the runner ends the run whatever f is: do not pay for it
      for (let i = 0; i < dimension; i++) if (!(Math.abs(point[i]) <= DIVERGENCE_BOUND)) return NaN;
      return oracle.value(point);
    },
    snapshot: () => estimator.snapshot(),
  };
}
