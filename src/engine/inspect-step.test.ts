import { describe, expect, it } from 'vitest';
import { inspectStep } from './inspect-step';
import { runMethod } from './run';
import { METHODS } from './methods';
import { bowl } from './bowl.test-helper';
import { defaultHyperValues } from './methods/first-order/hyper';

describe('inspectStep', () => {
  it('replays the run to step k: the point, f, Δ and counts equal the recorded run', () => {
    const objective = bowl;
    const method = METHODS.find((candidate) => candidate.id === 'nelder_mead');
    if (method === undefined) throw new Error('nelder_mead missing');
    const options = { objective, method, hyper: defaultHyperValues(method.hyperSpecs), start: [1.5, -0.5], numSteps: 20 };
    const run = runMethod(options);
    const inspected = inspectStep(options, 10);
    expect(inspected.step).toBe(10);
    expect(Array.from(inspected.point)).toEqual(Array.from(run.trajectory.slice(20, 22)));
    expect(inspected.value).toBe(run.loss[10]);
    expect(Array.from(inspected.delta ?? [])).toEqual([run.trajectory[20] - run.trajectory[18], run.trajectory[21] - run.trajectory[19]]);
    expect(inspected.evaluations.function).toBe(run.evaluations.function[10]);
    expect(inspectStep(options, 0).previousPoint).toBeNull();
    // past the end: the last step
    expect(inspectStep(options, 500).step).toBe(run.loss.length - 1);
  });
});
