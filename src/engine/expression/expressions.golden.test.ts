import { describe, expect, it } from 'vitest';
import { compileFormula } from './index';
import vectors from './expressions.golden.json';

/**
 * PyTorch's f, gradient (torch.autograd.grad) and Hessian (torch.autograd.functional.hessian) in
 * float64, from scripts/golden/expressions.py, where each formula has a hand-written torch twin.
 *
 * Tolerance: |ours - torch| <= 1e-9 * max(|torch|, 1e-6). The floor 1e-6 only matters for
 * entries that are (nearly) zero, such as f_xy of a separable formula: there the check becomes
 * absolute at 1e-15, tight enough to catch any missing term yet above float64 rounding.
 */
const RELATIVE_TOLERANCE = 1e-9;
const NEAR_ZERO_FLOOR = 1e-6;

function expectClose(actual: number, expected: number, what: string): void {
  const bound = RELATIVE_TOLERANCE * Math.max(Math.abs(expected), NEAR_ZERO_FLOOR);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs torch ${expected}`).toBeLessThanOrEqual(bound);
}

describe('compileFormula matches PyTorch autograd', () => {
  it('has enough formulas and points', () => {
    expect(vectors.cases.length).toBeGreaterThanOrEqual(25);
    for (const testCase of vectors.cases) expect(testCase.points.length).toBeGreaterThanOrEqual(5);
  });

  it.each(vectors.cases.map((testCase) => [testCase.formula, testCase] as const))('%s', (formula, testCase) => {
    const compiled = compileFormula(formula);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const { objective } = compiled;
    expect(objective.dimension).toBe(2);
    testCase.points.forEach((point, k) => {
      const at = `${formula} at (${point.join(', ')})`;
      const gradient = new Float64Array(2);
      const hessian = new Float64Array(4);
      const value = objective.valueAndGradient(point, gradient);
      objective.hessian(point, hessian);
      expectClose(value, testCase.value[k], `f ${at}`);
      expectClose(objective.value(point), testCase.value[k], `value() ${at}`);
      expectClose(gradient[0], testCase.gradient[k][0], `f_x ${at}`);
      expectClose(gradient[1], testCase.gradient[k][1], `f_y ${at}`);
      for (let i = 0; i < 4; i++) expectClose(hessian[i], testCase.hessian[k][i], `H[${i}] ${at}`);
    });
  });
});
