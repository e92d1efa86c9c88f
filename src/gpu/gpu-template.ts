// From a batch request's source (an experiment and one of its runs) to what the GPU kernels need:
// the problem's formula as a syntax tree (a typed formula as typed, a built-in surface through its
// `expression`), and the run's optimizer with complete settings.
import { parseFormula } from '../engine/expression/parser';
import { resolveProblem } from '../experiment/run-experiment';
import { lastTemplateLookup } from '../analyses/source';
import type { GpuTemplate } from './fused-job';

/** The GPU template of run `runIndex` of the experiment (the last one kept: a job arrives as several ranges). */
export const gpuTemplateFor = lastTemplateLookup(({ problem, settings }): GpuTemplate => {
  // the shaders are generated from a torch-style optimizer's kernel IR: other methods run on TypeScript (plan.ts never sends them here)
  const { optimizer } = settings;
  if (optimizer === undefined) throw new Error(`${settings.method.name} has no WebGPU kernel; it runs on TypeScript`);
  const { expression } = resolveProblem(problem);
  // the kernels are generated from the formula in x and y: n-dimensional surfaces have none
  if (expression === undefined) throw new Error('the WebGPU kernels run 2-D problems with a formula only; this one runs on TypeScript');
  const parsed = parseFormula(expression);
  if (!parsed.ok) throw new Error(`the problem's formula does not parse: ${parsed.error.message}`);
  return { ...settings, optimizer, expression: parsed.ast };
});
