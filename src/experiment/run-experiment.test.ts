import { describe, expect, test } from 'vitest';
import { Random, deriveSeed } from '../engine/random';
import { DEFAULT_EXPERIMENT, DEFAULT_FORMULA_DOMAIN, type Experiment } from './experiment';
import { resolveDomain, resolveProblem, runExperiment } from './run-experiment';

// Hand-derived oracles: on f = x² + y² plain SGD multiplies the point by (1 − 2·lr) each step;
// on f = 0 the only motion is the noise, so the first step shows which random stream a run uses.

function formulaExperiment(expression: string, patch: Partial<Experiment>): Experiment {
  return { ...DEFAULT_EXPERIMENT, problem: { kind: 'formula', expression }, ...patch };
}

/** |a − b| ≤ 1e-15·|b|: the hand formulas and the engine round differently in the last bit. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => expect(Math.abs(actual[index] - value)).toBeLessThanOrEqual(1e-15 * Math.abs(value)));
}

describe('resolveDomain and resolveProblem', () => {
  test('the domain given, else the surface’s, else the formula default', () => {
    expect(resolveDomain({ kind: 'formula', expression: 'x', domain: [[0, 1], [2, 3]] })).toEqual([[0, 1], [2, 3]]);
    expect(resolveDomain({ kind: 'surface', surface: 'rosenbrock', params: {} })).toEqual([[-2, 2], [-1, 3]]);
    expect(resolveDomain({ kind: 'formula', expression: 'x' })).toEqual(DEFAULT_FORMULA_DOMAIN);
  });

  test('a formula and a surface with parameters become objectives', () => {
    const formula = resolveProblem({ kind: 'formula', expression: 'x^2 + 3*y' });
    expect(formula.objective.value([2, 1])).toBe(7);
    expect(formula.minima).toEqual([]);
    expect(formula.expression).toBe('x^2 + 3*y');
    // Rosenbrock (a − x)² + b(y − x²)² with a = 2, b = 10 at (0, 1): 4 + 10 = 14; minimum at (a, a²)
    const surface = resolveProblem({ kind: 'surface', surface: 'rosenbrock', params: { a: 2, b: 10 } });
    expect(surface.objective.value([0, 1])).toBe(14);
    expect(surface.minima).toEqual([{ point: [2, 4], value: 0 }]);
    expect(() => resolveProblem({ kind: 'formula', expression: 'sinn(x)' })).toThrow(/unknown function 'sinn'/);
  });
});

describe('runExperiment', () => {
  test('plain SGD on x² + y²: x_k = (1 − 2·lr)^k x_0, f_k = (1 − 2·lr)^{2k} f_0', () => {
    const experiment = formulaExperiment('x^2 + y^2', { steps: 5, runs: [{ optimizer: 'sgd', hyper: { lr: 0.1 }, start: [1, -2] }] });
    const [run] = runExperiment(experiment).runs;
    const factors = [0, 1, 2, 3, 4, 5].map((k) => 0.8 ** k);
    expectClose(run.trajectory, factors.flatMap((factor) => [factor, -2 * factor]));
    expectClose(run.loss, factors.map((factor) => 5 * factor * factor));
    expect(run.diverged).toBeNull();
  });

  test('run i draws its gradient noise from stream deriveSeed(seed, i)', () => {
    const runs = [0, 1, 2].map(() => ({ optimizer: 'sgd', hyper: { lr: 0.5 }, start: [1, 1] }));
    const experiment = formulaExperiment('0*x + 0*y', { steps: 1, seed: 42, noise: 0.1, runs });
    const result = runExperiment(experiment);
    result.runs.forEach((run, index) => {
      // ∇f = 0, so x_1 = x_0 − lr·σ·(z_0, z_1) with z from run i's own stream
      const random = new Random(deriveSeed(42, index));
      const noise = [0.1 * random.nextGaussian(), 0.1 * random.nextGaussian()];
      expect(Array.from(run.trajectory)).toEqual([1, 1, 1 - 0.5 * noise[0], 1 - 0.5 * noise[1]]);
    });
    expect(result.runs[0].trajectory[2]).not.toBe(result.runs[1].trajectory[2]);
  });

  test('a diverging run stops at the first point past 1e12, keeping the last finite one', () => {
    // lr = 1.5 on x²: x_{k+1} = (1 − 3)x_k = (−2)^{k+1}; 2^39 < 1e12 < 2^40
    const experiment = formulaExperiment('x^2 + y^2', { steps: 100, runs: [{ optimizer: 'sgd', hyper: { lr: 1.5 }, start: [1, 0] }] });
    const [run] = runExperiment(experiment).runs;
    expect(run.diverged).toEqual({ step: 40, reason: '|x| exceeded 1e12' });
    expect(run.loss).toHaveLength(40);
    expect(run.trajectory[2 * 39]).toBe((-2) ** 39);
  });

  test('a schedule, clipping and defaults reach the engine', () => {
    // clip_grad_value_(1) turns ∇(x²) = 2·10 into 1; StepLR(step_size=1, gamma=0.5) halves lr each step:
    // x_1 = 10 − 1·1, x_2 = 9 − 0.5·1, x_3 = 8.5 − 0.25·1
    const run = {
      optimizer: 'sgd',
      hyper: { lr: 1 },
      start: [10, 0],
      schedule: { type: 'step', step_size: 1, gamma: 0.5 },
      clip: { type: 'value', clip_value: 1 },
    } as const;
    const [result] = runExperiment(formulaExperiment('x^2 + y^2', { steps: 3, runs: [run] })).runs;
    expect(Array.from(result.trajectory)).toEqual([10, 0, 9, 0, 8.5, 0, 8.25, 0]);
  });
});
