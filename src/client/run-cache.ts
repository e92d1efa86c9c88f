// The runs the engine answered last, kept by what each result depends on, so that a change to one
// run recomputes that run alone. Dragging a start moves one run (or the few starting there) on
// every pointer move; the other runs' results, and with them their drawn paths and curves, stay
// the very same objects.
import type { Experiment } from '../experiment/experiment';
import type { RunPayload } from '../worker/protocol';

/**
 * What run `index`'s result depends on, as a string: the problem, the run's optimizer,
 * hyperparameters, start, schedule and clipping (what runOptionsFor resolves), the steps, the
 * gradient noise and its stream (the experiment's seed and the run's index). Label, colour and
 * visibility change how a run is drawn, not what it computes, and are left out.
 */
export function runResultKey(experiment: Experiment, index: number, numSteps: number): string {
  const { optimizer, hyper, start, schedule, clip } = experiment.runs[index];
  const { problem, steps, noise, seed } = experiment;
  return JSON.stringify([problem, optimizer, hyper, start, schedule ?? null, clip ?? null, steps, numSteps, noise, seed, index]);
}

/** The steps a request computes: `numSteps` (a live recompute up to the step shown) or all of them. */
export function stepsComputed(experiment: Experiment, numSteps: number | undefined): number {
  return Math.min(experiment.steps, numSteps ?? experiment.steps);
}

/** What a request needs from the worker, and the results it already has. */
export interface RunPlan {
  /** The key of every run of the experiment, in order. */
  readonly keys: readonly string[];
  /** Runs to compute, in order. */
  readonly missing: readonly number[];
  /** Results kept from before, by run index. */
  readonly reused: ReadonlyMap<number, RunPayload>;
}

/** The results of the last experiment answered, by runResultKey. */
export class RunCache {
  private results = new Map<string, RunPayload>();

  /** Which runs of `experiment` must be computed and which results can be reused. */
  plan(experiment: Experiment, numSteps: number | undefined): RunPlan {
    const steps = stepsComputed(experiment, numSteps);
    const keys = experiment.runs.map((_run, index) => runResultKey(experiment, index, steps));
    const missing: number[] = [];
    const reused = new Map<number, RunPayload>();
    keys.forEach((key, index) => {
      const kept = this.results.get(key);
      // a live answer (a drag) at the last step has the whole run but no diagnosis: the full request recomputes it
      if (kept && (numSteps !== undefined || kept.diagnosis !== undefined)) reused.set(index, kept);
      else missing.push(index);
    });
    return { keys, missing, reused };
  }

  /**
   * Every run's result for a plan, from the reused ones and `computed` (one per missing run, in
   * order); the cache then holds these, and only these.
   */
  complete(plan: RunPlan, computed: readonly RunPayload[]): RunPayload[] {
    if (computed.length !== plan.missing.length) throw new Error(`the engine answered ${computed.length} runs, ${plan.missing.length} were asked for`);
    const fresh = new Map(plan.missing.map((index, position) => [index, computed[position]]));
    const runs = plan.keys.map((_key, index) => plan.reused.get(index) ?? fresh.get(index)!);
    this.results = new Map(plan.keys.map((key, index) => [key, runs[index]]));
    return runs;
  }

  /** Forgets every result. */
  clear(): void {
    this.results.clear();
  }
}
