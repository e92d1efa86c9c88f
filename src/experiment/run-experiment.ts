import type { ClipSpec } from '../engine/clipping';
import type { Domain, Objective } from '../engine/objective';
import { problemDomain, resolveProblem as resolveEngineProblem, type ResolvedProblem as EngineResolvedProblem } from '../engine/problems';
import { getMethod, type MethodDefinition } from '../engine/methods';
import { getMethodSpec } from '../engine/methods/catalogue';
import { getOptimizer } from '../engine/methods/first-order';
import type { HyperValues, OptimizerDefinition } from '../engine/methods/first-order/optimizer';
import { deriveSeed } from '../engine/random';
import { runMethod, type RunOptions, type RunResult } from '../engine/run';
import type { ScheduleSpec } from '../engine/schedules';
import type { Experiment, ExperimentRun, Problem } from './experiment';
import { resolveHyper } from './validate';

// From a validated experiment to engine calls: the same code runs in the CLI, in the Web Worker
// and in the tests, so a share URL reproduces the same numbers everywhere. Pure: no DOM, no Node.

/** A problem made runnable (engine/problems), with where to plot it. */
export interface ResolvedProblem extends EngineResolvedProblem {
  /** The plotting domain (the plane's; the kind's default for a problem with no plane). */
  readonly domain: Domain;
}

/** A run with everything the engine needs: the method's definition and complete hyperparameters. */
export interface ResolvedRun {
  readonly method: MethodDefinition;
  /** The torch-style optimizer behind a first-order method (the batch engine and the GPU kernels run these); undefined for other methods. */
  readonly optimizer: OptimizerDefinition | undefined;
  /** The given hyperparameters with torch's defaults for the rest. */
  readonly hyper: HyperValues;
  readonly start: readonly number[];
  readonly schedule?: ScheduleSpec;
  readonly clip?: ClipSpec;
}

/** Every run of an experiment, in the experiment's order. */
export interface ExperimentResult {
  readonly runs: readonly RunResult[];
}

/** The plotting domain: the one given, else the problem kind's default (the surface's own, or DEFAULT_FORMULA_DOMAIN). */
export function resolveDomain(problem: Problem): Domain {
  return problemDomain(problem);
}

/** Compiles the formula or binds the surface's parameters; throws for a problem that did not pass validation. */
export function resolveProblem(problem: Problem): ResolvedProblem {
  return { ...resolveEngineProblem(problem), domain: problemDomain(problem) };
}

/** Looks up a run's method and fills in its defaults (torch's, for optimizers) for the hyperparameters it leaves out. */
export function resolveRun(run: ExperimentRun): ResolvedRun {
  const method = getMethod(run.optimizer);
  if (!method) throw new Error(`unknown optimizer '${run.optimizer}'`);
  const optimizer = method.family === 'first-order' ? getOptimizer(run.optimizer) : undefined;
  return {
    method,
    optimizer,
    hyper: resolveHyper(method, run.hyper),
    start: run.start,
    ...(run.schedule && { schedule: run.schedule }),
    ...(run.clip && { clip: run.clip }),
  };
}

/**
 * A run's complete hyperparameters (the given ones with its method's defaults for the rest), read
 * from the method catalogue: what the page's main thread asks, without the registry's code.
 */
export function resolveRunHyper(run: ExperimentRun): HyperValues {
  const method = getMethodSpec(run.optimizer);
  if (!method) throw new Error(`unknown optimizer '${run.optimizer}'`);
  return resolveHyper(method, run.hyper);
}

/**
 * The engine options of run `index`: its seed is deriveSeed(experiment.seed, index) (the noise
 * stream, and the method's own draws from a stream of it); methods that sample a region sample
 * the problem's plotting domain, which the link holds, so zooming the map changes no result.
 */
export function runOptionsFor(experiment: Experiment, index: number, objective: Objective): RunOptions {
  const run = resolveRun(experiment.runs[index]);
  return {
    objective,
    method: run.method,
    hyper: run.hyper,
    start: run.start,
    numSteps: experiment.steps,
    schedule: run.schedule,
    clip: run.clip,
    noise: experiment.noise,
    seed: deriveSeed(experiment.seed, index),
    domain: problemDomain(experiment.problem),
  };
}

/** Runs every run of a validated experiment for `steps` steps (fewer where one diverges or converges). */
export function runExperiment(experiment: Experiment, problem: ResolvedProblem = resolveProblem(experiment.problem)): ExperimentResult {
  return { runs: experiment.runs.map((_, index) => runMethod(runOptionsFor(experiment, index, problem.objective))) };
}
