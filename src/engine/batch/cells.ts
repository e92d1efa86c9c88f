import type { HyperValues } from '../methods/hyperparameters';
import { BASIN_DIMENSION, type BasinJob, type SweepJob } from './types';

// The cells of a batch job and where each cell's run starts or what settings it uses. Run index i
// is row-major: basin i = row · columns + column (row 0 at the top, y = yMax, column 0 at x = xMin,
// as in engine/sample.ts); sweep i = secondIndex · learningRates.count + learningRateIndex, so a
// one-dimensional sweep is i = learningRateIndex and a 2-D sweep is a heatmap with the learning
// rate along the columns.

/** Refuses a basin map on a problem that is not two-dimensional (its cells tile a plane), naming the problem's dimension. */
export function checkBasinDimension(dimension: number): void {
  if (dimension !== BASIN_DIMENSION) throw new RangeError(`a basin map needs a two-dimensional problem; this one has ${dimension}`);
}

/** Centre of basin cell `index`: x = xMin + (column + ½)·Δx, y = yMax − (row + ½)·Δy; written into `out`. */
export function basinCellStart(job: BasinJob, index: number, out: Float64Array): void {
  const [[xMin, xMax], [yMin, yMax]] = job.domain;
  const row = Math.floor(index / job.columns);
  const column = index - row * job.columns;
  out[0] = xMin + ((column + 0.5) * (xMax - xMin)) / job.columns;
  out[1] = yMax - ((row + 0.5) * (yMax - yMin)) / job.rows;
}

/** Radius within which a basin run counts as converged to a minimum: tolerance · (xMax − xMin). */
export function convergenceRadius(job: BasinJob): number {
  return job.tolerance * (job.domain[0][1] - job.domain[0][0]);
}

/** The j-th of `count` log-spaced values from min to max inclusive: min·(max/min)^(j/(count − 1)), endpoints exact. */
export function logSpaced(min: number, max: number, count: number, j: number): number {
  if (j === 0 || count === 1) return min;
  if (j === count - 1) return max;
  // exp and log are bit-identical across engines (see engine/power.ts), so is this
  return Math.exp(Math.log(min) + (j * (Math.log(max) - Math.log(min))) / (count - 1));
}

/** The j-th of `count` evenly spaced values from min to max inclusive, endpoints exact. */
export function linearSpaced(min: number, max: number, count: number, j: number): number {
  if (j === 0 || count === 1) return min;
  if (j === count - 1) return max;
  return min + (j * (max - min)) / (count - 1);
}

/** The sweep's learning rate and second-axis value (NaN without a second axis) of run `index`. */
export function sweepCellValues(job: SweepJob, index: number): { learningRate: number; second: number } {
  const { min, max, count } = job.learningRates;
  const secondIndex = Math.floor(index / count);
  const learningRate = logSpaced(min, max, count, index - secondIndex * count);
  const second = job.second === undefined ? NaN : linearSpaced(job.second.min, job.second.max, job.second.count, secondIndex);
  return { learningRate, second };
}

/**
 * The hyperparameters of sweep run `index`: the template's with the swept one (lr unless the job
 * names another), and betas[0] ('beta1') or momentum, replaced.
 */
export function sweepCellHyper(hyper: HyperValues, job: SweepJob, index: number): HyperValues {
  const { learningRate, second } = sweepCellValues(job, index);
  const parameter = job.parameter ?? 'lr';
  if (typeof hyper[parameter] !== 'number') throw new RangeError(`this method has no number hyperparameter '${parameter}' to sweep`);
  const swept = { ...hyper, [parameter]: learningRate };
  if (job.second === undefined) return swept;
  if (job.second.name === 'momentum') {
    if (typeof hyper.momentum !== 'number') throw new RangeError('this method has no momentum to sweep');
    return { ...swept, momentum: second };
  }
  const betas = hyper.betas;
  if (typeof betas !== 'object') throw new RangeError('this method has no betas to sweep beta1 over');
  return { ...swept, betas: [second, betas[1]] };
}
