import { getMethodSpec, type MethodSpec } from '../engine/methods/catalogue';
import type { Experiment } from './experiment';

// Which runs differ from seed to seed: the many-seeds analysis repeats only those, and a link that
// asks for many seeds of runs that would all repeat one path is told so.

/**
 * Whether a method draws on its own seed (context.seed): what it declares, else by family (the
 * gradient-free searches and the zeroth-order estimates draw proposals, populations and probe
 * directions). Such a run differs from seed to seed even without gradient noise.
 */
export function drawsFromSeed(method: Pick<MethodSpec, 'family' | 'stochastic'>): boolean {
  return method.stochastic ?? (method.family === 'gradient-free' || method.family === 'zeroth-order');
}

/**
 * Whether run `index` of the experiment differs from seed to seed: gradient noise, mini-batches (the
 * seed shuffles the rows), or a method that draws from its seed.
 */
export function runIsStochastic(experiment: Experiment, index: number): boolean {
  if (experiment.noise > 0) return true;
  if (experiment.problem.kind === 'data' && experiment.problem.batch_size !== undefined) return true;
  const method = getMethodSpec(experiment.runs[index]?.optimizer ?? '');
  return method !== undefined && drawsFromSeed(method);
}
