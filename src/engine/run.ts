import { clipGradient, type ClipSpec } from './clipping';
import type { Objective } from './objective';
import type { HyperValues, OptimizerDefinition, OptimizerInstance } from './methods/first-order/optimizer';
import { Random } from './random';
import { learningRateAt, type ScheduleSpec } from './schedules';

/** What to run: an optimizer with complete hyperparameters on an objective from a start point. */
export interface RunOptions {
  objective: Objective;
  optimizer: OptimizerDefinition;
  /** Complete and validated (every HyperSpec present); `lr` is the schedule's base rate. */
  hyper: HyperValues;
  start: ArrayLike<number>;
  numSteps: number;
  schedule?: ScheduleSpec;
  clip?: ClipSpec;
  /** σ of the Gaussian noise added to each gradient component (0 or absent: none). */
  noise?: number;
  /** Seed of the noise stream (uint32, default 0); use deriveSeed for run i of an experiment. */
  seed?: number;
  /**
   * false: keep only the latest point and its loss (batch summaries, no trajectory); result() then
   * holds that one point. Default true: record every point.
   */
  record?: boolean;
}

/** Why and where a run stopped early. */
export interface Divergence {
  /** The trajectory index the offending point would have had (0: f is not finite at the start). */
  step: number;
  /** In plain words, e.g. "x became NaN". */
  reason: string;
}

/** A recorded run: every point visited, start first, and the loss at each. */
export interface RunResult {
  dimension: number;
  /** Flattened (recordedSteps + 1) × dimension, start first. */
  trajectory: Float64Array;
  /** loss[k] = f(trajectory[k]). */
  loss: Float64Array;
  diverged: Divergence | null;
}

/** Coordinates beyond this magnitude count as divergence (long before float64 overflows). */
export const DIVERGENCE_BOUND = 1e12;

// Float64s preallocated for the trajectory (32 MiB); it doubles beyond that.
const INITIAL_CAPACITY = 1 << 22;

/** Runs the optimizer for options.numSteps updates (fewer if it diverges) and records every point. */
export function runOptimizer(options: RunOptions): RunResult {
  const runner = new Runner(options);
  runner.advance(options.numSteps);
  return runner.result();
}

/**
 * A run that can be continued: advance(n) performs n more updates (the schedule and the noise stream
 * carry on), so live views can extend a run without recomputing it. options.numSteps only sizes the
 * first buffers. Per update k: g = ∇f(x_k); g_i += σ·N(0, 1) for i = 0..dim−1; clip(g);
 * x_{k+1} = optimizer.step(x_k, g, learningRateAt(schedule, lr, k)).
 */
export class Runner {
  private readonly objective: Objective;
  private readonly optimizer: OptimizerInstance;
  private readonly baseLearningRate: number;
  private readonly schedule: ScheduleSpec | undefined;
  private readonly clip: ClipSpec | undefined;
  private readonly noise: number;
  private readonly random: Random;
  private readonly dimension: number;
  private readonly point: Float64Array;
  private readonly gradient: Float64Array;
  private readonly recordAll: boolean;
  private trajectory: Float64Array;
  private loss: Float64Array;
  private numPoints = 0;
  private best = NaN;
  private divergence: Divergence | null = null;

  constructor(options: RunOptions) {
    const { objective } = options;
    this.dimension = objective.dimension;
    if (options.start.length !== this.dimension) {
      throw new RangeError(`start has ${options.start.length} coordinates, the objective takes ${this.dimension}`);
    }
    this.objective = objective;
    this.optimizer = options.optimizer.create(options.hyper, this.dimension);
    const learningRate = options.hyper.lr;
    if (typeof learningRate !== 'number') throw new TypeError('hyper.lr must be a number');
    this.baseLearningRate = learningRate;
    this.schedule = options.schedule;
    this.clip = options.clip;
    this.noise = options.noise ?? 0;
    this.random = new Random(options.seed ?? 0);
    this.point = Float64Array.from(options.start);
    this.gradient = new Float64Array(this.dimension);
    this.recordAll = options.record ?? true;
    const wanted = Number.isFinite(options.numSteps) && this.recordAll ? Math.floor(options.numSteps) + 1 : 1;
    const capacity = Math.max(1, Math.min(wanted, Math.floor(INITIAL_CAPACITY / this.dimension)));
    this.trajectory = new Float64Array(capacity * this.dimension);
    this.loss = new Float64Array(capacity);

    // the gradient at x_k is evaluated together with f(x_k) when x_k is recorded
    const startLoss = objective.valueAndGradient(this.point, this.gradient);
    this.record(startLoss);
    const problem = pointProblem(this.point, this.dimension, true) ?? lossProblem(startLoss, true);
    if (problem !== null) this.divergence = { step: 0, reason: problem };
  }

  /** Updates performed so far (the trajectory holds one more point). */
  get stepsTaken(): number {
    return this.numPoints - 1;
  }

  /** Why the run stopped, or null while it can continue. */
  get diverged(): Divergence | null {
    return this.divergence;
  }

  /** f at the latest recorded point (the last finite one once the run has diverged). */
  get lastLoss(): number {
    return this.loss[this.recordAll ? this.numPoints - 1 : 0];
  }

  /** The smallest loss recorded so far (compared with <, starting from the start's loss). */
  get bestLoss(): number {
    return this.best;
  }

  /** Writes the latest recorded point into `out` (length ≥ dimension); allocates nothing. */
  copyLastPoint(out: Float64Array): void {
    const offset = this.recordAll ? (this.numPoints - 1) * this.dimension : 0;
    for (let i = 0; i < this.dimension; i++) out[i] = this.trajectory[offset + i];
  }

  /** Performs up to `numSteps` more updates, stopping at divergence; returns how many were recorded. */
  advance(numSteps: number): number {
    const { dimension, point, gradient } = this;
    let recorded = 0;
    while (recorded < numSteps && this.divergence === null) {
      const step = this.numPoints - 1;
      if (this.noise > 0) {
        for (let i = 0; i < dimension; i++) gradient[i] += this.noise * this.random.nextGaussian();
      }
      if (this.clip !== undefined) clipGradient(gradient, this.clip);
      const learningRate = this.schedule === undefined ? this.baseLearningRate : learningRateAt(this.schedule, this.baseLearningRate, step);
      this.optimizer.step(point, gradient, learningRate);

      const problem = pointProblem(point, dimension, false);
      if (problem !== null) {
        this.divergence = { step: step + 1, reason: problem };
        break;
      }
      const loss = this.objective.valueAndGradient(point, gradient);
      const badLoss = lossProblem(loss, false);
      if (badLoss !== null) {
        this.divergence = { step: step + 1, reason: badLoss };
        break;
      }
      this.record(loss);
      recorded++;
    }
    return recorded;
  }

  /**
   * The run so far; the arrays are copies, safe to keep or transfer while the runner goes on. With
   * record: false they hold only the latest point and its loss.
   */
  result(): RunResult {
    return {
      dimension: this.dimension,
      trajectory: this.recordAll ? this.trajectory.slice(0, this.numPoints * this.dimension) : this.trajectory.slice(),
      loss: this.recordAll ? this.loss.slice(0, this.numPoints) : this.loss.slice(),
      diverged: this.divergence === null ? null : { ...this.divergence },
    };
  }

  private record(loss: number): void {
    if (this.numPoints === 0 || loss < this.best) this.best = loss;
    if (!this.recordAll) {
      // lean mode: one slot, overwritten by every new point
      this.trajectory.set(this.point);
      this.loss[0] = loss;
      this.numPoints++;
      return;
    }
    if (this.numPoints === this.loss.length) {
      const trajectory = new Float64Array(this.trajectory.length * 2);
      trajectory.set(this.trajectory);
      this.trajectory = trajectory;
      const losses = new Float64Array(this.loss.length * 2);
      losses.set(this.loss);
      this.loss = losses;
    }
    this.trajectory.set(this.point, this.numPoints * this.dimension);
    this.loss[this.numPoints] = loss;
    this.numPoints++;
  }
}

/** Null for a point that may be recorded; otherwise what is wrong with it, in words. */
function pointProblem(point: Float64Array, dimension: number, atStart: boolean): string | null {
  for (let i = 0; i < dimension; i++) {
    const value = point[i];
    const name = coordinateName(i, dimension);
    if (Number.isNaN(value)) return atStart ? `${name} is NaN at the start point` : `${name} became NaN`;
    if (!Number.isFinite(value)) return atStart ? `${name} is infinite at the start point` : `${name} became infinite`;
    if (Math.abs(value) > DIVERGENCE_BOUND) return atStart ? `|${name}| exceeds 1e12 at the start point` : `|${name}| exceeded 1e12`;
  }
  return null;
}

function lossProblem(loss: number, atStart: boolean): string | null {
  const where = atStart ? ' at the start point' : '';
  if (Number.isNaN(loss)) return `f is NaN${where} (log or sqrt of a negative number?)`;
  if (!Number.isFinite(loss)) return `f is infinite${where} (division by zero or overflow?)`;
  return null;
}

function coordinateName(index: number, dimension: number): string {
  return dimension <= 3 ? 'xyz'[index] : `parameter ${index + 1}`;
}
