import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../objective';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import { casesOf, expectScipyRun, runScipyCase, type ScipyGolden } from '../quasi-newton/scipy-golden.test-helper';
import { newtonCg } from './newton-cg';

// Newton-CG against scipy.optimize.minimize(method='Newton-CG', jac=..., hess=...)
// (scripts/references/scipy_quasi_newton.py); what is compared and to what tolerance:
// quasi-newton/scipy-golden.test-helper.ts. nhev is scipy's hcalls: one Hessian per iteration.
const golden = JSON.parse(readFileSync(new URL('../quasi-newton/scipy-quasi-newton.golden.json', import.meta.url), 'utf8')) as ScipyGolden;
const cases = casesOf(golden, 'newton_cg');

describe('newton_cg equals scipy.optimize.minimize(method="Newton-CG")', () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const errors = expectScipyRun(runScipyCase(newtonCg, entry), entry);
    if (process.env.SCIPY_REPORT) console.log(`${entry.name}: iterates ${errors.iterates.toExponential(1)} trials ${errors.trials.toExponential(1)} final ${errors.final.toExponential(1)} (${entry.stableIterates}/${entry.nit} stable)`);
  });

  it('matches whole paths, totals and stopping on at least four surfaces, one n-dimensional', () => {
    const stable = cases.filter((entry) => entry.stableCounts);
    expect(new Set(stable.map((entry) => entry.surface)).size).toBeGreaterThanOrEqual(4);
    expect(stable.some((entry) => entry.dimension > 2)).toBe(true);
  });
});

/** f = ½ xᵀ A x with A = [[3, 1], [1, 2]] (positive definite), or A = diag(1, −1) (a saddle). */
function quadratic(a: number, b: number, c: number): Objective {
  return {
    dimension: 2,
    value: (p) => 0.5 * (a * p[0] * p[0] + 2 * b * p[0] * p[1] + c * p[1] * p[1]),
    valueAndGradient(p, gradient) {
      gradient[0] = a * p[0] + b * p[1];
      gradient[1] = b * p[0] + c * p[1];
      return 0.5 * (a * p[0] * p[0] + 2 * b * p[0] * p[1] + c * p[1] * p[1]);
    },
    hessian: (_p, hessian) => hessian.set([a, b, b, c]),
  };
}

describe('newton_cg', () => {
  it('truncates CG at η‖∇f‖₁ and takes the first step α = 1 when it satisfies the Wolfe conditions', () => {
    // f = ½xᵀAx, A = [[3, 1], [1, 2]], from (1, −2): g = (1, −3), ‖g‖₁ = 4, η = min(½, √4) = ½, so CG
    // stops once ‖r‖₁ ≤ 2. Its first iteration: p = −g, Ap = (0, 5), curvature 15, α = ‖g‖²/15 = ⅔,
    // x = (−⅔, 2), r = g + ⅔Ap = (1, ⅓), ‖r‖₁ = 4/3 ≤ 2: stop with p = (−⅔, 2), the exact line
    // minimiser along −g. The first trial α = 1 (no previous f) has φ'(1) = 0: x₁ = (⅓, 0).
    const result = runMethod({ objective: quadratic(3, 1, 2), method: newtonCg, hyper: defaultHyperValues(newtonCg.hyperSpecs), start: [1, -2], numSteps: 20 });
    const snapshot = result.snapshots?.[1];
    expect(snapshot?.searchDirection?.[0]).toBeCloseTo(-2 / 3, 15);
    expect(snapshot?.searchDirection?.[1]).toBeCloseTo(2, 15);
    expect(snapshot?.modelMinimizer?.[0]).toBeCloseTo(1 / 3, 15);
    expect(snapshot?.modelMinimizer?.[1]).toBeCloseTo(0, 15);
    expect(snapshot?.trials).toHaveLength(2);
    expect(result.trajectory[2]).toBeCloseTo(1 / 3, 15);
    expect(result.trajectory[3]).toBeCloseTo(0, 15);
    expect(result.evaluations.function[1]).toBe(2);
    expect(result.evaluations.gradient[1]).toBe(2);
    expect(result.evaluations.hessian[1]).toBe(1);
    // one Hessian per iteration, and the xtol test ends the run near the minimum
    const steps = result.loss.length - 1;
    expect(result.evaluations.hessian[steps]).toBe(steps);
    expect(result.converged).toEqual({ step: steps, reason: 'Σ|Δxᵢ| ≤ n·xtol' });
    expect(Math.hypot(result.trajectory[2 * steps], result.trajectory[2 * steps + 1])).toBeLessThan(1e-5);
  });

  it('falls back to steepest descent where the first CG direction has negative curvature', () => {
    // f = ½(x² − y²) from (0, 1): g = (0, −1), p₀ = −g = (0, 1) has pᵀAp = −1 < 0 on CG's first
    // iteration, so scipy steps along (‖g‖²/−curv)·(−g) = (0, 1): downhill, away from the saddle
    const result = runMethod({ objective: quadratic(1, 0, -1), method: newtonCg, hyper: defaultHyperValues(newtonCg.hyperSpecs), start: [0, 1], numSteps: 1 });
    expect(Array.from(result.snapshots?.[1]?.searchDirection ?? []).map((v) => v + 0)).toEqual([0, 1]);
    expect(result.trajectory[3]).toBeGreaterThan(1);
  });
});
