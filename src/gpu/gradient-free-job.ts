// A basin map of a gradient-free or zeroth-order method as its fused kernel sees it: the method's
// hyperparameters as shader constants, per step the values every run shares (simulated annealing's
// temperature, SPSA's gains a_k and c_k, the ZO learning rate of the schedule, ZO-Adam's bias
// corrections) computed once on the
// host in float64 by the TypeScript methods' own functions, and per run its start and random stream.
// No WGSL here: every number the shader reads is checked in Node (gradient-free-job.test.ts).
import { basinCellStart, convergenceRadius } from '../engine/batch/cells';
import { jobDimension, type BasinJob, type BatchSettings, type SweepJob } from '../engine/batch/types';
import type { Expr } from '../engine/expression/ast';
import { booleanHyper, choiceHyper, numberHyper, pairHyper } from '../engine/methods/first-order/hyper';
import { FAILURE_LOG_FACTOR, SUCCESS_LOG_FACTOR } from '../engine/methods/gradient-free/one-plus-one-es';
import { DEFAULT_SEARCH_BOX } from '../engine/methods/gradient-free/random-search';
import { annealingTemperature, type Cooling } from '../engine/methods/gradient-free/simulated-annealing';
import { spsaPerturbationGain, spsaStepGain } from '../engine/methods/zeroth-order/spsa';
import { powersOf } from '../engine/power';
import { deriveSeed } from '../engine/random';
import { METHOD_STREAM } from '../engine/run';
import { learningRateAt } from '../engine/schedules';
import { GPU_DIMENSION, gradientFreeKernelOf, type GradientFreeKernelId } from '../analyses/plan';
import type { ConvergenceTest } from './fused-job';

/** What every run of a gradient-free GPU batch shares: the batch settings, the formula's tree and the experiment's seed. */
export interface GradientFreeTemplate extends BatchSettings {
  /** f(x, y): a typed formula, or a built-in surface's `expression`, parsed. */
  readonly expression: Expr;
  /** The experiment's seed: run i's stream is keyed by (its method seed, i). */
  readonly seed: number;
}

/** The per-step columns of the step table of each method, in order. */
export const STEP_COLUMNS: Readonly<Record<GradientFreeKernelId, readonly string[]>> = {
  random_search: [],
  simulated_annealing: ['temperature'],
  one_plus_one_es: [],
  spsa: ['perturbationGain', 'stepGain'],
  zo_sgd: ['learningRate'],
  zo_sign_sgd: ['learningRate'],
  zo_adam: ['stepSize', 'secondMomentCorrection'],
};

/** The method's settings the shader writes as literals (all float64 here; the shader rounds them). */
export interface GradientFreeConstants {
  readonly sigma?: number;
  readonly samples?: number;
  /** random_search: 'local' Gaussian steps, else uniform samples of `box`. */
  readonly local?: boolean;
  /** The box uniform samples are drawn from, [[x0, x1], [y0, y1]] (the problem's domain, as the TypeScript path). */
  readonly box?: readonly (readonly [number, number])[];
  /** (1+1)-ES: σ's factors after a success and after a failure (1/5th rule). */
  readonly successFactor?: number;
  readonly failureFactor?: number;
  /** ZO: the perturbation scale (zo_sgd's eps, zo_adam's mu) and q. */
  readonly perturbation?: number;
  readonly directions?: number;
  /** zo_adam: Adam's β₁, β₂, ε and AMSGrad. */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
  readonly amsgrad?: boolean;
}

/** A basin map of a method with a fused gradient-free kernel, resolved for the shader. */
export class GradientFreeJob {
  readonly method: GradientFreeKernelId;
  readonly constants: GradientFreeConstants;
  /** Floats per step in the step table (at least 1, so the table is never empty). */
  readonly width: number;
  readonly convergence: ConvergenceTest | null;
  /** The uint32 every run's stream is keyed by, with the run's index. */
  readonly streamSeed: number;

  constructor(
    readonly template: GradientFreeTemplate,
    readonly job: BasinJob | SweepJob,
  ) {
    const method = gradientFreeKernelOf(template.method.id);
    if (method === null) throw new Error(`${template.method.name} with these settings has no fused WebGPU kernel`);
    if (job.kind !== 'basin') throw new Error('the gradient-free WebGPU kernels run basin maps; sweeps run on TypeScript');
    if ((template.noise ?? 0) > 0) throw new Error('gradient noise is not supported on the GPU: noisy jobs run on the TypeScript path');
    if (jobDimension(job) !== GPU_DIMENSION) throw new Error(`the WebGPU kernels run 2-D formulas; this job's runs have ${jobDimension(job)} coordinates`);
    this.method = method;
    this.constants = constantsOf(method, template);
    this.width = Math.max(1, STEP_COLUMNS[method].length);
    this.convergence = job.minima.length > 0 ? { minima: job.minima, radiusSquared: convergenceRadius(job) ** 2 } : null;
    // a stream of its own, apart from the TypeScript path's xoshiro streams (the GPU cannot replay those)
    this.streamSeed = deriveSeed(template.seed, METHOD_STREAM);
  }

  /** Writes the start points of runs [from, to), their coordinates one run after another. */
  starts(from: number, to: number): Float64Array {
    const starts = new Float64Array((to - from) * GPU_DIMENSION);
    const point = new Float64Array(GPU_DIMENSION);
    for (let index = from; index < to; index++) {
      basinCellStart(this.job as BasinJob, index, point);
      starts.set(point, (index - from) * GPU_DIMENSION);
    }
    return starts;
  }

  /** The step table of steps [firstStep, firstStep + chunkSteps): `width` floats per step, STEP_COLUMNS order. */
  stepTable(firstStep: number, chunkSteps: number): Float32Array {
    const table = new Float32Array(chunkSteps * this.width);
    for (let column = 0; column < chunkSteps; column++) {
      stepValues(this.method, this.template, firstStep + column).forEach((value, k) => (table[column * this.width + k] = value));
    }
    return table;
  }
}

/** The shared per-step values of step k (from 0), in STEP_COLUMNS order, by the TypeScript methods' own functions. */
export function stepValues(method: GradientFreeKernelId, settings: Pick<BatchSettings, 'hyper' | 'schedule'>, step: number): number[] {
  const { hyper } = settings;
  switch (method) {
    case 'simulated_annealing':
      return [annealingTemperature(choiceHyper(hyper, 'cooling') as Cooling, numberHyper(hyper, 'initial_temperature'), step, numberHyper(hyper, 'alpha'), numberHyper(hyper, 'cooling_steps'))];
    case 'spsa':
      return [
        spsaPerturbationGain(numberHyper(hyper, 'c'), numberHyper(hyper, 'gamma'), step),
        spsaStepGain(numberHyper(hyper, 'a'), numberHyper(hyper, 'A'), numberHyper(hyper, 'alpha'), step),
      ];
    case 'zo_sgd':
    case 'zo_sign_sgd':
      return [scheduledLearningRate(settings, step)];
    case 'zo_adam': {
      // Adam's bias corrections at t = k + 1, as first-order/adam.ts: lr / (1 − β₁ᵗ) and √(1 − β₂ᵗ)
      const [beta1, beta2] = pairHyper(hyper, 'betas');
      return [scheduledLearningRate(settings, step) / (1 - powersOf(beta1).at(step + 1)), Math.sqrt(1 - powersOf(beta2).at(step + 1))];
    }
    default:
      return [];
  }
}

function scheduledLearningRate(settings: Pick<BatchSettings, 'hyper' | 'schedule'>, step: number): number {
  const learningRate = numberHyper(settings.hyper, 'lr');
  return settings.schedule === undefined ? learningRate : learningRateAt(settings.schedule, learningRate, step);
}

function constantsOf(method: GradientFreeKernelId, template: GradientFreeTemplate): GradientFreeConstants {
  const { hyper } = template;
  switch (method) {
    case 'random_search': {
      // as random-search.ts's coordinateRanges: the domain's x range, then its y range
      const domain = template.domain ?? [DEFAULT_SEARCH_BOX, DEFAULT_SEARCH_BOX];
      return { local: choiceHyper(hyper, 'mode') === 'local', sigma: numberHyper(hyper, 'sigma'), samples: numberHyper(hyper, 'samples'), box: [domain[0], domain[1]] };
    }
    case 'simulated_annealing':
      return { sigma: numberHyper(hyper, 'sigma') };
    case 'one_plus_one_es':
      return { sigma: numberHyper(hyper, 'sigma'), successFactor: Math.exp(SUCCESS_LOG_FACTOR), failureFactor: Math.exp(FAILURE_LOG_FACTOR) };
    case 'spsa':
      return {};
    case 'zo_sgd':
    case 'zo_sign_sgd':
      return { perturbation: numberHyper(hyper, 'eps'), directions: numberHyper(hyper, 'q') };
    case 'zo_adam': {
      const [beta1, beta2] = pairHyper(hyper, 'betas');
      return { perturbation: numberHyper(hyper, 'mu'), directions: numberHyper(hyper, 'q'), beta1, beta2, eps: numberHyper(hyper, 'eps'), amsgrad: booleanHyper(hyper, 'amsgrad') };
    }
  }
}
