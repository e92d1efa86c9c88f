import type { ClipSpec } from './clipping';
import { DIVERGENCE_BOUND, lossProblem, pointProblem } from './divergence';
import { CLOCK_INTERVAL, spreadReadings, type ClockReading } from './elapsed';
import type { MethodDefinition, MethodInstance } from './methods/method';
import type { HyperValues } from './methods/hyperparameters';
import type { Domain, MiniBatches, Objective } from './objective';
import type { MethodSnapshot } from './methods/snapshot';
import type { MethodInspection } from './methods/inspection';
import { deriveSeed } from './random';
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
  /**
   * The run's seed (uint32, default 0; deriveSeed(experiment seed, i) for run i): the gradient
   * noise stream is drawn from it, the method's own randomness from deriveSeed(seed, METHOD_STREAM).
   */
  seed?: number;
  /** The region in view, for methods that sample it (random search); the problem's plotting domain outside the app. */
  domain?: Domain;
  /**
   * false: keep only the latest point and its numbers (batch summaries, no trajectory); result()
   * then holds that one point. Default true: record every point.
   */
  record?: boolean;
  /** Milliseconds from some origin (performance.now): when given, the wall time of each point is recorded. */
  clock?: () => number;
  /** The step inspector's replay: the method keeps what inspect() needs (MethodContext.inspecting). */
  inspecting?: boolean;
}

/** Why and where a run stopped early. */
export interface Divergence {
  /** The trajectory index the offending point would have had (0: f is not finite at the start). */
  step: number;
  /** In plain words, e.g. "x became NaN". */
  reason: string;
}

/** The stream of a run's seed that its method's randomness is drawn from (the noise stream is the seed itself). */
export const METHOD_STREAM = 0x6d657468;
/** The stream of a run's seed that its mini-batch shuffle is drawn from. */
export const DATA_STREAM = 0x64617461;

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
  /** The method's state at each recorded point, for the map (null for methods that draw none, and for lean runs). */
  snapshots: (MethodSnapshot | null)[] | null;
}

/** True when every coordinate is finite and within the divergence bound and f is finite. */
function isRecordable(point: Float64Array, dimension: number, loss: number): boolean {
  for (let i = 0; i < dimension; i++) if (!(Math.abs(point[i]) <= DIVERGENCE_BOUND)) return false;
  return Number.isFinite(loss);
}

// Points preallocated (32 MiB of coordinates at most); the columns double beyond that.
const INITIAL_CAPACITY = 1 << 22;
/** The count and best-f columns of a lean run, which has none. */
const NO_COLUMN = new Float64Array(0);

/** Runs the method for options.numSteps steps (fewer if it diverges or converges) and records every point. */
export function runMethod(options: RunOptions): RunResult {
  const runner = new Runner(options);
  runner.advance(options.numSteps);
  // nothing runs on after this: hand over the columns instead of copying them
  return runner.result(false);
}

/**
 * A run that can be continued: advance(n) performs n more steps (the method's state, the schedule
 * and the noise stream carry on), so live views can extend a run without recomputing it.
 * options.numSteps only sizes the first buffers. The runner is method-agnostic and n-dimensional:
 * the method moves the point through a counting Oracle, the runner records and checks each point.
 */
export class Runner {
  private readonly method: MethodInstance;
  private readonly stoppingTest: (() => string | null) | undefined;
  private readonly snapshots: (MethodSnapshot | null)[] | null;
  private readonly oracle: Oracle;
  /** The objective's mini-batches: selected before each step, and the loss recorded over all the data. */
  private readonly miniBatches: MiniBatches | null;
  /** The lowest recorded loss (mini-batch runs, whose oracle sees batch losses only). */
  private bestRecorded = NaN;
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
    const seed = options.seed ?? 0;
    const objective = options.objective.forRun?.(deriveSeed(seed, DATA_STREAM)) ?? options.objective;
    this.miniBatches = objective.miniBatches ?? null;
    this.dimension = objective.dimension;
    if (options.start.length !== this.dimension) {
      throw new RangeError(`start has ${options.start.length} coordinates, the objective takes ${this.dimension}`);
    }
    this.method = options.method.create(options.hyper, {
      dimension: this.dimension,
      schedule: options.schedule,
      clip: options.clip,
      seed: deriveSeed(seed, METHOD_STREAM),
      ...(options.domain && { domain: options.domain }),
      ...(options.inspecting === true && { inspecting: true }),
    });
    this.stoppingTest = this.method.stoppingTest?.bind(this.method);
    this.oracle = new Oracle(objective, { standardDeviation: options.noise ?? 0, seed });
    this.point = Float64Array.from(options.start);
    this.recordAll = options.record ?? true;
    this.snapshots = this.recordAll && this.method.snapshot ? [] : null;
    this.clock = options.clock;
    this.startTime = this.clock?.() ?? 0;
    const wanted = Number.isFinite(options.numSteps) && this.recordAll ? Math.floor(options.numSteps) + 1 : 1;
    const capacity = Math.max(1, Math.min(wanted, Math.floor(INITIAL_CAPACITY / this.dimension)));
    this.trajectory = new Float64Array(capacity * this.dimension);
    this.loss = new Float64Array(capacity);
    // lean runs keep no count or best-f columns: the oracle holds the latest (result() reads them)
    this.functionCounts = this.recordAll ? new Float64Array(capacity) : NO_COLUMN;
    this.gradientCounts = this.recordAll ? new Float64Array(capacity) : NO_COLUMN;
    this.hessianCounts = this.recordAll ? new Float64Array(capacity) : NO_COLUMN;
    this.bestLosses = this.recordAll ? new Float64Array(capacity) : NO_COLUMN;

    this.miniBatches?.selectBatch(0);
    const startLoss = this.recordedLoss(this.method.start(this.point, this.oracle));
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

  /** The lowest f of every evaluation so far (the start's included); on mini-batches, the lowest recorded loss. */
  get bestLoss(): number {
    return this.miniBatches === null ? this.oracle.bestValue : this.bestRecorded;
  }

  /** The method's inspection after the latest step (runs with options.inspecting), or null for a method without one. */
  inspect(): MethodInspection | null {
    return this.method.inspect?.() ?? null;
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
      if (step > 0) this.miniBatches?.selectBatch(step);
      const loss = this.recordedLoss(this.method.step(point, this.oracle, step));
      if (!isRecordable(point, dimension, loss)) {
        // the words are worked out only here, off the hot path
        this.divergence = { step: step + 1, reason: pointProblem(point, dimension, false) ?? lossProblem(loss, false) ?? 'the point cannot be recorded' };
        break;
      }
      if (this.recordAll) this.record(loss);
      else this.recordLatest(loss);
      recorded++;
      if (this.stoppingTest !== undefined) this.checkStoppingTest(step + 1);
    }
    return recorded;
  }

  /**
   * The run so far; the arrays are copies, safe to keep or transfer while the runner goes on. With
   * record: false they hold only the latest point and its numbers. copy: false hands over the
   * runner's own columns where they are exactly full (the runner must not advance afterwards).
   */
  result(copy = true): RunResult {
    const points = this.recordAll ? this.numPoints : 1;
    const { oracle } = this;
    const column = (values: Float64Array, latest: number) => {
      if (!this.recordAll) return Float64Array.of(latest);
      return !copy && values.length === points ? values : values.slice(0, points);
    };
    let elapsedMs: Float64Array | null = null;
    if (this.clock !== undefined) {
      const last = this.readings[this.readings.length - 1];
      const readings = last?.point === this.numPoints - 1 ? this.readings : [...this.readings, { point: this.numPoints - 1, time: this.clock() - this.startTime }];
      elapsedMs = this.recordAll ? spreadReadings(readings, points) : Float64Array.of(readings[readings.length - 1].time);
    }
    return {
      dimension: this.dimension,
      trajectory: !copy && this.trajectory.length === points * this.dimension ? this.trajectory : this.trajectory.slice(0, points * this.dimension),
      loss: this.recordAll ? column(this.loss, NaN) : this.loss.slice(0, 1),
      evaluations: {
        function: column(this.functionCounts, oracle.functionEvaluations),
        gradient: column(this.gradientCounts, oracle.gradientEvaluations),
        hessian: column(this.hessianCounts, oracle.hessianEvaluations),
      },
      bestLoss: column(this.bestLosses, this.bestLoss),
      elapsedMs,
      diverged: this.divergence === null ? null : { ...this.divergence },
      converged: this.convergence === null ? null : { ...this.convergence },
      snapshots: this.snapshots === null ? null : copy ? this.snapshots.slice(0, points) : this.snapshots,
    };
  }

  /**
   * What a point records: the method's f, or on mini-batches the loss over all the training rows (a
   * batch's loss says little about progress, and the methods never pay for this one).
   */
  private recordedLoss(methodValue: number): number {
    if (this.miniBatches === null) return methodValue;
    const loss = isRecordable(this.point, this.dimension, 0) ? this.miniBatches.fullValue(this.point) : NaN;
    if (this.numPoints === 0 || loss < this.bestRecorded) this.bestRecorded = loss;
    return loss;
  }

  /** Lean mode (batch summaries): one slot; the counts and the best f are the oracle's, read in result(). */
  private recordLatest(loss: number): void {
    for (let i = 0; i < this.dimension; i++) this.trajectory[i] = this.point[i];
    this.loss[0] = loss;
    this.numPoints++;
  }

  /** Asks the method's stopping test about the point just recorded at trajectory index `step`. */
  private checkStoppingTest(step: number): void {
    const reason = this.stoppingTest?.() ?? null;
    if (reason !== null) this.convergence = { step, reason };
  }

  private record(loss: number): void {
    if (!this.recordAll) return this.recordLatest(loss);
    const index = this.numPoints;
    if (index === this.loss.length) this.grow();
    // element by element: TypedArray.set costs more than this for a handful of coordinates
    const offset = index * this.dimension;
    for (let i = 0; i < this.dimension; i++) this.trajectory[offset + i] = this.point[i];
    this.loss[index] = loss;
    const { oracle } = this;
    this.functionCounts[index] = oracle.functionEvaluations;
    this.gradientCounts[index] = oracle.gradientEvaluations;
    this.hessianCounts[index] = oracle.hessianEvaluations;
    this.bestLosses[index] = this.bestLoss;
    if (this.snapshots !== null) this.snapshots.push(this.method.snapshot?.() ?? null);
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
