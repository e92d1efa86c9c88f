// The float64 TypeScript engine's answer to a GPU job, run here in Node, and how far float32-sized
// gradient errors can move it: the reference the fused kernels are compared with.
import { basinCellStart, convergenceRadius, sweepCellHyper } from '../../src/engine/batch/cells';
import { runBatchRange } from '../../src/engine/batch/summaries';
import { summaryStride, type BasinJob, type BatchTemplate, type SweepJob } from '../../src/engine/batch/types';
import type { Objective } from '../../src/engine/objective';
import { Random } from '../../src/engine/random';
import { runOptimizer } from '../../src/engine/methods/first-order/adapter';
import type { OptimizerDefinition } from '../../src/engine/methods/first-order/optimizer';
import { runMethod } from '../../src/engine/run';
import type { Experiment } from '../../src/experiment/experiment';
import { resolveProblem, resolveRun } from '../../src/experiment/run-experiment';

/** The experiment's first run as the float64 engine's batch template, on `objective`. */
export function templateOf(experiment: Experiment, objective: Objective): BatchTemplate & { readonly optimizer: OptimizerDefinition } {
  const run = resolveRun(experiment.runs[0]);
  if (run.optimizer === undefined) throw new Error(`${run.method.name} is not a first-order optimizer`);
  return {
    objective,
    method: run.method,
    optimizer: run.optimizer,
    hyper: run.hyper,
    numSteps: experiment.steps,
    ...(run.schedule && { schedule: run.schedule }),
    ...(run.clip && { clip: run.clip }),
  };
}

/** The same job on the float64 TypeScript path; `objective` replaces the problem's (a perturbed copy). */
export function onTypeScript(experiment: Experiment, job: BasinJob | SweepJob, numRuns: number, objective = resolveProblem(experiment.problem).objective): Float64Array {
  const summaries = new Float64Array(numRuns * summaryStride(objective.dimension));
  runBatchRange(templateOf(experiment, objective), job, 0, numRuns, summaries, experiment.seed);
  return summaries;
}

/**
 * How large the gradient errors of the perturbed reruns are, relative to 1 + |g|. Float32 makes
 * errors of ~1e-7 in a gradient summed from terms of order one, and more where the point itself has
 * drifted: x ± lr rounds the same way each time it revisits a value, so a run hovering on a lattice
 * of lr-sized steps (Lion) drifts by ~2e-7 over 150 steps, and ∇f with it. A tenth of the 1e-4 target,
 * 1e-5 flags the runs whose path such errors can fork (a sign taken with a margin of 3e-7, as Lion
 * did at step 147 of seed 1482300036), and a run it cannot move is still held to the target itself.
 */
export const PERTURBATION = 1e-5;

/** The objective with every gradient component moved by ±PERTURBATION·(1 + |g|), signs drawn from `seed`. */
export function perturbed(objective: Objective, seed: number): Objective {
  const random = new Random(seed);
  return {
    dimension: objective.dimension,
    value: (point) => objective.value(point),
    hessian: (point, hessian) => objective.hessian(point, hessian),
    valueAndGradient(point, gradient) {
      const value = objective.valueAndGradient(point, gradient);
      for (let i = 0; i < gradient.length; i++) gradient[i] += PERTURBATION * (1 + Math.abs(gradient[i])) * (random.nextFloat() < 0.5 ? -1 : 1);
      return value;
    },
  };
}

/**
 * The float64 reference for one job: the objective, its summaries, how far float32-sized gradient
 * errors move each field (spread) and each run's path at any step (pathSpread, relative to
 * max(1, |p|)), the most over six perturbed reruns.
 */
export interface Reference {
  readonly objective: Objective;
  readonly summaries: Float64Array;
  readonly spread: Float64Array;
  readonly pathSpread: Float64Array;
}

/** The float64 summaries, and how far float32-sized gradient errors move each field of each run (the most over six perturbed reruns). */
export function reference(experiment: Experiment, job: BasinJob | SweepJob, numRuns: number): Reference {
  const objective = resolveProblem(experiment.problem).objective;
  const summaries = onTypeScript(experiment, job, numRuns, objective);
  const spread = new Float64Array(summaries.length);
  for (let seed = 1; seed <= 6; seed++) {
    const shaken = onTypeScript(experiment, job, numRuns, perturbed(objective, seed));
    shaken.forEach((value, i) => (spread[i] = Math.max(spread[i], Math.abs(value - summaries[i]))));
  }
  return { objective, summaries, spread, pathSpread: pathSpreads(experiment, job, numRuns, objective) };
}

/**
 * For each run, the largest distance (relative to max(1, |p|)) between its float64 path and that of
 * six reruns with perturbed gradients, over every step: Infinity where one of them diverged at
 * another step. A run can end where float64 does and still have forked on the way (RMSprop's
 * x-oscillation amplifying errors 1000-fold before it settles), entering the radius steps apart.
 */
export function pathSpreads(experiment: Experiment, job: BasinJob | SweepJob, numRuns: number, objective: Objective): Float64Array {
  const template = templateOf(experiment, objective);
  const start = new Float64Array(2);
  const spreads = new Float64Array(numRuns);
  for (let index = 0; index < numRuns; index++) {
    if (job.kind === 'basin') basinCellStart(job, index, start);
    else start.set(job.start);
    const options = { ...template, hyper: job.kind === 'sweep' ? sweepCellHyper(template.hyper, job, index) : template.hyper, start };
    const path = runOptimizer(options).trajectory;
    for (let seed = 1; seed <= 6; seed++) {
      const shaken = runOptimizer({ ...options, objective: perturbed(objective, seed * 65_537 + index) }).trajectory;
      if (shaken.length !== path.length) spreads[index] = Infinity;
      for (let i = 0; i < Math.min(path.length, shaken.length); i++) spreads[index] = Math.max(spreads[index], Math.abs(shaken[i] - path[i]) / Math.max(1, Math.abs(path[i])));
    }
  }
  return spreads;
}

/**
 * True when the float64 run `run` of a basin map stays within 1e-4 of the convergence radius wherever
 * the two paths disagree about being inside it: between the steps each says it entered.
 */
export function skimsRadius(experiment: Experiment, job: BasinJob, run: number, gpuStep: number, referenceStep: number): boolean {
  const start = new Float64Array(2);
  basinCellStart(job, run, start);
  const objective = resolveProblem(experiment.problem).objective;
  const trajectory = runMethod({ objective, ...resolveRun({ ...experiment.runs[0], start: [start[0], start[1]] }), numSteps: experiment.steps }).trajectory;
  const last = trajectory.length / 2 - 1;
  const radius = convergenceRadius(job);
  const distance = (step: number) => Math.min(...job.minima.map(({ point }) => Math.hypot(trajectory[2 * step] - point[0], trajectory[2 * step + 1] - point[1])));
  const [gpu, reference] = [gpuStep, referenceStep].map((step) => (step < 0 ? last + 1 : step));
  // the GPU entered first: float64 was just outside there
  if (gpu < reference) return distance(gpu) <= radius * (1 + 1e-4);
  // float64 entered first: it stayed just inside until the GPU entered
  for (let step = reference; step < Math.min(gpu, last + 1); step++) if (distance(step) < radius * (1 - 1e-4)) return false;
  return true;
}
