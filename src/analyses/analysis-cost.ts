// What an analysis would cost before it runs: its runs × steps and the time the TypeScript pool
// would take on this machine's workers. An analysis opened from a link (or restored) whose estimate
// is above ANALYSIS_CONFIRM_MS waits for a click that states it. The estimate reads no compiled
// formula and runs nothing: it is cheap enough for the main thread, where the gate is decided.
import { problemDimension } from '../engine/problems';
import { resolveData } from '../engine/problems/data-problem';
import { effectiveSecondAxis } from '../experiment/analysis-settings';
import type { Experiment } from '../experiment/experiment';
import { resolveDomain } from '../experiment/run-experiment';
import { analysedRun, type AnalysisInputs, type AnalysisKind } from './analysis-inputs';
import { basinGrid } from './basin';
import { TYPESCRIPT_NS_PER_ROW_PARAMETER, TYPESCRIPT_NS_PER_UPDATE } from './model-engine';
import { comparedRuns } from './seeds';

/** An analysis a link (or a restored session) opens starts on its own only below this estimate; above it, it waits for a click. */
export const ANALYSIS_CONFIRM_MS = 10_000;

/**
 * One run-step of a built-in two-dimensional surface on one TypeScript worker, in ns: plan.ts's
 * ~20M run-steps/s for plain updates, taken four times slower for the methods with more state per
 * step (quasi-Newton, CMA-ES) so that the estimate errs long.
 */
export const SURFACE_NS_PER_RUN_STEP = 200;

/**
 * A typed formula is run by the expression interpreter: a fixed cost per step plus one per
 * character of the formula (its value, gradient and Hessian grow with it). Measured with Adam in
 * Node: ~1.2 µs for 22 characters, ~11.6 µs for 1,143 (the 1,153-character link: 11 µs).
 */
export const FORMULA_NS_PER_RUN_STEP = 1_000;
/** See FORMULA_NS_PER_RUN_STEP. */
export const FORMULA_NS_PER_CHARACTER = 10;

/**
 * Many seeds record each seed's whole run (path, losses, counts per point) before it is reduced:
 * about twice a summarised run's step (measured in Node: 1.4 µs against 0.72 µs on a loaded machine).
 */
export const SEEDS_RECORDING_FACTOR = 2;

/** An analysis's size and the time it would take on this machine's TypeScript pool. */
export interface AnalysisCost {
  /** Runs of the job ("512×512 starts", "1,000 seeds × 2 runs"), counted and in words. */
  readonly runs: number;
  readonly runsText: string;
  readonly steps: number;
  /** Runs × steps. */
  readonly runSteps: number;
  /** Estimated milliseconds on `workers` TypeScript workers. */
  readonly estimatedMs: number;
  readonly workers: number;
}

const COUNT = new Intl.NumberFormat('en');

/** Estimated ns of one step of one run of the experiment's problem on one TypeScript worker. */
export function nsPerRunStep(experiment: Experiment): number {
  const { problem } = experiment;
  if (problem.kind === 'formula') return FORMULA_NS_PER_RUN_STEP + FORMULA_NS_PER_CHARACTER * problem.expression.length;
  if (problem.kind === 'data') {
    try {
      // model-engine.ts's TypeScript figures: every step reads a batch through the whole network
      const data = resolveData(problem);
      const rows = data.batchSize === undefined ? data.train.rows : Math.min(data.batchSize, data.train.rows);
      return rows * data.createModel().parameterCount * TYPESCRIPT_NS_PER_ROW_PARAMETER + TYPESCRIPT_NS_PER_UPDATE;
    } catch {
      // an unresolvable data problem fails when it runs; the gate only needs a figure
      return TYPESCRIPT_NS_PER_UPDATE;
    }
  }
  // an n-dimensional surface costs about n/2 times a plane's step (each coordinate's term and gradient)
  return SURFACE_NS_PER_RUN_STEP * Math.max(1, problemDimension(problem) / 2);
}

/** The runs of analysis `kind` as the settings describe them, counted and in words. */
function runsOf(kind: AnalysisKind, inputs: AnalysisInputs): { runs: number; runsText: string } {
  switch (kind) {
    case 'basin': {
      const { columns, rows } = basinGrid(inputs.viewDomain ?? resolveDomain(inputs.experiment.problem), inputs.basin.settings.resolution);
      return { runs: columns * rows, runsText: `${columns}×${rows} starts` };
    }
    case 'sweep': {
      const { settings } = inputs.sweep;
      const run = inputs.experiment.runs[analysedRun(inputs, settings.run)];
      const second = run ? effectiveSecondAxis(settings, run.optimizer) : null;
      if (second) return { runs: settings.count * second.count, runsText: `${settings.count}×${second.count} settings` };
      return { runs: settings.count, runsText: `${COUNT.format(settings.count)} settings` };
    }
    case 'seeds': {
      const { count } = inputs.seeds.settings;
      const compared = comparedRuns(inputs).length;
      return { runs: count * compared, runsText: compared === 1 ? `${COUNT.format(count)} seeds` : `${COUNT.format(count)} seeds × ${compared} runs` };
    }
  }
}

/** The estimated cost of analysis `kind` on `workers` TypeScript workers (the GPU, when it wins, is only faster). */
export function estimateAnalysisCost(kind: AnalysisKind, inputs: AnalysisInputs, workers: number): AnalysisCost {
  const { runs, runsText } = runsOf(kind, inputs);
  const { steps } = inputs.experiment;
  const runSteps = runs * steps;
  // runs are spread over the workers; fewer runs than workers leave some idle
  const parallel = Math.max(1, Math.min(workers, runs));
  const recording = kind === 'seeds' ? SEEDS_RECORDING_FACTOR : 1;
  return { runs, runsText, steps, runSteps, estimatedMs: (runSteps * nsPerRunStep(inputs.experiment) * recording) / parallel / 1e6, workers: parallel };
}

/** Whether an analysis that did not come from a click must wait for one. */
export function needsConfirmation(cost: Pick<AnalysisCost, 'estimatedMs'>): boolean {
  return cost.estimatedMs > ANALYSIS_CONFIRM_MS;
}
