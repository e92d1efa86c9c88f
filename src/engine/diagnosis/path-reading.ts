// A recorded run as the diagnosis reads it: its points, the step between two of them, the learning
// rate of each step, and the curvature λmax where a step was taken against the method's bound.
import type { Objective } from '../objective';
import type { RunOptions, RunResult } from '../run';
import { learningRateAt, type ScheduleSpec } from '../schedules';
import { largestEigenvalue } from './eigenvalues';
import { stableLearningRate, type StepRule } from './step-rules';

/** The curvature where a step went wrong, against the method's stability bound. */
export interface CurvatureReading {
  /** The step explained (it moved the path from point step − 1 to point step). */
  readonly step: number;
  /** Where it was taken. */
  readonly point: readonly number[];
  /** The Hessian's largest eigenvalue there. */
  readonly largestEigenvalue: number;
  /** The largest stable learning rate there (2/λmax for plain gradient descent), Infinity where λmax ≤ 0. */
  readonly bound: number;
  /** The bound as a formula: "2/λmax". */
  readonly boundFormula: string;
  /** The learning rate of that step (SGD), or its effective rate max |Δxᵢ|/|∂ᵢf| (adaptive methods). */
  readonly learningRate: number;
  /** learningRate / bound. */
  readonly ratio: number;
}

/** Reads points, steps, learning rates and curvatures off a recorded run. */
export class PathReading {
  readonly dimension: number;
  readonly methodName: string;
  readonly learningRate: number | null;
  private readonly objective: Objective;
  private readonly schedule: ScheduleSpec | undefined;
  private readonly hessian: Float64Array;

  constructor(
    readonly options: RunOptions,
    readonly result: RunResult,
  ) {
    this.dimension = result.dimension;
    this.objective = options.objective;
    this.methodName = options.method.name;
    this.schedule = options.schedule;
    this.learningRate = typeof options.hyper.lr === 'number' ? options.hyper.lr : null;
    this.hessian = new Float64Array(this.dimension * this.dimension);
  }

  /** Points recorded (steps + 1). */
  get numPoints(): number {
    return this.result.loss.length;
  }

  /** Point `index` of the path (a view into the trajectory). */
  point(index: number): Float64Array {
    return this.result.trajectory.subarray(index * this.dimension, (index + 1) * this.dimension);
  }

  /** The learning rate of the step taken at point `index` (the schedule's, from the base lr). */
  rateAt(index: number): number {
    const base = this.learningRate ?? NaN;
    return this.schedule === undefined ? base : learningRateAt(this.schedule, base, index);
  }

  /** λmax of the Hessian at point `index`. */
  largestEigenvalueAt(index: number): number {
    this.objective.hessian(this.point(index), this.hessian);
    return largestEigenvalue(this.hessian, this.dimension);
  }

  /** The step from point `index` to the next: its largest coordinate change, and that change over the gradient there. */
  stepSizes(index: number): { largestChange: number; effectiveRate: number; changes: Float64Array } {
    const from = this.point(index);
    const to = this.point(index + 1);
    const gradient = new Float64Array(this.dimension);
    this.objective.valueAndGradient(from, gradient);
    const changes = new Float64Array(this.dimension);
    let largestChange = 0;
    let effectiveRate = 0;
    for (let i = 0; i < this.dimension; i++) {
      changes[i] = to[i] - from[i];
      largestChange = Math.max(largestChange, Math.abs(changes[i]));
      if (gradient[i] !== 0) effectiveRate = Math.max(effectiveRate, Math.abs(changes[i] / gradient[i]));
    }
    return { largestChange, effectiveRate, changes };
  }

  /** The curvature reading of the step taken at point `index` (so the step numbered index + 1). */
  curvature(index: number, rule: StepRule): CurvatureReading | null {
    if (rule === null || index + 1 > this.numPoints) return null;
    const eigenvalue = this.largestEigenvalueAt(index);
    if (!Number.isFinite(eigenvalue)) return null;
    let learningRate: number;
    let bound: number;
    let boundFormula: string;
    if (rule.kind === 'gradient') {
      learningRate = this.rateAt(index);
      bound = stableLearningRate(rule, eigenvalue);
      boundFormula = rule.boundFormula;
    } else {
      // the adaptive step's own rate: how far each coordinate moved per unit of its gradient
      if (index + 1 >= this.numPoints) return null;
      learningRate = this.stepSizes(index).effectiveRate;
      bound = eigenvalue > 0 ? 2 / eigenvalue : Infinity;
      boundFormula = '2/λmax';
    }
    return { step: index + 1, point: Array.from(this.point(index)), largestEigenvalue: eigenvalue, bound, boundFormula, learningRate, ratio: learningRate / bound };
  }
}
