// From a batch request's source (an experiment and one of its runs) to what the GPU kernels need:
// the problem's formula as a syntax tree (a typed formula as typed, a built-in surface through its
// `expression`), and the run's optimizer with complete settings.
import { parseFormula } from '../engine/expression/parser';
import { resolveProblem } from '../experiment/run-experiment';
import type { BatchSource } from '../worker/batch-protocol';
import { resolveSource } from '../analyses/source';
import type { GpuTemplate } from './fused-job';

let cached: { key: string; template: GpuTemplate } | null = null;

/** The GPU template of run `runIndex` of the experiment (cached: a job arrives as several ranges). */
export function gpuTemplateFor(source: BatchSource): GpuTemplate {
  const { key, problem, settings } = resolveSource(source);
  if (cached?.key === key) return cached.template;
  const { expression } = resolveProblem(problem);
  // the kernels are generated from the formula in x and y: n-dimensional surfaces have none
  if (expression === undefined) throw new Error('the WebGPU kernels run 2-D problems with a formula only; this one runs on TypeScript');
  const parsed = parseFormula(expression);
  if (!parsed.ok) throw new Error(`the problem's formula does not parse: ${parsed.error.message}`);
  const template: GpuTemplate = { ...settings, expression: parsed.ast };
  cached = { key, template };
  return template;
}
