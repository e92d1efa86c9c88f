import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { resolveProblem, runExperiment, runOptionsFor } from '../experiment/run-experiment';
import { runMethod } from '../engine/run';
import type { RunPayload } from '../worker/protocol';
import { RunCache, runResultKey } from './run-cache';

// The oracle is the reference engine itself, run in full on every experiment: whatever the cache
// keeps and whatever it asks for, the runs it hands out must be exactly those of a full run.

/**
 * What the worker answers for runs `indices` (its timedRun without the clock); a whole-run request
 * (`live` false) also carries a diagnosis (null: nothing to say), a live one none.
 */
function compute(experiment: Experiment, indices: readonly number[], numSteps = experiment.steps, live = false): RunPayload[] {
  const { objective } = resolveProblem(experiment.problem);
  return indices.map((index) => {
    const result = runMethod({ ...runOptionsFor(experiment, index, objective), numSteps });
    const payload = { ...result, elapsedMs: new Float64Array(result.loss.length) };
    return live ? payload : { ...payload, diagnosis: null };
  });
}

/** Asks the cache for an experiment and answers what it is missing, as the engine client does. */
function ask(cache: RunCache, experiment: Experiment, numSteps?: number) {
  const plan = cache.plan(experiment, numSteps);
  const runs = cache.complete(plan, compute(experiment, plan.missing, Math.min(experiment.steps, numSteps ?? experiment.steps), numSteps !== undefined));
  return { missing: plan.missing, runs };
}

function expectExactly(runs: readonly RunPayload[], experiment: Experiment): void {
  const reference = runExperiment(experiment).runs;
  expect(runs).toHaveLength(reference.length);
  runs.forEach((run, index) => {
    expect(Array.from(run.trajectory)).toEqual(Array.from(reference[index].trajectory));
    expect(Array.from(run.loss)).toEqual(Array.from(reference[index].loss));
    expect(run.diverged).toEqual(reference[index].diverged);
  });
}

// noise on, so a run's result also depends on its index (its own noise stream)
const NOISY: Experiment = { ...DEFAULT_EXPERIMENT, steps: 120, noise: 0.3, seed: 7 };
const moved = (experiment: Experiment, index: number, start: [number, number]): Experiment => ({
  ...experiment,
  runs: experiment.runs.map((run, i) => (i === index ? { ...run, start } : run)),
});

describe('RunCache', () => {
  it('computes every run the first time, then only a run whose start moved; the others are the same objects', () => {
    const cache = new RunCache();
    const first = ask(cache, NOISY);
    expect(first.missing).toEqual([0, 1, 2]);
    expectExactly(first.runs, NOISY);

    const dragged = moved(NOISY, 1, [-1.2, 1.7]);
    const second = ask(cache, dragged);
    expect(second.missing).toEqual([1]);
    expect(second.runs[0]).toBe(first.runs[0]);
    expect(second.runs[2]).toBe(first.runs[2]);
    expectExactly(second.runs, dragged);

    // back where it was: the kept result is for the last experiment only, so run 1 is computed again
    const third = ask(cache, NOISY);
    expect(third.missing).toEqual([1]);
    expectExactly(third.runs, NOISY);
  });

  it('recomputes nothing for a new label, colour or visibility, and everything for new steps, noise, seed or problem', () => {
    const cache = new RunCache();
    const first = ask(cache, NOISY);
    const restyled: Experiment = { ...NOISY, runs: NOISY.runs.map((run) => ({ ...run, label: 'renamed', color: '#123456', hidden: true })) };
    const second = ask(cache, restyled);
    expect(second.missing).toEqual([]);
    second.runs.forEach((run, index) => expect(run).toBe(first.runs[index]));

    for (const changed of [
      { ...NOISY, steps: 80 },
      { ...NOISY, noise: 0.1 },
      { ...NOISY, seed: 8 },
      { ...NOISY, problem: { kind: 'surface', surface: 'beale', params: {} } } as Experiment,
    ]) {
      expect(ask(cache, changed).missing).toEqual([0, 1, 2]);
      expectExactly(ask(cache, changed).runs, changed);
      ask(cache, NOISY);
    }
  });

  it('recomputes, for the whole run, a run last answered live at the last step (a live answer has no diagnosis)', () => {
    const cache = new RunCache();
    ask(cache, NOISY);
    const dragged = moved(NOISY, 1, [-1.2, 1.7]);
    const live = ask(cache, dragged, NOISY.steps);
    expect(live.missing).toEqual([1]);
    expect(live.runs[1].diagnosis).toBeUndefined();
    const whole = ask(cache, dragged);
    expect(whole.missing).toEqual([1]);
    expect(whole.runs[1].diagnosis).toBeNull();
    expectExactly(whole.runs, dragged);
  });

  it('tells a live recompute up to the step shown from the whole run', () => {
    const cache = new RunCache();
    const live = ask(cache, NOISY, 40);
    expect(live.runs[0].loss).toHaveLength(41);
    const whole = ask(cache, NOISY);
    expect(whole.missing).toEqual([0, 1, 2]);
    expectExactly(whole.runs, NOISY);
    // asking for every step is asking for the whole run
    expect(ask(cache, NOISY, NOISY.steps + 5).missing).toEqual([]);
  });

  it('keys a run by its optimizer, settings, start, schedule, clipping and index', () => {
    const base = runResultKey(NOISY, 0, 120);
    const run = NOISY.runs[0];
    const withRun = (patch: Partial<Experiment['runs'][number]>) => ({ ...NOISY, runs: [{ ...run, ...patch }, ...NOISY.runs.slice(1)] });
    expect(runResultKey(withRun({ optimizer: 'adam' }), 0, 120)).not.toBe(base);
    expect(runResultKey(withRun({ hyper: { lr: 0.002 } }), 0, 120)).not.toBe(base);
    expect(runResultKey(withRun({ start: [-1.5, 2.1] }), 0, 120)).not.toBe(base);
    expect(runResultKey(withRun({ schedule: { type: 'step', step_size: 10, gamma: 0.5 } }), 0, 120)).not.toBe(base);
    expect(runResultKey(withRun({ clip: { type: 'norm', max_norm: 1 } }), 0, 120)).not.toBe(base);
    expect(runResultKey(withRun({ label: 'x', color: '#000000', hidden: true }), 0, 120)).toBe(base);
    // the same settings in another place of the list draw another noise stream
    expect(runResultKey({ ...NOISY, runs: [run, run] }, 1, 120)).not.toBe(runResultKey({ ...NOISY, runs: [run, run] }, 0, 120));
  });

  it('refuses an answer that does not match what was asked for', () => {
    const cache = new RunCache();
    const plan = cache.plan(NOISY, undefined);
    expect(() => cache.complete(plan, compute(NOISY, [0]))).toThrow(/answered 1 runs, 3 were asked for/);
  });
});
