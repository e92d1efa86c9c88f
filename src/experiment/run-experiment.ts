import type { ClipSpec } from '../engine/clipping';
import { compileFormula } from '../engine/expression';
import type { Domain, KnownMinimum, Objective } from '../engine/objective';
import { getOptimizer } from '../engine/methods/first-order';
import type { HyperValues, OptimizerDefinition } from '../engine/methods/first-order/optimizer';
import { deriveSeed } from '../engine/random';
import { runOptimizer, type RunOptions, type RunResult } from '../engine/run';
import type { ScheduleSpec } from '../engine/schedules';
import { getSurface } from '../engine/problems/surfaces';
import { DEFAULT_FORMULA_DOMAIN, isFormulaProblem, type Experiment, type ExperimentRun, type Problem } from './experiment';
import { resolveHyper } from './validate';

// From a validated experiment to engine calls: the same code runs in the CLI, in the Web Worker
// and in the tests, so a share URL reproduces the same numbers everywhere. Pure: no DOM, no Node.

/** A problem made runnable: its objective, where to plot it, and what is known about its minima. */
export interface ResolvedProblem {
  readonly objective: Objective;
  readonly domain: Domain;
  /** Known global minima (built-in surfaces only; none for a typed formula). */
  readonly minima: readonly KnownMinimum[];
  /** The formula: as typed, or the surface's own with its parameters substituted. */
  readonly expression: string;
}

/** A run with everything the engine needs: the optimizer's definition and complete hyperparameters. */
export interface ResolvedRun {
  readonly optimizer: OptimizerDefinition;
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

/** The plotting domain: the one given, else the surface's own, else DEFAULT_FORMULA_DOMAIN. */
export function resolveDomain(problem: Problem): Domain {
  if (problem.domain) return problem.domain;
  if (isFormulaProblem(problem)) return DEFAULT_FORMULA_DOMAIN;
  return getSurface(problem.surface)?.domain ?? DEFAULT_FORMULA_DOMAIN;
}

/** Compiles the formula or binds the surface's parameters; throws for a problem that did not pass validation. */
export function resolveProblem(problem: Problem): ResolvedProblem {
  const domain = resolveDomain(problem);
  if (isFormulaProblem(problem)) {
    const compiled = compileFormula(problem.expression);
    if (!compiled.ok) throw new Error(`problem.expression: ${compiled.error.message}`);
    return { objective: compiled.objective, domain, minima: [], expression: problem.expression };
  }
  const definition = getSurface(problem.surface);
  if (!definition) throw new Error(`unknown surface '${problem.surface}'`);
  const surface = definition.create(problem.params);
  return { objective: surface, domain, minima: surface.minima, expression: surface.expression };
}

/** Looks up a run's optimizer and fills in torch's defaults for the hyperparameters it leaves out. */
export function resolveRun(run: ExperimentRun): ResolvedRun {
  const optimizer = getOptimizer(run.optimizer);
  if (!optimizer) throw new Error(`unknown optimizer '${run.optimizer}'`);
  return {
    optimizer,
    hyper: resolveHyper(optimizer, run.hyper),
    start: run.start,
    ...(run.schedule && { schedule: run.schedule }),
    ...(run.clip && { clip: run.clip }),
  };
}

/** The engine options of run `index`: its noise stream is deriveSeed(experiment.seed, index). */
export function runOptionsFor(experiment: Experiment, index: number, objective: Objective): RunOptions {
  const run = resolveRun(experiment.runs[index]);
  return {
    objective,
    optimizer: run.optimizer,
    hyper: run.hyper,
    start: run.start,
    numSteps: experiment.steps,
    schedule: run.schedule,
    clip: run.clip,
    noise: experiment.noise,
    seed: deriveSeed(experiment.seed, index),
  };
}

/** Runs every run of a validated experiment for `steps` steps (fewer where one diverges). */
export function runExperiment(experiment: Experiment, problem: ResolvedProblem = resolveProblem(experiment.problem)): ExperimentResult {
  return { runs: experiment.runs.map((_, index) => runOptimizer(runOptionsFor(experiment, index, problem.objective))) };
}
