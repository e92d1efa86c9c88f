import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues } from '../first-order/hyper';
import type { StateQuantity } from '../inspection';
import { newton } from './newton';

// Newton's inspection against the math: the Hessian shown is ∇²f at x_{k−1}; (H + μI)·p = −∇f to
// 1e-12; μ lifts the smallest eigenvalue (closed form for 2 × 2 here) to δ exactly when it shifts;
// the model's minimiser is x + p and x_k = x_{k−1} + α p.

function value(state: readonly StateQuantity[], name: string): number | Float64Array {
  const found = state.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found.value;
}

/** The smaller eigenvalue of a symmetric 2 × 2 matrix [[a, b], [b, d]]. */
function smallerEigenvalue(matrix: ArrayLike<number>): number {
  const [a, b, d] = [matrix[0], matrix[1], matrix[3]];
  return (a + d) / 2 - Math.sqrt(((a - d) / 2) ** 2 + b * b);
}

describe('newton inspection', () => {
  it.each([
    ['rosenbrock', [-1.2, 1], 'none'],
    ['himmelblau', [0, 0], 'none'], // f's Hessian is indefinite near the origin: the shift acts
    ['himmelblau', [-0.3, 0.2], 'backtracking'],
    ['rosenbrock', [-1.2, 1], 'backtracking'],
  ] as const)('%s from %j, line search %s: (H + μI) p = −∇f, μ = max(0, δ − λmin), x_k = x + α p', (surfaceName, start, lineSearch) => {
    const objective = getSurface(surfaceName)!.create();
    const hyper = { ...defaultHyperValues(newton.hyperSpecs), line_search: lineSearch };
    let shifted = 0;
    for (const step of [1, 2, 3]) {
      const inspection = inspectStep({ objective, method: newton, hyper, start, numSteps: 3 }, step);
      const state = inspection.method!.state;
      const x = inspection.previousPoint!;
      const hessian = value(state, 'hessian') as Float64Array;
      const expectedHessian = new Float64Array(4);
      objective.hessian(x, expectedHessian);
      expect(Array.from(hessian)).toEqual(Array.from(expectedHessian));
      const gradient = new Float64Array(2);
      objective.valueAndGradient(x, gradient);
      expect(Array.from(value(state, 'gradient') as Float64Array)).toEqual(Array.from(gradient));
      const shift = value(state, 'shift') as number;
      const p = value(state, 'newtonStep') as Float64Array;
      for (let i = 0; i < 2; i++) {
        const row = (hessian[2 * i] + (i === 0 ? shift : 0)) * p[0] + (hessian[2 * i + 1] + (i === 1 ? shift : 0)) * p[1];
        expect(Math.abs(row + gradient[i]) / Math.max(Math.abs(gradient[i]), 1e-300)).toBeLessThan(1e-12);
      }
      const delta = defaultHyperValues(newton.hyperSpecs).min_eigenvalue as number;
      const smallest = smallerEigenvalue(hessian);
      expect(shift).toBeCloseTo(Math.max(0, delta - smallest), 10);
      if (shift > 0) shifted++;
      const minimizer = value(state, 'modelMinimizer') as Float64Array;
      const alpha = value(state, 'stepLength') as number;
      for (let i = 0; i < 2; i++) {
        expect(minimizer[i]).toBe(x[i] + p[i]);
        expect(inspection.point[i]).toBe(x[i] + alpha * p[i]);
      }
      const narration = inspection.method!.narration;
      expect(narration.map((substep) => substep.sentence.split(' ')[0] + ' ' + substep.sentence.split(' ')[1].replace(/^(after|the)$/, ''))).toEqual([
        'The gradient',
        'The Hessian',
        'The Hessian',
        'Solving ' + (shift > 0 ? '(H' : 'H'),
        lineSearch === 'none' ? 'The point' : 'Backtracking: ',
      ]);
      expect(narration[2].sentence).toContain(shift > 0 ? 'not positive definite enough' : 'no shift is needed');
    }
    if (surfaceName === 'himmelblau' && lineSearch === 'none') expect(shifted).toBeGreaterThan(0);
  });

  it('after start(): the gradient, nothing narrated', () => {
    const inspection = inspectStep({ objective: getSurface('rosenbrock')!.create(), method: newton, hyper: defaultHyperValues(newton.hyperSpecs), start: [-1.2, 1], numSteps: 2 }, 0);
    expect(inspection.method!.narration).toEqual([]);
    expect(inspection.method!.state.map((entry) => entry.name)).toEqual(['gradient']);
  });
});
