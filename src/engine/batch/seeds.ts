import { deriveSeed } from '../random';
import { firstOrderMethod } from '../methods/first-order/adapter';
import { Runner } from '../run';
import type { BatchTemplate, Quartiles, SeedsJob, SeedStatistics } from './types';

/** One seed's whole run: the path (points × 2, the start first), its loss curve, and where it diverged (−1: it did not). */
export interface SeedRun {
  readonly trajectory: Float64Array;
  readonly loss: Float64Array;
  readonly divergedStep: number;
}

/**
 * Seeds i = from..to−1 of a many-seeds job: the template's run from the job's start with gradient
 * noise drawn from stream deriveSeed(job.seed, i), recorded in full (at most 1,000 seeds, so the
 * paths fit).
 */
export function runSeedRange(template: BatchTemplate, job: SeedsJob, from: number, to: number): SeedRun[] {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= job.count)) {
    throw new RangeError(`bad seed range [${from}, ${to}) of ${job.count}`);
  }
  const runs: SeedRun[] = [];
  const method = firstOrderMethod(template.optimizer);
  for (let index = from; index < to; index++) {
    const runner = new Runner({
      objective: template.objective,
      method,
      hyper: template.hyper,
      start: job.start,
      numSteps: template.numSteps,
      schedule: template.schedule,
      clip: template.clip,
      noise: template.noise,
      seed: deriveSeed(job.seed, index),
    });
    runner.advance(template.numSteps);
    const { trajectory, loss, diverged } = runner.result();
    runs.push({ trajectory, loss, divergedStep: diverged?.step ?? -1 });
  }
  return runs;
}

/**
 * Per-point quartiles of x, y and f over the seeds' runs, each `numPoints` long; a run that stopped
 * early (diverged) counts with its last finite point from there on. Quantiles interpolate linearly
 * between order statistics (numpy's default: position (n − 1)·p of the sorted values).
 */
export function seedStatistics(runs: readonly SeedRun[], numPoints: number): SeedStatistics {
  if (runs.length === 0) throw new RangeError('no seeds to summarise');
  const quartiles = (): Quartiles => ({ lower: new Float64Array(numPoints), median: new Float64Array(numPoints), upper: new Float64Array(numPoints) });
  const x = quartiles();
  const y = quartiles();
  const loss = quartiles();
  const column = new Float64Array(runs.length);
  for (let point = 0; point < numPoints; point++) {
    for (const [series, read] of [
      [x, (run: SeedRun, at: number) => run.trajectory[2 * at]],
      [y, (run: SeedRun, at: number) => run.trajectory[2 * at + 1]],
      [loss, (run: SeedRun, at: number) => run.loss[at]],
    ] as const) {
      for (let seed = 0; seed < runs.length; seed++) {
        const run = runs[seed];
        column[seed] = read(run, Math.min(point, run.loss.length - 1));
      }
      column.sort();
      series.lower[point] = quantileOfSorted(column, 0.25);
      series.median[point] = quantileOfSorted(column, 0.5);
      series.upper[point] = quantileOfSorted(column, 0.75);
    }
  }
  const numDiverged = runs.filter((run) => run.divergedStep >= 0).length;
  return { numSeeds: runs.length, numPoints, x, y, loss, numDiverged };
}

/** The p-quantile of ascending `sorted` values, interpolating linearly at position (n − 1)·p. */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  return fraction === 0 ? sorted[below] : sorted[below] + fraction * (sorted[above] - sorted[below]);
}
