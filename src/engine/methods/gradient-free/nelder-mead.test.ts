import { describe, expect, it } from 'vitest';
import { bowl } from '../../bowl.test-helper';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import { getMethod } from '../index';
import { nelderMead } from './nelder-mead';
import { expectScipyPath, pointAt, replay, SCIPY_GOLDEN } from './scipy-gradient-free.test-helper';

// Against scipy.optimize.minimize(method="Nelder-Mead") (scipy-gradient-free.golden.json, from
// scripts/references/scipy_gradient_free.py): every iterate sim[0], f there and scipy's nfev after
// each pass of its loop, then the stopping point, final x and nfev.

describe('nelder_mead equals scipy Nelder-Mead', () => {
  for (const run of SCIPY_GOLDEN.nelderMead) {
    it(`${run.name} (${JSON.stringify(run.hyper)})`, () => {
      const result = replay(nelderMead, run);
      // the initial simplex costs n + 1 evaluations
      expectScipyPath(result, run, run.dimension + 1);
    });
  }

  it('covers at least four surfaces, adaptive, and non-default xatol and fatol', () => {
    const runs = SCIPY_GOLDEN.nelderMead;
    expect(new Set(runs.map((run) => run.surface)).size).toBeGreaterThanOrEqual(4);
    expect(runs.some((run) => run.hyper.adaptive === true && run.dimension > 2)).toBe(true);
    expect(runs.some((run) => run.hyper.xatol !== undefined && run.hyper.fatol !== undefined)).toBe(true);
    expect(runs.filter((run) => run.compareSteps === run.iterates.length).length).toBe(runs.length);
  });
});

describe('nelder_mead', () => {
  it('is registered as a gradient-free method with scipy defaults', () => {
    expect(getMethod('nelder_mead')).toBe(nelderMead);
    expect(nelderMead.needs).toEqual({ value: true, gradient: false, hessian: false });
    expect(defaultHyperValues(nelderMead.hyperSpecs)).toEqual({ xatol: 1e-4, fatol: 1e-4, adaptive: false });
  });

  it('shows the simplex, best vertex first, at the trajectory point', () => {
    const objective = bowl;
    const result = runMethod({ objective, method: nelderMead, hyper: defaultHyperValues(nelderMead.hyperSpecs), start: [1, -2], numSteps: 20 });
    const snapshots = result.snapshots ?? [];
    expect(snapshots).toHaveLength(21);
    // the start's simplex: x0 and x0 with one coordinate moved by 5%, sorted by f (5, 5.1025, 5.41)
    expect(Array.from(snapshots[0]?.simplex ?? [])).toEqual([1, -2, 1.05, -2, 1, -2.1]);
    for (let k = 1; k < snapshots.length; k++) {
      const simplex = snapshots[k]?.simplex ?? new Float64Array();
      expect(simplex).toHaveLength(6);
      expect(Array.from(simplex.subarray(0, 2))).toEqual(Array.from(pointAt(result, k)));
      const values = [0, 1, 2].map((vertex) => objective.value(simplex.subarray(vertex * 2, vertex * 2 + 2)));
      expect(values[0]).toBeLessThanOrEqual(values[1]);
      expect(values[1]).toBeLessThanOrEqual(values[2]);
    }
    // fresh arrays per point
    expect(snapshots[1]?.simplex).not.toBe(snapshots[2]?.simplex);
  });

  it('reports convergence in the words of its test', () => {
    const result = runMethod({ objective: bowl, method: nelderMead, hyper: defaultHyperValues(nelderMead.hyperSpecs), start: [1, -2], numSteps: 1000 });
    expect(result.converged?.reason).toBe('max |xᵢ − x₀| ≤ xatol and max |fᵢ − f₀| ≤ fatol');
    expect(result.loss[result.loss.length - 1]).toBeLessThan(1e-7);
  });

  it('runs in one dimension and in ten', () => {
    for (const dimension of [1, 10]) {
      const objective = {
        dimension,
        value: (point: ArrayLike<number>) => Array.from({ length: dimension }, (_, i) => (point[i] - i) ** 2).reduce((a, b) => a + b, 0),
        valueAndGradient: () => {
          throw new Error('no gradient');
        },
        hessian: () => {
          throw new Error('no Hessian');
        },
      };
      const result = runMethod({ objective, method: nelderMead, hyper: { xatol: 1e-8, fatol: 1e-12, adaptive: true }, start: new Array<number>(dimension).fill(0.5), numSteps: 20000 });
      expect(result.converged).not.toBeNull();
      const last = pointAt(result, result.loss.length - 1);
      last.forEach((coordinate, i) => expect(coordinate).toBeCloseTo(i, 2));
    }
  });
});
