import { describe, expect, it } from 'vitest';
import type { RunPayload } from '../../worker/protocol';
import { budgeted, budgetedResults } from './budget';

// A 2-D run of five points that diverges at its last: the start costs 1 evaluation, each step 2.
function run(): RunPayload {
  const column = (values: number[]) => Float64Array.from(values);
  return {
    dimension: 2,
    trajectory: column([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]),
    loss: column([5, 4, 3, 2, 1]),
    evaluations: { function: column([1, 3, 5, 7, 9]), gradient: column([1, 3, 5, 7, 9]), hessian: column([0, 0, 0, 0, 0]) },
    bestLoss: column([5, 4, 3, 2, 1]),
    elapsedMs: column([0, 1, 2, 3, 4]),
    diverged: { step: 4, reason: 'x became NaN' },
    converged: null,
    snapshots: [null, { temperature: 1 }, { temperature: 2 }, null, null],
    diagnosis: null,
  };
}

describe('budget mode', () => {
  it('cuts every column at the last point within the budget, and forgets what came after', () => {
    const { result, stoppedAt } = budgeted(run(), { lossAxis: 'evaluations', gradientCost: 'autodiff', budget: 6 });
    expect(stoppedAt).toBe(2);
    expect(Array.from(result.trajectory)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(Array.from(result.loss)).toEqual([5, 4, 3]);
    expect(Array.from(result.evaluations.gradient)).toEqual([1, 3, 5]);
    expect(result.snapshots).toEqual([null, { temperature: 1 }, { temperature: 2 }]);
    expect(result.diverged).toBeNull();
  });

  it('leaves a run that ends within the budget as it is', () => {
    const whole = run();
    expect(budgeted(whole, { lossAxis: 'step', gradientCost: 'autodiff', budget: 10 })).toEqual({ result: whole, stoppedAt: null });
  });

  it('weighs by the chosen price of a gradient (forward differences in 2-D: f + 2 ∇f)', () => {
    // cost = f + n·∇f = 3, 9, 15, ...: a budget of 10 keeps two points
    expect(budgeted(run(), { lossAxis: 'cost', gradientCost: 'forward', budget: 10 }).stoppedAt).toBe(1);
  });

  it('hands the views the same arrays while nothing changes', () => {
    const results = [run(), run()];
    const settings = { lossAxis: 'evaluations', gradientCost: 'autodiff', budget: 4 } as const;
    const first = budgetedResults(results, settings);
    expect(budgetedResults(results, { ...settings })).toBe(first);
    expect(budgetedResults(results, { ...settings, budget: null })).toBe(results);
  });
});
