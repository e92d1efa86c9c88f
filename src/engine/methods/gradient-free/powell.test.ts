import { describe, expect, it } from 'vitest';
import { bowl } from '../../bowl.test-helper';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import { getMethod } from '../index';
import { powell } from './powell';
import { COORDINATE_FLOOR, expectScipyPath, RELATIVE_TOLERANCE, replay, SCIPY_GOLDEN, worstError } from './scipy-gradient-free.test-helper';

// Against scipy.optimize.minimize(method="Powell") (scipy-gradient-free.golden.json, from
// scripts/references/scipy_gradient_free.py): every iterate, f there and scipy's nfev after each
// outer iteration, the stopping point, final x, nfev and direction set, and on the 2-D runs every
// point evaluated (bracket, Brent, extrapolation) in scipy's order.

describe('powell equals scipy Powell', () => {
  for (const run of SCIPY_GOLDEN.powell) {
    it(`${run.name} (${JSON.stringify(run.hyper)})`, () => {
      const result = replay(powell, run);
      expectScipyPath(result, run, 1);
      const snapshots = result.snapshots ?? [];
      if (run.trials !== undefined) {
        for (let k = 0; k < run.compareSteps; k++) {
          const error = worstError(snapshots[k + 1]?.trials ?? [], run.trials[k].flat(), COORDINATE_FLOOR);
          expect(error, `trial points of iteration ${k + 1}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
        }
      }
      if (run.direc !== undefined && run.compareSteps === run.iterates.length) {
        const directions = snapshots[run.iterates.length]?.directions ?? [];
        // the replaced directions are scaled steps, compared to their own size
        expect(worstError(directions, run.direc.flat(), COORDINATE_FLOOR), 'final direction set').toBeLessThanOrEqual(RELATIVE_TOLERANCE);
      }
    });
  }

  it('covers at least four surfaces, n dimensions, and non-default xtol and ftol', () => {
    const runs = SCIPY_GOLDEN.powell;
    expect(new Set(runs.map((run) => run.surface)).size).toBeGreaterThanOrEqual(4);
    expect(runs.some((run) => run.dimension > 2)).toBe(true);
    expect(runs.some((run) => run.hyper.xtol !== undefined && run.hyper.ftol !== undefined)).toBe(true);
    // where the path is chaotic only its start is compared: four surfaces must still be compared to the final point
    const whole = runs.filter((run) => run.compareSteps === run.iterates.length);
    expect(new Set(whole.map((run) => run.surface)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('powell', () => {
  it('is registered as a gradient-free method with scipy defaults', () => {
    expect(getMethod('powell')).toBe(powell);
    expect(powell.needs).toEqual({ value: true, gradient: false, hessian: false });
    expect(defaultHyperValues(powell.hyperSpecs)).toEqual({ xtol: 1e-4, ftol: 1e-4 });
  });

  it('shows the trial points, the direction set and the iteration displacement', () => {
    const result = runMethod({ objective: bowl, method: powell, hyper: defaultHyperValues(powell.hyperSpecs), start: [1, -2], numSteps: 10 });
    const snapshots = result.snapshots ?? [];
    // at the start: no trials, the coordinate directions
    expect(snapshots[0]?.trials).toHaveLength(0);
    expect(Array.from(snapshots[0]?.directions ?? [])).toEqual([1, 0, 0, 1]);
    const first = snapshots[1];
    // the bracket's first two trials along e₁ are x0 + 0·e₁ and x0 + 1·e₁
    expect(Array.from(first?.trials?.subarray(0, 4) ?? [])).toEqual([1, -2, 2, -2]);
    // one trial per evaluation made in the step
    expect(first?.trials?.length).toBe(2 * (result.evaluations.function[1] - result.evaluations.function[0]));
    expect(Array.from(first?.searchDirection ?? [])).toEqual([result.trajectory[2] - 1, result.trajectory[3] + 2]);
    // on a round bowl the two coordinate searches land on the minimum and the ftol test stops the run
    expect(result.loss[1]).toBeLessThan(1e-12);
    expect(result.converged?.reason).toBe('2 (fₖ₋₁ − fₖ) ≤ ftol (|fₖ₋₁| + |fₖ|) + 1e-20');
  });

  it('runs off to infinity on a plane, where scipy cannot bracket a minimum (it raises), as a divergence', () => {
    const plane = { dimension: 2, value: (point: ArrayLike<number>) => point[0] + 2 * point[1], valueAndGradient: () => NaN, hessian: () => undefined };
    const result = runMethod({ objective: plane, method: powell, hyper: defaultHyperValues(powell.hyperSpecs), start: [0, 0], numSteps: 10 });
    expect(result.diverged?.step).toBe(1);
    expect(result.converged).toBeNull();
    // the point beyond the bound is not recorded: the start alone remains
    expect(result.evaluations.function).toEqual(Float64Array.of(1));
  });
});
