import { describe, expect, it } from 'vitest';
import { resolveProblem, runOptionsFor } from '../experiment/run-experiment';
import { parseExperiment } from '../experiment/validate';
import { runMethod } from '../engine/run';
import { timedRun } from './timed-run';
import { workingBeat, WORKING_INTERVAL_MS, type WatchdogResponse } from './watchdog-protocol';

function options(steps: number) {
  const parsed = parseExperiment({ version: 1, problem: { surface: 'rosenbrock' }, steps, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 }, start: [-1.5, 2] }] });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const { objective } = resolveProblem(parsed.experiment.problem);
  return { ...runOptionsFor(parsed.experiment, 0, objective), numSteps: steps };
}

describe('timedRun with the watchdog beat', () => {
  it('records the same run in chunks as in one go, calling `working` along the way', () => {
    let calls = 0;
    const chunked = timedRun(options(1000), () => calls++);
    const whole = runMethod(options(1000));
    expect(Array.from(chunked.trajectory)).toEqual(Array.from(whole.trajectory));
    expect(Array.from(chunked.loss)).toEqual(Array.from(whole.loss));
    expect(calls).toBeGreaterThan(50);
  });
});

describe('workingBeat', () => {
  it('says "working" at most once an interval, however often it is called', () => {
    let time = 0;
    const sent: WatchdogResponse[] = [];
    const beat = workingBeat((response) => sent.push(response), () => time);
    for (; time < 10 * WORKING_INTERVAL_MS; time += 7) beat();
    expect(sent.length).toBe(9);
    expect(sent.every((response) => response.type === 'working')).toBe(true);
  });
});
