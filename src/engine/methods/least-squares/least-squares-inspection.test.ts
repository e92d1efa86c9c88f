import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import type { Objective } from '../../objective';
import { defaultHyperValues } from '../first-order/hyper';
import type { StateQuantity } from '../inspection';
import { gaussNewton } from './gauss-newton';
import { leastSquares } from './least-squares';
import { levenbergMarquardt } from './levenberg-marquardt';

// The least-squares inspection against the math, on Rosenbrock as residuals r = (1 − x, 10(y − x²)),
// J = [[−1, 0], [−20x, 10]] written here by hand: the r and J shown are these; the Gauss-Newton step
// solves JᵀJ p = −Jᵀr, the Levenberg-Marquardt one (JᵀJ + λ diag(JᵀJ)) p = −Jᵀr, to 1e-12; an
// accepted LM trial lowers f and divides λ by damping_decrease, each rejection multiplies it.

function residuals(point: ArrayLike<number>): [number, number] {
  const [x, y] = [point[0], point[1]];
  return [1 - x, 10 * (y - x * x)];
}

function jacobian(point: ArrayLike<number>): [number, number, number, number] {
  const x = point[0];
  return [-1, 0, -20 * x, 10];
}

const ROSENBROCK_RESIDUALS: Objective = {
  dimension: 2,
  value: (point) => residuals(point).reduce((sum, r) => sum + r * r, 0),
  valueAndGradient(point, gradient) {
    const r = residuals(point);
    const J = jacobian(point);
    gradient[0] = 2 * (J[0] * r[0] + J[2] * r[1]);
    gradient[1] = 2 * (J[1] * r[0] + J[3] * r[1]);
    return r[0] * r[0] + r[1] * r[1];
  },
  hessian() {
    throw new Error('not needed');
  },
  leastSquares: {
    residualCount: 2,
    residualsAndJacobian(point, r, J) {
      r.set(residuals(point));
      J.set(jacobian(point));
      return r[0] * r[0] + r[1] * r[1];
    },
  },
};

function value(state: readonly StateQuantity[], name: string): number | Float64Array {
  const found = state.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no ${name} in ${state.map((entry) => entry.name).join(', ')}`);
  return found.value;
}

/** (JᵀJ + λ D²) p + Jᵀr, which the step must make 0. */
function normalEquationResidual(J: ArrayLike<number>, r: ArrayLike<number>, p: ArrayLike<number>, damping: number, marquardt: boolean): number[] {
  const JtJ = [J[0] * J[0] + J[2] * J[2], J[0] * J[1] + J[2] * J[3], J[1] * J[0] + J[3] * J[2], J[1] * J[1] + J[3] * J[3]];
  const Jtr = [J[0] * r[0] + J[2] * r[1], J[1] * r[0] + J[3] * r[1]];
  return [0, 1].map((i) => {
    const diagonal = damping * (marquardt ? JtJ[3 * i] : 1);
    return (JtJ[2 * i] + (i === 0 ? diagonal : 0)) * p[0] + (JtJ[2 * i + 1] + (i === 1 ? diagonal : 0)) * p[1] + Jtr[i];
  });
}

describe('least-squares inspection', () => {
  it('gauss_newton: r and J at the point, JᵀJ p = −Jᵀr, x_k = x + α p', () => {
    for (const lineSearch of ['none', 'backtracking']) {
      const hyper = { ...defaultHyperValues(gaussNewton.hyperSpecs), line_search: lineSearch };
      for (const step of [1, 2]) {
        const inspection = inspectStep({ objective: ROSENBROCK_RESIDUALS, method: gaussNewton, hyper, start: [-1.2, 1], numSteps: 2 }, step);
        const state = inspection.method!.state;
        const x = inspection.previousPoint!;
        expect(Array.from(value(state, 'residuals') as Float64Array)).toEqual(residuals(x));
        expect(Array.from(value(state, 'jacobian') as Float64Array)).toEqual(jacobian(x));
        const p = value(state, 'newtonStep') as Float64Array;
        for (const entry of normalEquationResidual(jacobian(x), residuals(x), p, 0, false)) expect(Math.abs(entry)).toBeLessThan(1e-12 * 1e3);
        const alpha = value(state, 'stepLength') as number;
        for (let i = 0; i < 2; i++) expect(inspection.point[i]).toBe(x[i] + alpha * p[i]);
        const sentences = inspection.method!.narration.map((substep) => substep.sentence);
        expect(sentences[0]).toMatch(/^At \(.*\) the 2 residuals are r = \(.*\) \(f = Σ rᵢ² = .*\), and their Jacobian is J = \[\[−1, 0\], \[/);
        expect(sentences[1]).toMatch(/^Linearising r around the point, the step p minimises ‖J p \+ r‖²/);
        expect(sentences[2]).toMatch(lineSearch === 'none' ? /^The point moves α = 1 times p/ : /^Backtracking/);
      }
    }
  });

  it('levenberg_marquardt: damping, the damped solve, rejections grow λ, acceptance lowers f and shrinks λ', () => {
    const hyper = defaultHyperValues(levenbergMarquardt.hyperSpecs);
    let sawRejection = false;
    let damping = hyper.damping as number;
    for (const step of [1, 2, 3, 4]) {
      const inspection = inspectStep({ objective: ROSENBROCK_RESIDUALS, method: levenbergMarquardt, hyper, start: [-1.2, 1], numSteps: 4 }, step);
      const state = inspection.method!.state;
      const x = inspection.previousPoint!;
      const used = value(state, 'damping') as number;
      const narration = inspection.method!.narration;
      const rejectedMatch = /^(\d+) trials? did not lower f/.exec(narration[1].sentence);
      const rejections = rejectedMatch === null ? 0 : Number(rejectedMatch[1]);
      if (rejections > 0) sawRejection = true;
      // λ used = λ carried over × increase per rejection
      expect(used).toBeCloseTo(damping * 10 ** rejections, 12);
      const p = value(state, 'searchDirection') as Float64Array;
      const scale = Math.max(...jacobian(x).map(Math.abs)) ** 2;
      for (const entry of normalEquationResidual(jacobian(x), residuals(x), p, used, true)) expect(Math.abs(entry) / scale).toBeLessThan(1e-12);
      for (let i = 0; i < 2; i++) expect(inspection.point[i]).toBe(x[i] + p[i]);
      expect(inspection.value).toBeLessThan(ROSENBROCK_RESIDUALS.value(x));
      expect(narration.at(-1)!.sentence).toMatch(/lowers f from .* accepted, and the damping shrinks ÷10 to λ = /);
      damping = used / 10;
    }
    expect(sawRejection).toBe(true);
  });

  it('least_squares: one solve, then the point is the model minimiser', () => {
    const inspection = inspectStep({ objective: ROSENBROCK_RESIDUALS, method: leastSquares, hyper: {}, start: [-1.2, 1], numSteps: 1 }, 1);
    const state = inspection.method!.state;
    expect(Array.from(value(state, 'modelMinimizer') as Float64Array)).toEqual(Array.from(inspection.point));
    expect(inspection.method!.narration).toHaveLength(3);
  });
});
