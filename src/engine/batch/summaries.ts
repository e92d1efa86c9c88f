import { deriveSeed } from '../random';
import { Runner } from '../run';
import { basinCellStart, checkBasinDimension, convergenceRadius, sweepCellHyper } from './cells';
import { SUMMARY_OFFSET, summaryStride, type BasinJob, type BatchTemplate, type SweepJob } from './types';

const { finalLoss: FINAL_LOSS, bestLoss: BEST_LOSS, convergedStep: CONVERGED_STEP, divergedStep: DIVERGED_STEP, minimumIndex: MINIMUM_INDEX, finalPoint: FINAL_POINT } = SUMMARY_OFFSET;

/**
 * Runs i = from..to−1 of a basin map or a sweep without recording trajectories and writes each
 * run's summary at out[(i − from)·summaryStride(dimension) ...] in SUMMARY_OFFSET order: the loss
 * at the last finite point, the best loss, the first step within the convergence radius of a known
 * minimum (basin; −1 if never, and always −1 in a sweep), the divergence step (−1 if none), that
 * minimum's index, then the last finite point's coordinates. The dimension is the objective's (a
 * basin map needs two). Run i's seed is deriveSeed(seed, i) (its gradient noise and the method's
 * own draws), so any split of [0, N) into ranges fills the same numbers. Any method of the registry.
 */
export function runBatchRange(template: BatchTemplate, job: BasinJob | SweepJob, from: number, to: number, out: Float64Array, seed: number): void {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to)) throw new RangeError(`bad run range [${from}, ${to})`);
  const dimension = template.objective.dimension;
  if (job.kind === 'basin') checkBasinDimension(dimension);
  const stride = summaryStride(dimension);
  if (out.length < (to - from) * stride) throw new RangeError(`out holds ${out.length} floats, [${from}, ${to}) needs ${(to - from) * stride}`);
  const start = job.kind === 'basin' ? new Float64Array(dimension) : Float64Array.from(job.start);
  const point = new Float64Array(dimension);
  const radiusSquared = job.kind === 'basin' ? convergenceRadius(job) ** 2 : 0;
  const { method } = template;
  for (let index = from; index < to; index++) {
    if (job.kind === 'basin') basinCellStart(job, index, start);
    const runner = new Runner({
      objective: template.objective,
      method,
      hyper: job.kind === 'sweep' ? sweepCellHyper(template.hyper, job, index) : template.hyper,
      start,
      numSteps: template.numSteps,
      schedule: template.schedule,
      clip: template.clip,
      noise: template.noise,
      seed: deriveSeed(seed, index),
      ...(template.domain && { domain: template.domain }),
      record: false,
    });

    let convergedStep = -1;
    let minimumIndex = -1;
    if (job.kind === 'basin' && job.minima.length > 0) {
      // step by step only until the run first comes within the radius of a minimum
      for (let step = 0; ; step++) {
        runner.copyLastPoint(point);
        minimumIndex = nearestWithin(job, point, radiusSquared);
        if (minimumIndex >= 0) {
          convergedStep = step;
          break;
        }
        if (step === template.numSteps || runner.advance(1) === 0) break;
      }
    }
    runner.advance(template.numSteps - runner.stepsTaken);

    const offset = (index - from) * stride;
    runner.copyLastPoint(point);
    out.set(point, offset + FINAL_POINT);
    out[offset + FINAL_LOSS] = runner.lastLoss;
    out[offset + BEST_LOSS] = runner.bestLoss;
    out[offset + CONVERGED_STEP] = convergedStep;
    out[offset + DIVERGED_STEP] = runner.diverged?.step ?? -1;
    out[offset + MINIMUM_INDEX] = minimumIndex;
  }
}

/** Index of the known minimum nearest to `point` (on the basin map's plane) if it lies within the radius (squared), else −1. */
function nearestWithin(job: BasinJob, point: Float64Array, radiusSquared: number): number {
  let nearest = -1;
  let nearestSquared = radiusSquared;
  for (let m = 0; m < job.minima.length; m++) {
    const [mx, my] = job.minima[m].point;
    const distanceSquared = (point[0] - mx) ** 2 + (point[1] - my) ** 2;
    if (distanceSquared <= nearestSquared) {
      nearest = m;
      nearestSquared = distanceSquared;
    }
  }
  return nearest;
}
