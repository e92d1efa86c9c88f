import { resolveData } from '../../engine/problems';
import { symmetricEigen } from '../../engine/symmetric-eigen';
import { costSeries, type CostedRun } from '../../experiment/cost';
import type { Experiment } from '../../experiment/experiment';
import { methodMemory } from '../../experiment/method-memory';
import { runExperiment } from '../../experiment/run-experiment';
import { resolveHyper } from '../../experiment/validate';
import { getMethodSpec } from '../../engine/methods/catalogue';
import type { RunResult } from '../../engine/run';
import type { CheckedClaim, LessonClaim } from './lesson';

// Checks a lesson's claim by running its experiment with the engine (the same code as the worker
// and the CLI). Used by lessons.test.ts: the lesson texts quote these numbers, so a drift fails.

/** A claim's verdict, with the numbers it was judged on (for the test's message and the reveal's text). */
export interface ClaimVerdict {
  readonly holds: boolean;
  readonly numbers: string;
}

/** The experiment a claim is about: the lesson's own, or its variant. */
export function variantOf(experiment: Experiment, variant: CheckedClaim['variant']): Experiment {
  if (!variant) return experiment;
  let changed = experiment;
  if (variant.noise !== undefined) changed = { ...changed, noise: variant.noise };
  if (variant.fullBatch && changed.problem.kind === 'data') {
    const { batch_size: _dropped, ...fullBatch } = changed.problem;
    changed = { ...changed, problem: fullBatch };
  }
  return changed;
}

/** The first recorded index whose loss is ≤ threshold, or Infinity. */
export function firstReaching(run: RunResult, threshold: number): number {
  const index = run.loss.findIndex((loss) => loss <= threshold);
  return index < 0 ? Infinity : index;
}

/** Runs the experiment (or its variant) and judges the claim. */
export function checkClaim({ claim, variant }: CheckedClaim, experiment: Experiment): ClaimVerdict {
  const changed = variantOf(experiment, variant);
  return judge(claim, changed, runExperiment(changed).runs);
}

/** Judges a claim on runs already computed. */
export function judge(claim: LessonClaim, experiment: Experiment, runs: readonly RunResult[]): ClaimVerdict {
  const finalLoss = (index: number) => runs[index].loss[runs[index].loss.length - 1];
  const finalPoint = (index: number) => {
    const { trajectory, dimension } = runs[index];
    return Array.from(trajectory.subarray(trajectory.length - dimension));
  };
  switch (claim.kind) {
    case 'fewer-steps': {
      const faster = firstReaching(runs[claim.faster], claim.threshold);
      const slower = firstReaching(runs[claim.slower], claim.threshold);
      return { holds: faster < slower, numbers: `steps to ${claim.threshold}: ${faster} against ${slower}` };
    }
    case 'fewer-evaluations': {
      const spent = (index: number) => {
        const reached = firstReaching(runs[index], claim.threshold);
        return Number.isFinite(reached) ? costSeries(runs[index] as CostedRun, 'cost', claim.gradientCost ?? 'autodiff')[reached] : Infinity;
      };
      const faster = spent(claim.faster);
      const slower = spent(claim.slower);
      return { holds: faster < slower, numbers: `evaluations to ${claim.threshold}: ${faster} against ${slower}` };
    }
    case 'reaches': {
      const reached = firstReaching(runs[claim.run], claim.threshold);
      return { holds: reached <= claim.withinSteps, numbers: `reached ${claim.threshold} at step ${reached}` };
    }
    case 'diverges': {
      const run = runs[claim.run];
      const blewUp = run.diverged !== null || !(finalLoss(claim.run) <= 1e6 * Math.abs(run.loss[0]));
      return { holds: blewUp, numbers: `diverged: ${run.diverged?.reason ?? 'no'}, final loss ${finalLoss(claim.run)}` };
    }
    case 'lower-final-loss': {
      const lower = finalLoss(claim.lower);
      const higher = finalLoss(claim.higher);
      return { holds: lower * claim.factor < higher, numbers: `final loss ${lower} against ${higher}` };
    }
    case 'loss-ratio': {
      const { loss } = runs[claim.run];
      const ratio = (loss[claim.toStep] / loss[claim.fromStep]) ** (1 / (claim.toStep - claim.fromStep));
      return { holds: Math.abs(ratio - claim.expected) <= claim.tolerance, numbers: `loss ratio per step ${ratio}` };
    }
    case 'final-near': {
      const point = finalPoint(claim.run);
      const distance = Math.hypot(...point.map((value, index) => value - claim.point[index]));
      return { holds: distance <= claim.radius, numbers: `ended at (${point.join(', ')}), ${distance} from (${claim.point.join(', ')})` };
    }
    case 'equal-coordinates': {
      const point = finalPoint(claim.run);
      const spread = Math.max(...point) - Math.min(...point);
      return { holds: spread <= claim.tolerance, numbers: `ended at (${point.join(', ')})` };
    }
    case 'loss-rises': {
      const { loss } = runs[claim.run];
      let rises = 0;
      for (let index = 1; index < loss.length; index++) if (loss[index] > loss[index - 1]) rises++;
      return { holds: rises >= (claim.atLeast ?? 0) && rises <= (claim.atMost ?? Infinity), numbers: `the loss rose at ${rises} of ${loss.length - 1} steps` };
    }
    case 'no-gradients': {
      const { gradient } = runs[claim.run].evaluations;
      const used = gradient[gradient.length - 1];
      return { holds: used === 0, numbers: `${used} gradients` };
    }
    case 'less-memory': {
      const floats = (index: number) => {
        const { problem } = experiment;
        if (problem.kind !== 'data') return NaN;
        const run = experiment.runs[index];
        const method = getMethodSpec(run.optimizer);
        if (!method) return NaN;
        const data = resolveData(problem);
        const model = data.createModel();
        const memory = methodMemory(method.id, resolveHyper(method, run.hyper), model, Math.min(data.batchSize ?? data.train.rows, data.train.rows));
        return memory.stateFloats + memory.passFloats;
      };
      const lower = floats(claim.lower);
      const higher = floats(claim.higher);
      return { holds: lower < higher, numbers: `floats beside the parameters: ${lower} against ${higher}` };
    }
    case 'ellipse-along': {
      const distribution = runs[claim.run].snapshots?.[claim.step]?.distribution;
      if (!distribution || runs[claim.run].dimension !== 2) return { holds: false, numbers: 'no 2-D search distribution at that step' };
      const { values, vectors } = symmetricEigen(Array.from(distribution.covariance), 2);
      const longest = values[0] >= values[1] ? 0 : 1;
      const axis = [vectors[longest], vectors[2 + longest]];
      const [dx, dy] = claim.direction;
      const cosine = Math.abs(axis[0] * dx + axis[1] * dy) / Math.hypot(dx, dy) / Math.hypot(axis[0], axis[1]);
      const degrees = (Math.acos(Math.min(1, cosine)) * 180) / Math.PI;
      const ratio = Math.sqrt(Math.max(...values) / Math.min(...values));
      return {
        holds: degrees <= claim.toleranceDegrees && ratio >= claim.minAxisRatio,
        numbers: `long axis ${degrees}° from the valley, axes ${ratio} : 1`,
      };
    }
  }
}
