import { describe, expect, it } from 'vitest';
import { checkProblem } from '../engine/problems';
import { budgetCutIndex, budgetStop, costSeries, costWeights, dataCostOf, type CostedRun } from './cost';

// A Newton-like run in 2-D: the start asks f and ∇f, each step asks f, ∇f and ∇²f once more.
const newton: CostedRun = {
  dimension: 2,
  loss: [9, 4, 1, 0.5],
  evaluations: { function: [1, 2, 3, 4], gradient: [1, 2, 3, 4], hessian: [0, 1, 2, 3] },
  elapsedMs: [0, 0.25, 0.5, 1],
};

describe('cost weights', () => {
  it('prices ∇f and ∇²f as automatic differentiation or finite differences would (n = 2)', () => {
    expect(costWeights('autodiff', 2)).toEqual({ function: 1, gradient: 1, hessian: 2 });
    // forward: f(x) plus f(x + h e₁), f(x + h e₂) = n + 1 for f and ∇f; f(x + h eᵢ + h eⱼ) for (1,1), (1,2), (2,2)
    expect(costWeights('forward', 2)).toEqual({ function: 1, gradient: 2, hessian: 3 });
    // central: f(x ± h eᵢ) = 4; the one off-diagonal pair takes four more
    expect(costWeights('central', 2)).toEqual({ function: 1, gradient: 4, hessian: 4 });
    expect(costWeights('forward', 10)).toEqual({ function: 1, gradient: 10, hessian: 55 });
    expect(costWeights('central', 10)).toEqual({ function: 1, gradient: 20, hessian: 180 });
  });
});

describe('cost series', () => {
  it('reads the counts, steps and time of each point', () => {
    expect(Array.from(costSeries(newton, 'step', 'autodiff'))).toEqual([0, 1, 2, 3]);
    expect(Array.from(costSeries(newton, 'evaluations', 'autodiff'))).toEqual([1, 2, 3, 4]);
    expect(Array.from(costSeries(newton, 'gradients', 'autodiff'))).toEqual([1, 2, 3, 4]);
    expect(Array.from(costSeries(newton, 'hessians', 'autodiff'))).toEqual([0, 1, 2, 3]);
    expect(Array.from(costSeries(newton, 'time', 'autodiff'))).toEqual([0, 0.25, 0.5, 1]);
  });

  it('weighs each count by its price', () => {
    // autodiff: f + ∇f + 2 ∇²f
    expect(Array.from(costSeries(newton, 'cost', 'autodiff'))).toEqual([2, 6, 10, 14]);
    // forward: f + 2 ∇f + 3 ∇²f
    expect(Array.from(costSeries(newton, 'cost', 'forward'))).toEqual([3, 9, 15, 21]);
    // central: f + 4 ∇f + 4 ∇²f
    expect(Array.from(costSeries(newton, 'cost', 'central'))).toEqual([5, 14, 23, 32]);
  });
});

describe('budget cut', () => {
  it('keeps the last point whose cost is within the budget', () => {
    const series = [1, 3, 3, 5, 8, 13];
    expect(budgetCutIndex(series, 6, 5)).toBe(3);
    expect(budgetCutIndex(series, 6, 4.9)).toBe(2);
    expect(budgetCutIndex(series, 6, 100)).toBe(5);
    // only the first four points are recorded yet
    expect(budgetCutIndex(series, 4, 100)).toBe(3);
  });

  it('keeps the start even when it alone costs more', () => {
    expect(budgetCutIndex([10, 20], 2, 5)).toBe(0);
    expect(budgetCutIndex([], 0, 5)).toBe(0);
  });

  it('agrees with a linear scan on random ascending series', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 200; trial++) {
      const series: number[] = [];
      let total = Math.floor(next() * 3);
      for (let index = 0; index < 1 + Math.floor(next() * 20); index++) series.push((total += Math.floor(next() * 3)));
      const budget = Math.floor(next() * (total + 3));
      let expected = 0;
      series.forEach((value, index) => {
        if (value <= budget) expected = index;
      });
      expect(budgetCutIndex(series, series.length, budget)).toBe(expected);
    }
  });

  it('stops a run only where the budget ends it early', () => {
    expect(budgetStop(newton, 'cost', 'autodiff', 10)).toBe(2);
    expect(budgetStop(newton, 'cost', 'autodiff', 14)).toBeNull();
    expect(budgetStop(newton, 'evaluations', 'autodiff', null)).toBeNull();
  });
});

describe('data axes', () => {
  const run = {
    dimension: 2,
    loss: [3, 2, 1, 0.5],
    evaluations: { function: Float64Array.from([1, 2, 3, 4]), gradient: Float64Array.from([0, 1, 2, 3]), hessian: new Float64Array(4) },
    elapsedMs: null,
  };

  it('counts epochs as steps over batches per epoch, and examples as rows read per evaluation', () => {
    expect(Array.from(costSeries(run, 'epoch', 'autodiff', { batchesPerEpoch: 2, rowsPerEvaluation: 5 }))).toEqual([0, 0.5, 1, 1.5]);
    expect(Array.from(costSeries(run, 'examples', 'autodiff', { batchesPerEpoch: 2, rowsPerEvaluation: 5 }))).toEqual([5, 10, 15, 20]);
    // without data (a surface) both count steps
    expect(Array.from(costSeries(run, 'epoch', 'autodiff'))).toEqual([0, 1, 2, 3]);
  });

  it('gives a mini-batch problem its batches per epoch and mean batch rows', () => {
    const checked = checkProblem({ dataset: { name: 'two_moons', params: { samples: 100 }, validation: 0.2 }, model: { kind: 'logistic' }, batch_size: 30 }, 'problem');
    if (!checked.ok) throw new Error(checked.errors.join('; '));
    // 80 training rows in batches of 30, 30, 20
    expect(dataCostOf(checked.value)).toEqual({ batchesPerEpoch: 3, rowsPerEvaluation: 80 / 3 });
    expect(dataCostOf({ kind: 'surface', surface: 'rosenbrock' } as never)).toBeNull();
  });
});
