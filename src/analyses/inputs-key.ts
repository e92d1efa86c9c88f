// An analysis's results are stale when what they were computed from changed: this is that "what", as
// one string to compare.
import { effectiveSecondAxis, sweptParameter } from '../experiment/analysis-settings';
import type { ExperimentRun } from '../experiment/experiment';
import { resolveDomain } from '../experiment/run-experiment';
import { analysedRun, type AnalysisInputs, type AnalysisKind } from './analysis-inputs';
import { comparedRuns, runIsStochastic } from './seeds';

/** What a run contributes to a batch job (label, colour and visibility do not change any number). */
function runInputs(run: ExperimentRun | undefined, withStart: boolean, sweptNames: readonly string[] = []): unknown {
  if (!run) return null;
  const hyper: Record<string, unknown> = { ...run.hyper };
  for (const name of sweptNames) {
    // a 2-D sweep over beta1 replaces betas[0] only
    if (name === 'beta1') hyper.betas = Array.isArray(hyper.betas) ? [null, hyper.betas[1]] : undefined;
    else delete hyper[name];
  }
  return [run.optimizer, hyper, run.schedule ?? null, run.clip ?? null, withStart ? run.start : null];
}

/**
 * Everything an analysis's numbers depend on, as one string: the problem, steps, noise (and its seed
 * when there is noise), the analysed run, and the view for a basin map. A sweep leaves out the
 * hyperparameters it sweeps, so applying one of its cells to the run does not make it stale.
 */
export function inputsKey(kind: AnalysisKind, inputs: Pick<AnalysisInputs, 'experiment' | 'viewDomain' | AnalysisKind>): string {
  const { experiment } = inputs;
  const common = [experiment.problem, experiment.steps, experiment.noise, experiment.noise > 0 ? experiment.seed : null];
  switch (kind) {
    case 'basin': {
      const { settings } = inputs.basin;
      const index = analysedRun(inputs, settings.run);
      return JSON.stringify([...common, index, runInputs(experiment.runs[index], false), settings.resolution, inputs.viewDomain ?? resolveDomain(experiment.problem)]);
    }
    case 'sweep': {
      const { settings } = inputs.sweep;
      const index = analysedRun(inputs, settings.run);
      const run = experiment.runs[index];
      const second = run ? effectiveSecondAxis(settings, run.optimizer) : null;
      const swept = [sweptParameter(run?.optimizer ?? '')?.name ?? 'lr', ...(second ? [second.name] : [])];
      return JSON.stringify([...common, index, runInputs(run, true, swept), settings.lrMin, settings.lrMax, settings.count, second]);
    }
    case 'seeds': {
      const { settings } = inputs.seeds;
      const index = analysedRun(inputs, settings.run);
      // every visible run is compared over the seeds; a method drawing from its seed counts the seed without noise too
      const compared = comparedRuns(inputs);
      const seed = compared.some((run) => runIsStochastic(experiment, run)) ? experiment.seed : null;
      return JSON.stringify([...common, index, runInputs(experiment.runs[index], true), settings.count, compared.map((run) => runInputs(experiment.runs[run], true)), seed]);
    }
  }
}
