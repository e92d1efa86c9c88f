import { deriveSeed } from '../random';
import { Runner } from '../run';
import { TARGET_PRECISIONS, targetHits, type SeedOutcome } from './targets';
import type { BatchTemplate, Quartiles, SeedsJob, SeedStatistics } from './types';

/**
 * One seed's whole run: the path (points × dimension, the start first), its loss curve, where it
 * diverged (−1: it did not), and its outcome against the job's targets. The path and loss are empty
 * when the job asked for outcomes only.
 */
export interface SeedRun {
  /** Coordinates per point. */
  readonly dimension: number;
  readonly trajectory: Float64Array;
  readonly loss: Float64Array;
  readonly divergedStep: number;
  readonly outcome: SeedOutcome;
}

/** The run seed (RunOptions.seed) of seed `index` of a many-seeds job: run `job.run` of the experiment with seed job.seed + index. */
export function seedOfIndex(job: Pick<SeedsJob, 'seed' | 'run'>, index: number): number {
  return deriveSeed((job.seed + index) >>> 0, job.run ?? 0);
}

/**
 * Seeds i = from..to−1 of a many-seeds job: the template's run from the job's start with the run
 * seed seedOfIndex(job, i) (its gradient noise and the method's own draws both follow from it),
 * recorded in full (at most 1,000 seeds, so the paths fit), with each seed's outcome against the
 * job's targets.
 */
export function runSeedRange(template: BatchTemplate, job: SeedsJob, from: number, to: number): SeedRun[] {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= job.count)) {
    throw new RangeError(`bad seed range [${from}, ${to}) of ${job.count}`);
  }
  const runs: SeedRun[] = [];
  const targets = job.targets ?? TARGET_PRECISIONS;
  const empty = new Float64Array(0);
  for (let index = from; index < to; index++) {
    const runner = new Runner({
      objective: template.objective,
      method: template.method,
      hyper: template.hyper,
      start: job.start,
      numSteps: template.numSteps,
      schedule: template.schedule,
      clip: template.clip,
      noise: template.noise,
      seed: seedOfIndex(job, index),
      ...(template.domain && { domain: template.domain }),
    });
    runner.advance(template.numSteps);
    const { dimension, trajectory, loss, diverged, evaluations, bestLoss } = runner.result(false);
    const points = loss.length;
    const outcome: SeedOutcome = {
      finalLoss: loss[points - 1],
      bestLoss: bestLoss[points - 1],
      evaluations: evaluations.function[points - 1],
      hitEvaluations: targetHits(bestLoss, evaluations.function, job.optimum ?? null, targets),
    };
    const paths = job.paths ?? true;
    runs.push({ dimension, trajectory: paths ? trajectory : empty.slice(), loss: paths ? loss : empty.slice(), divergedStep: diverged?.step ?? -1, outcome });
  }
  return runs;
}

/**
 * Per-point quartiles of each coordinate and of f over the seeds' runs, each `numPoints` long; a run
 * that stopped early (diverged) counts with its last finite point from there on. Quantiles
 * interpolate linearly between order statistics (numpy's default: position (n − 1)·p of the sorted
 * values). Every run has the first run's dimension.
 */
export function seedStatistics(runs: readonly Omit<SeedRun, 'outcome'>[], numPoints: number): SeedStatistics {
  if (runs.length === 0) throw new RangeError('no seeds to summarise');
  const { dimension } = runs[0];
  if (runs.some((run) => run.dimension !== dimension)) throw new RangeError('the seeds do not all have the same dimension');
  const quartiles = (): Quartiles => ({ lower: new Float64Array(numPoints), median: new Float64Array(numPoints), upper: new Float64Array(numPoints) });
  const coordinates = Array.from({ length: dimension }, quartiles);
  const loss = quartiles();
  type Path = Omit<SeedRun, 'outcome'>;
  const series: [Quartiles, (run: Path, at: number) => number][] = [
    ...coordinates.map((quartilesOf, i): [Quartiles, (run: Path, at: number) => number] => [quartilesOf, (run, at) => run.trajectory[dimension * at + i]]),
    [loss, (run, at) => run.loss[at]],
  ];
  const column = new Float64Array(runs.length);
  for (let point = 0; point < numPoints; point++) {
    for (const [quartilesOf, read] of series) {
      for (let seed = 0; seed < runs.length; seed++) {
        const run = runs[seed];
        column[seed] = read(run, Math.min(point, run.loss.length - 1));
      }
      column.sort();
      quartilesOf.lower[point] = quantileOfSorted(column, 0.25);
      quartilesOf.median[point] = quantileOfSorted(column, 0.5);
      quartilesOf.upper[point] = quantileOfSorted(column, 0.75);
    }
  }
  const numDiverged = runs.filter((run) => run.divergedStep >= 0).length;
  return { numSeeds: runs.length, numPoints, coordinates, loss, numDiverged };
}

/** The p-quantile of ascending `sorted` values, interpolating linearly at position (n − 1)·p. */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  return fraction === 0 ? sorted[below] : sorted[below] + fraction * (sorted[above] - sorted[below]);
}
