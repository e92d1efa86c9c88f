import { clipGradient } from '../../clipping';
import { DIVERGENCE_BOUND } from '../../divergence';
import type { Oracle } from '../../oracle';
import { deriveSeed, Random } from '../../random';
import { learningRateAt } from '../../schedules';
import { numberHyper } from '../first-order/hyper';
import type { HyperSpec, HyperValues } from '../hyperparameters';
import type { MethodContext, MethodInstance } from '../method';
import type { MethodInspection } from '../inspection';
import type { MethodSnapshot } from '../snapshot';
import { probedInspection, type ProbedEstimate, type UpdateStory } from './estimate-narration';

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
  /** f at each probe, kept on the inspector's replay only (null otherwise). */
  private readonly probeValues: Float64Array | null;

  constructor(dimension: number, directions: number, smoothing: number, seed: number, inspecting = false) {
    this.dimension = dimension;
    this.directions = directions;
    this.smoothing = smoothing;
    this.seed = seed;
    this.probes = new Float64Array(2 * directions * dimension);
    this.projectedGradients = new Float64Array(directions);
    this.probeValues = inspecting ? new Float64Array(2 * directions) : null;
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
      const plusValue = oracle.value(plus);
      const minusValue = oracle.value(minus);
      this.projectedGradients[j] = (plusValue - minusValue) / (2 * smoothing);
      if (this.probeValues !== null) {
        this.probeValues[2 * j] = plusValue;
        this.probeValues[2 * j + 1] = minusValue;
      }
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
  /**
   * The latest estimate for the inspector (constructed with `inspecting` only): x (the probes' middle),
   * the probes and their f, z_1 regenerated from its seed, ĝ raw and as used, and the learning rate.
   */
  describe(previous: Float64Array, step: number, rawEstimate: Float64Array, estimate: Float64Array, learningRate: number): ProbedEstimate {
    if (this.probeValues === null) throw new Error('GaussianEstimator.describe needs a replay made with inspecting');
    const random = new Random(directionSeed(this.seed, step, 0));
    const direction = new Float64Array(this.dimension);
    for (let i = 0; i < this.dimension; i++) direction[i] = random.nextGaussian();
    return {
      kind: 'gaussian',
      previous,
      perturbation: this.smoothing,
      probes: this.probes.slice(),
      probeValues: this.probeValues.slice(),
      direction,
      rawEstimate,
      estimate: estimate.slice(),
      learningRate,
    };
  }

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
  update: (point: Float64Array, estimate: Float64Array, learningRate: number) => void,
  tellUpdate: UpdateTeller | null,
): MethodInstance {
  const { dimension, schedule, clip } = context;
  const inspecting = context.inspecting === true;
  const estimator = new GaussianEstimator(dimension, numberHyper(hyper, 'q'), smoothing, context.seed, inspecting);
  const baseLearningRate = numberHyper(hyper, 'lr');
  const estimate = new Float64Array(dimension);
  let latest: { estimate: ProbedEstimate; update: UpdateStory } | null = null;
  return {
    start: (point, oracle) => oracle.value(point),
    step(point, oracle, step) {
      estimator.estimate(point, oracle, step, estimate);
      const previous = inspecting ? point.slice() : null;
      const rawEstimate = inspecting ? estimate.slice() : null;
      if (clip !== undefined) clipGradient(estimate, clip);
      const learningRate = schedule === undefined ? baseLearningRate : learningRateAt(schedule, baseLearningRate, step);
      update(point, estimate, learningRate);
      if (previous !== null && rawEstimate !== null) {
        // every step on the replay, so an update with state (Adam's moments) can follow it from the start
        latest = { estimate: estimator.describe(previous, step, rawEstimate, estimate, learningRate), update: tellUpdate?.(previous, estimate, learningRate, point) ?? { state: [], narration: [] } };
      }
      // past the divergence bound the runner ends the run whatever f is: do not pay for it
      for (let i = 0; i < dimension; i++) if (!(Math.abs(point[i]) <= DIVERGENCE_BOUND)) return NaN;
      return oracle.value(point);
    },
    snapshot: () => estimator.snapshot(),
    inspect: (): MethodInspection => probedInspection(dimension, latest?.estimate ?? null, latest?.update ?? null),
  };
}

/** Tells the update of one step on the inspector's replay (called at every step there, never elsewhere): x before, ĝ as used, the learning rate, x after. */
export type UpdateTeller = (previous: Float64Array, estimate: Float64Array, learningRate: number, point: Float64Array) => UpdateStory;
