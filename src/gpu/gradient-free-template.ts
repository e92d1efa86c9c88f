// From a batch request's source to what the gradient-free kernels need: the problem's formula as a
// syntax tree, the run's method with complete settings, and the experiment's seed.
import { parseFormula } from '../engine/expression/parser';
import { resolveProblem } from '../experiment/run-experiment';
import { resolveSource, type BatchSource } from '../analyses/source';
import type { GradientFreeTemplate } from './gradient-free-job';

let cached: { readonly key: string; readonly template: GradientFreeTemplate } | null = null;

/** The gradient-free GPU template of the source's run (the last one kept: a job arrives as several ranges). */
export function gradientFreeTemplateFor(source: BatchSource): GradientFreeTemplate {
  const { key, problem, settings } = resolveSource(source);
  const seed = source.experiment.seed >>> 0;
  if (cached?.key === `${key}|${seed}`) return cached.template;
  const { expression } = resolveProblem(problem);
  // the kernels are generated from the formula in x and y: n-dimensional surfaces have none
  if (expression === undefined) throw new Error('the WebGPU kernels run 2-D problems with a formula only; this one runs on TypeScript');
  const parsed = parseFormula(expression);
  if (!parsed.ok) throw new Error(`the problem's formula does not parse: ${parsed.error.message}`);
  const template = { ...settings, expression: parsed.ast, seed };
  cached = { key: `${key}|${seed}`, template };
  return template;
}
