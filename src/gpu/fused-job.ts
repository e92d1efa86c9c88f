// A batch job as the fused kernel sees it: the formula's syntax tree instead of a compiled
// objective, the optimizer's kernel, and per run its start, the row of its learning-rate schedule
// and the hyperparameters a sweep varies. Everything here is computed the way engine/batch/cells.ts
// and engine/batch/summaries.ts compute it for the float64 path, so both paths run the same runs.
import { basinCellStart, convergenceRadius, sweepCellHyper } from '../engine/batch/cells';
import { jobDimension, type BasinJob, type BatchSettings, type SweepJob } from '../engine/batch/types';
import type { Expr } from '../engine/expression/ast';
import type { KnownMinimum } from '../engine/objective';
import type { OptimizerKernel } from '../engine/methods/first-order/kernel';
import type { HyperValues, OptimizerDefinition } from '../engine/methods/first-order/optimizer';
import { learningRateAt } from '../engine/schedules';
import { GPU_DIMENSION } from '../analyses/plan';
import { planStepTable, StepTableWriter, type StepTablePlan } from './step-table';

/** What every run of a GPU batch shares (a BatchTemplate with the formula's tree for its objective; gradient noise is not supported on the GPU). */
export interface GpuTemplate extends BatchSettings {
  /** The torch-style optimizer whose kernel IR the shader is generated from (only first-order methods have one). */
  readonly optimizer: OptimizerDefinition;
  /** f(x, y): a typed formula, or a built-in surface's `expression`, parsed. */
  readonly expression: Expr;
}

/** The convergence test of a basin map: known minima and the squared radius around them. */
export interface ConvergenceTest {
  readonly minima: readonly KnownMinimum[];
  readonly radiusSquared: number;
}

/** A basin map or sweep resolved for the fused kernel. */
export class FusedJob {
  /**
   * The optimizer's kernel: its statements serve every run (they never depend on a numeric value);
   * its constants are those of run 0 (the template's, or a sweep's first cell).
   */
  readonly kernel: OptimizerKernel;
  /** Constants (besides lr) that differ between runs: a sweep's beta1 or momentum. */
  readonly perRunConstants: readonly string[];
  /** Floats per run in the per-run buffer: the learning-rate row, the base learning rate, then perRunConstants (0: no buffer). */
  readonly perRunStride: number;
  /** Base learning rate of each row of the schedule table (one row for a basin map, one per learning rate for a sweep). */
  readonly learningRates: readonly number[];
  /** Known minima for a basin map that has them, else null. */
  readonly convergence: ConvergenceTest | null;
  /** The step statements the host computes per learning-rate row (step-table.ts). */
  readonly stepPlan: StepTablePlan;
  private readonly secondAxisConstants: readonly Readonly<Record<string, number>>[];

  constructor(
    readonly template: GpuTemplate,
    readonly job: BasinJob | SweepJob,
  ) {
    if ((template.noise ?? 0) > 0) throw new Error('gradient noise is not supported on the GPU: noisy jobs run on the TypeScript path');
    if (jobDimension(job) !== GPU_DIMENSION) throw new Error(`the WebGPU kernels run 2-D formulas; this job's runs have ${jobDimension(job)} coordinates`);
    const kernel = template.optimizer.kernel(template.hyper);
    if (job.kind === 'basin') {
      this.kernel = kernel;
      this.perRunConstants = [];
      this.perRunStride = 0;
      this.learningRates = [learningRateOf(template.hyper)];
      this.secondAxisConstants = [];
      this.convergence = job.minima.length > 0 ? { minima: job.minima, radiusSquared: convergenceRadius(job) ** 2 } : null;
      this.stepPlan = planStepTable(kernel, []);
      return;
    }
    const count = job.learningRates.count;
    this.learningRates = Array.from({ length: count }, (_, j) => learningRateOf(sweepCellHyper(template.hyper, job, j)));
    // the constants of each second-axis value, from the optimizer's own kernel for that setting
    this.secondAxisConstants = Array.from({ length: job.second?.count ?? 1 }, (_, k) => template.optimizer.kernel(sweepCellHyper(template.hyper, job, k * count)).constants);
    const [first, ...rest] = this.secondAxisConstants;
    this.perRunConstants = Object.keys(first).filter((name) => name !== 'lr' && rest.some((constants) => !Object.is(constants[name], first[name])));
    this.perRunStride = 2 + this.perRunConstants.length;
    this.kernel = { ...kernel, constants: first };
    this.convergence = null;
    this.stepPlan = planStepTable(this.kernel, this.perRunConstants);
  }

  /** Writes the start points of runs [from, to), their coordinates one run after another. */
  starts(from: number, to: number): Float64Array {
    const dimension = jobDimension(this.job);
    const starts = new Float64Array((to - from) * dimension);
    const point = new Float64Array(dimension);
    for (let index = from; index < to; index++) {
      if (this.job.kind === 'basin') basinCellStart(this.job, index, point);
      else point.set(this.job.start);
      starts.set(point, (index - from) * dimension);
    }
    return starts;
  }

  /** The per-run buffer of runs [from, to) (perRunStride floats each), or null for a basin map. */
  perRunValues(from: number, to: number): Float32Array | null {
    if (this.job.kind !== 'sweep') return null;
    const count = this.job.learningRates.count;
    const values = new Float32Array((to - from) * this.perRunStride);
    for (let index = from; index < to; index++) {
      const row = index % count;
      const constants = this.secondAxisConstants[Math.floor(index / count)];
      const offset = (index - from) * this.perRunStride;
      values[offset] = row;
      values[offset + 1] = this.learningRates[row];
      this.perRunConstants.forEach((name, k) => (values[offset + 2 + k] = constants[name]));
    }
    return values;
  }

  /** A writer of this job's step tables, for one block of runs (from step 0). */
  stepTableWriter(): StepTableWriter {
    return new StepTableWriter(this.kernel, this.stepPlan, this.learningRates, this.template.schedule);
  }

  /**
   * The scheduled learning rates of steps [firstStep, firstStep + width) for every row, row-major
   * (rows × width), computed in float64 by the same schedule code as the TypeScript engine.
   */
  learningRateTable(firstStep: number, width: number): Float32Array {
    const table = new Float32Array(this.learningRates.length * width);
    const schedule = this.template.schedule;
    this.learningRates.forEach((base, row) => {
      for (let column = 0; column < width; column++) table[row * width + column] = schedule === undefined ? base : learningRateAt(schedule, base, firstStep + column);
    });
    return table;
  }
}

function learningRateOf(hyper: HyperValues): number {
  const learningRate = hyper.lr;
  if (typeof learningRate !== 'number') throw new TypeError('hyper.lr must be a number');
  return learningRate;
}
