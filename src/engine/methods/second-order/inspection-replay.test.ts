import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import { METHODS } from '../index';

// For every gradient-based method (first-order, second-order, least squares, quasi-Newton): the
// inspector's replay is the ordinary run (the same points and evaluation counts bit for bit, so an
// inspected run costs the reader nothing and shows what ran), every step is told, and every state
// quantity has a name of the contract (quantities13), a label, a symbol and a consistent shape.

const CONTRACT_NAMES = new Set([
  'learningRate', 'effectiveLearningRate', 'gradient', 'velocity', 'firstMoment', 'secondMoment', 'maxSecondMoment', 'infinityNorm',
  'sumOfSquares', 'squareAverage', 'gradientAverage', 'accumulatedDelta', 'momentumProduct', 'step', 'hessian', 'shift', 'newtonStep',
  'modelMinimizer', 'inverseHessian', 'searchDirection', 'stepLength', 'historyS', 'historyY', 'damping', 'residuals', 'jacobian',
]);

const FAMILIES = new Set(['first-order', 'second-order', 'least-squares', 'quasi-newton']);

/** Rosenbrock with its residuals r = (1 − x, 10(y − x²)), for the least-squares methods. */
function rosenbrockWithResiduals(): Objective {
  const surface = getSurface('rosenbrock')!.create();
  return {
    ...surface,
    value: (point) => surface.value(point),
    valueAndGradient: (point, gradient) => surface.valueAndGradient(point, gradient),
    hessian: (point, hessian) => surface.hessian(point, hessian),
    leastSquares: {
      residualCount: 2,
      residualsAndJacobian(point, residuals, jacobian) {
        residuals.set([1 - point[0], 10 * (point[1] - point[0] ** 2)]);
        jacobian.set([-1, 0, -20 * point[0], 10]);
        return residuals[0] ** 2 + residuals[1] ** 2;
      },
    },
  };
}

describe('inspection of every gradient-based method', () => {
  const methods = METHODS.filter((method) => FAMILIES.has(method.family));

  it('covers the four families, every method with inspect()', () => {
    expect(new Set(methods.map((method) => method.family))).toEqual(FAMILIES);
    expect(methods.length).toBeGreaterThanOrEqual(18);
  });

  it.each(methods.map((method) => [method.id, method] as const))('%s: replay = ordinary run; told; contract names', (_id, method) => {
    const hyper = { ...defaultHyperValues(method.hyperSpecs), ...(method.family === 'first-order' && { lr: 1e-3 }) };
    const options = { objective: rosenbrockWithResiduals(), method, hyper, start: [-1.2, 1], numSteps: 6 };
    const ordinary = runMethod(options);
    const last = ordinary.loss.length - 1;
    for (const step of [0, 1, Math.min(3, last), last]) {
      const inspection = inspectStep(options, step);
      expect(inspection.step).toBe(step);
      expect(Array.from(inspection.point)).toEqual(Array.from(ordinary.trajectory.slice(2 * step, 2 * step + 2)));
      expect(inspection.evaluations).toEqual({
        function: ordinary.evaluations.function[step],
        gradient: ordinary.evaluations.gradient[step],
        hessian: ordinary.evaluations.hessian[step],
      });
      const told = inspection.method;
      expect(told, 'inspect() present').not.toBeNull();
      if (step > 0) expect(told!.narration.length).toBeGreaterThanOrEqual(2);
      else expect(told!.narration).toEqual([]);
      for (const quantity of told!.state) {
        expect(CONTRACT_NAMES.has(quantity.name), quantity.name).toBe(true);
        expect(quantity.label.length).toBeGreaterThan(3);
        expect(quantity.symbol.length).toBeGreaterThan(0);
        if (quantity.shape !== undefined) expect((quantity.value as Float64Array).length).toBe(quantity.shape[0] * quantity.shape[1]);
        else if (typeof quantity.value !== 'number') expect(quantity.value.length).toBe(2);
      }
      for (const substep of told!.narration) {
        expect(substep.sentence).toMatch(/^[A-Z0-9].*\d/);
        expect(substep.rule).toContain('=');
      }
    }
  });
});
