import { getOptimizer } from '../engine/optimizers';
import { getSurface } from '../engine/surfaces';
import type { Experiment } from '../experiment/experiment';

type Run = Experiment['runs'][number];

/** A run's display name: its label, else the optimizer's name with its learning rate. */
export function runLabel(run: Run | undefined, index: number): string {
  if (!run) return `run ${index + 1}`;
  if (run.label) return run.label;
  const name = getOptimizer(run.optimizer)?.name ?? run.optimizer;
  const learningRate = run.hyper?.lr;
  return typeof learningRate === 'number' ? `${name} (lr ${learningRate})` : name;
}

/** The problem as a title: the surface's name, or the typed formula. */
export function problemTitle(problem: Experiment['problem']): string {
  if ('surface' in problem && problem.surface) return getSurface(problem.surface)?.name ?? problem.surface;
  if ('expression' in problem && problem.expression) return `f(x, y) = ${problem.expression}`;
  return 'unknown problem';
}
