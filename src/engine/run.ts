import type { ClipSpec } from './clipping';
import { lossProblem, pointProblem } from './divergence';
import { CLOCK_INTERVAL, spreadReadings, type ClockReading } from './elapsed';
import type { MethodDefinition, MethodInstance } from './methods/method';
import type { HyperValues } from './methods/hyperparameters';
import type { Objective } from './objective';
import { Oracle } from './oracle';
import type { ScheduleSpec } from './schedules';

export { DIVERGENCE_BOUND } from './divergence';

/** What to run: a method with complete hyperparameters on an objective from a start point. */
export interface RunOptions {
  objective: Objective;
  method: MethodDefinition;
  /** Complete and validated (every HyperSpec present); `lr`, where the method has one, is the schedule's base rate. */
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
   * false: keep only the latest point and its numbers (batch summaries, no trajectory); result()
   * then holds that one point. Default true: record every point.
   */
  record?: boolean;
  /** Milliseconds from some origin (performance.now): when given, the wall time of each point is recorded. */
  clock?: () => number;
}

/** Why and where a run stopped early. */
export interface Divergence {
  /** The trajectory index the offending point would have had (0: f is not finite at the start). */
  step: number;
  /** In plain words, e.g. "x became NaN". */
  reason: string;
}

/** Where a method's own stopping test was met. */
export interface Convergence {
  /** The trajectory index of the point that met it. */
  step: number;
  /** In the method's words, e.g. "‖∇f‖ ≤ gtol". */
  reason: string;
}

/** Cumulative evaluation counts at each recorded point. */
export interface EvaluationSeries {
  readonly function: Float64Array;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
}

/** A recorded run: every point visited, start first, with f, the evaluations made and the best f seen. */
export interface RunResult {
  dimension: number;
  /** Flattened (recordedSteps + 1) × dimension, start first. */
  trajectory: Float64Array;
  /** loss[k] = f(trajectory[k]). */
  loss: Float64Array;
  /** Evaluations of f, ∇f and ∇²f made by the time each point was reached (the start's included). */
  evaluations: EvaluationSeries;
  /** The lowest f of every evaluation made by the time each point was reached. */
  bestLoss: Float64Array;
  /** Wall-clock milliseconds since the run started at each point (null without a clock). */
  elapsedMs: Float64Array | null;
  diverged: Divergence | null;
  converged: Convergence | null;
}

// Points preallocated (32 MiB of coordinates at most); the columns double beyond that.
const INITIAL_CAPACITY = 1 << 22;

/** Runs the method for options.numSteps steps (fewer if it diverges or converges) and records every point. */
export function runMethod(options: RunOptions): RunResult {
  const runner = new Runner(options);
  runner.advance(options.numSteps);
  return runner.result();
}

/**
 * A run that can be continued: advance(n) performs n more steps (the method's state, the schedule
 * and the noise stream carry on), so live views can extend a run without recomputing it.
 * options.numSteps only sizes the first buffers. The runner is method-agnostic and n-dimensional:
 * the method moves the point through a counting Oracle, the runner records and checks each point.
 */
export class Runner {
  private readonly method: MethodInstance;
  private readonly oracle: Oracle;
  private readonly dimension: number;
  private readonly point: Float64Array;
  private readonly recordAll: boolean;
  private readonly clock: (() => number) | undefined;
  private readonly startTime: number;
  private readonly readings: ClockReading[] = [];
  private trajectory: Float64Array;
  private loss: Float64Array;
  private functionCounts: Float64Array;
  private gradientCounts: Float64Array;
  private hessianCounts: Float64Array;
  private bestLosses: Float64Array;
  private numPoints = 0;
  private divergence: Divergence | null = null;
  private convergence: Convergence | null = null;

  constructor(options: RunOptions) {
    const { objective } = options;
    this.dimension = objective.dimension;
    if (options.start.length !== this.dimension) {
      throw new RangeError(`start has ${options.start.length} coordinates, the objective takes ${this.dimension}`);
    }
    this.method = options.method.create(options.hyper, { dimension: this.dimension, schedule: options.schedule, clip: options.clip });
    this.oracle = new Oracle(objective, { standardDeviation: options.noise ?? 0, seed: options.seed ?? 0 });
    this.point = Float64Array.from(options.start);
    this.recordAll = options.record ?? true;
    this.clock = options.clock;
    this.startTime = this.clock?.() ?? 0;
    const wanted = Number.isFinite(options.numSteps) && this.recordAll ? Math.floor(options.numSteps) + 1 : 1;
    const capacity = Math.max(1, Math.min(wanted, Math.floor(INITIAL_CAPACITY / this.dimension)));
    this.trajectory = new Float64Array(capacity * this.dimension);
    this.loss = new Float64Array(capacity);
    this.functionCounts = new Float64Array(capacity);
    this.gradientCounts = new Float64Array(capacity);
    this.hessianCounts = new Float64Array(capacity);
    this.bestLosses = new Float64Array(capacity);

    const startLoss = this.method.start(this.point, this.oracle);
    this.record(startLoss);
    const problem = pointProblem(this.point, this.dimension, true) ?? lossProblem(startLoss, true);
    if (problem !== null) this.divergence = { step: 0, reason: problem };
  }

  /** Steps performed so far (the trajectory holds one more point). */
  get stepsTaken(): number {
    return this.numPoints - 1;
  }

  /** Why the run stopped, or null while it can continue. */
  get diverged(): Divergence | null {
    return this.divergence;
  }

  /** Where the method's stopping test was met, or null. */
  get converged(): Convergence | null {
    return this.convergence;
  }

  /** f at the latest recorded point (the last finite one once the run has diverged). */
  get lastLoss(): number {
    return this.loss[this.recordAll ? this.numPoints - 1 : 0];
  }

  /** The lowest f of every evaluation so far (the start's included). */
  get bestLoss(): number {
    return this.oracle.bestValue;
  }

  /** Writes the latest recorded point into `out` (length ≥ dimension); allocates nothing. */
  copyLastPoint(out: Float64Array): void {
    const offset = this.recordAll ? (this.numPoints - 1) * this.dimension : 0;
    for (let i = 0; i < this.dimension; i++) out[i] = this.trajectory[offset + i];
  }

  /** Performs up to `numSteps` more steps, stopping at divergence or convergence; returns how many were recorded. */
  advance(numSteps: number): number {
    const { dimension, point } = this;
    let recorded = 0;
    while (recorded < numSteps && this.divergence === null && this.convergence === null) {
      const step = this.numPoints - 1;
      const outcome = this.method.step(point, this.oracle, step);
      const problem = pointProblem(point, dimension, false) ?? lossProblem(outcome.value, false);
      if (problem !== null) {
        this.divergence = { step: step + 1, reason: problem };
        break;
      }
      this.record(outcome.value);
      recorded++;
      if (outcome.converged !== undefined) this.convergence = { step: step + 1, reason: outcome.converged };
    }
    return recorded;
  }

  /**
   * The run so far; the arrays are copies, safe to keep or transfer while the runner goes on. With
   * record: false they hold only the latest point and its numbers.
   */
  result(): RunResult {
    const points = this.recordAll ? this.numPoints : 1;
    const column = (values: Float64Array) => values.slice(0, points);
    let elapsedMs: Float64Array | null = null;
    if (this.clock !== undefined) {
      const last = this.readings[this.readings.length - 1];
      const readings = last?.point === this.numPoints - 1 ? this.readings : [...this.readings, { point: this.numPoints - 1, time: this.clock() - this.startTime }];
      elapsedMs = this.recordAll ? spreadReadings(readings, points) : Float64Array.of(readings[readings.length - 1].time);
    }
    return {
      dimension: this.dimension,
      trajectory: this.trajectory.slice(0, points * this.dimension),
      loss: column(this.loss),
      evaluations: { function: column(this.functionCounts), gradient: column(this.gradientCounts), hessian: column(this.hessianCounts) },
      bestLoss: column(this.bestLosses),
      elapsedMs,
      diverged: this.divergence === null ? null : { ...this.divergence },
      converged: this.convergence === null ? null : { ...this.convergence },
    };
  }

  private record(loss: number): void {
    const index = this.recordAll ? this.numPoints : 0;
    if (index === this.loss.length) this.grow();
    this.trajectory.set(this.point, index * this.dimension);
    this.loss[index] = loss;
    this.functionCounts[index] = this.oracle.functionEvaluations;
    this.gradientCounts[index] = this.oracle.gradientEvaluations;
    this.hessianCounts[index] = this.oracle.hessianEvaluations;
    this.bestLosses[index] = this.oracle.bestValue;
    if (this.clock !== undefined && this.numPoints % CLOCK_INTERVAL === 0) this.readings.push({ point: this.numPoints, time: this.clock() - this.startTime });
    this.numPoints++;
  }

  /** Doubles every column's capacity. */
  private grow(): void {
    const doubled = (values: Float64Array) => {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      return grown;
    };
    this.trajectory = doubled(this.trajectory);
    this.loss = doubled(this.loss);
    this.functionCounts = doubled(this.functionCounts);
    this.gradientCounts = doubled(this.gradientCounts);
    this.hessianCounts = doubled(this.hessianCounts);
    this.bestLosses = doubled(this.bestLosses);
  }
}
