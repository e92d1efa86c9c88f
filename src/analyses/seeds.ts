// Planning many seeds: each run repeated over seeds 0..count−1 (seed i is the run in the experiment
// with seed + i), the analysed run with its whole paths (median path and band), every visible run
// with its outcome against the targets f − f* (the results table and the ECDF compare them).
import { TARGET_PRECISIONS } from '../engine/batch/targets';
import type { SeedsJob } from '../engine/batch/types';
import { lowestMinimumValue } from '../engine/known-minima';
import { resolveProblem } from '../experiment/run-experiment';
import { analysedRun, type AnalysisInputs } from './analysis-inputs';

export { drawsFromSeed, runIsStochastic } from '../experiment/stochastic-runs';

/** The runs the seeds analysis compares: every visible run, the analysed one first (it is drawn too). */
export function comparedRuns(inputs: Pick<AnalysisInputs, 'experiment' | 'seeds'>): number[] {
  const analysed = analysedRun(inputs, inputs.seeds.settings.run);
  const visible = inputs.experiment.runs.flatMap((run, index) => (run.hidden || index === analysed ? [] : [index]));
  return [analysed, ...visible];
}

/** The many-seeds job of run `runIndex`: from its start, over the settings' seeds, with the targets f − f* of the problem's known optimum. */
export function seedsJobFor(inputs: Pick<AnalysisInputs, 'experiment' | 'seeds'>, runIndex = analysedRun(inputs, inputs.seeds.settings.run)): SeedsJob {
  const { experiment } = inputs;
  const run = experiment.runs[runIndex];
  const analysed = runIndex === analysedRun(inputs, inputs.seeds.settings.run);
  return {
    kind: 'seeds',
    start: [...run.start],
    count: inputs.seeds.settings.count,
    seed: experiment.seed,
    run: runIndex,
    optimum: lowestMinimumValue(resolveProblem(experiment.problem).minima),
    targets: TARGET_PRECISIONS,
    // only the analysed run's paths are drawn; the others are compared by their outcomes
    ...(!analysed && { paths: false }),
  };
}
