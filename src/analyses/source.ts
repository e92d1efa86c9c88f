// From a batch request's source (an experiment and one of its runs) to the settings every run of the
// batch shares; the TypeScript and WebGPU workers then add the objective in the form they need.
import type { BatchSettings } from '../engine/batch/types';
import type { Experiment, Problem } from '../experiment/experiment';
import { problemDomain } from '../engine/problems';
import { resolveRun } from '../experiment/run-experiment';

/**
 * Which runs a batch is made of: run `runIndex` of `experiment` (its method and settings) on the
 * experiment's problem for `experiment.steps` steps; the worker resolves it into a BatchTemplate.
 */
export interface BatchSource {
  readonly experiment: Experiment;
  readonly runIndex: number;
}

/** A source resolved: its cache key, the problem, and the shared run settings. */
export interface ResolvedSource {
  /** Equal for sources that make the same runs: a job arrives as many ranges, compiled once. */
  readonly key: string;
  readonly problem: Problem;
  readonly settings: BatchSettings;
}

/** Resolves run `runIndex` of the experiment (any method, defaults filled in); throws naming a missing run. */
export function resolveSource({ experiment, runIndex }: BatchSource): ResolvedSource {
  const run = experiment.runs[runIndex];
  if (!run) throw new Error(`the experiment has no run ${runIndex + 1}`);
  const resolved = resolveRun(run);
  return {
    key: JSON.stringify([experiment.problem, run, experiment.steps, experiment.noise]),
    problem: experiment.problem,
    settings: {
      method: resolved.method,
      // only a torch-style optimizer has a kernel for the fused GPU path
      ...(resolved.optimizer && { optimizer: resolved.optimizer }),
      hyper: resolved.hyper,
      numSteps: experiment.steps,
      ...(resolved.schedule && { schedule: resolved.schedule }),
      ...(resolved.clip && { clip: resolved.clip }),
      ...(experiment.noise > 0 && { noise: experiment.noise }),
      // the region a sampling method draws from, as interactive runs get it (runOptionsFor)
      domain: problemDomain(experiment.problem),
    },
  };
}

/**
 * `build` with the last result kept: the returned lookup resolves a source and builds its template
 * only when the source's key changed, since a job arrives as many ranges (or chunks) of one source.
 */
export function lastTemplateLookup<Template>(build: (resolved: ResolvedSource) => Template): (source: BatchSource) => Template {
  let cached: { readonly key: string; readonly template: Template } | null = null;
  return (source) => {
    const resolved = resolveSource(source);
    if (cached?.key === resolved.key) return cached.template;
    const template = build(resolved);
    cached = { key: resolved.key, template };
    return template;
  };
}
