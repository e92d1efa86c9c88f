import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bowl } from '../../bowl.test-helper';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import { cg } from './cg';
import { casesOf, expectScipyRun, runScipyCase, type ScipyGolden } from './scipy-golden.test-helper';

// CG against scipy.optimize.minimize(method='CG') (scripts/references/scipy_quasi_newton.py);
// what is compared and to what tolerance: scipy-golden.test-helper.ts.
const golden = JSON.parse(readFileSync(new URL('./scipy-quasi-newton.golden.json', import.meta.url), 'utf8')) as ScipyGolden;
const cases = casesOf(golden, 'cg');

describe('cg equals scipy.optimize.minimize(method="CG")', () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const errors = expectScipyRun(runScipyCase(cg, entry), entry);
    if (process.env.SCIPY_REPORT) console.log(`${entry.name}: iterates ${errors.iterates.toExponential(1)} trials ${errors.trials.toExponential(1)} final ${errors.final.toExponential(1)} (${entry.stableIterates}/${entry.nit} stable)`);
  });

  it('matches whole paths, totals and stopping on at least four surfaces, one n-dimensional', () => {
    const stable = cases.filter((entry) => entry.stableCounts);
    expect(new Set(stable.map((entry) => entry.surface)).size).toBeGreaterThanOrEqual(4);
    expect(stable.some((entry) => entry.dimension > 2)).toBe(true);
  });
});

describe('cg', () => {
  it('minimises a quadratic bowl in one iteration: dcsrch\'s cubic step from the first trial is exact', () => {
    // f = x² + y² from (1, −2), p = −g = (−2, 4): the first trial α₁ = 1.01/√20 (scipy's guess from
    // old_old_fval = f + ‖g‖/2) has φ'(α₁)/φ'(0) = 1 − 2α₁ ≈ 0.55 > c2 = 0.4, so dcsrch interpolates;
    // φ is a parabola, so its cubic and secant steps are the minimiser α = ½: x₁ = (0, 0), ∇f = 0
    const result = runMethod({ objective: bowl, method: cg, hyper: defaultHyperValues(cg.hyperSpecs), start: [1, -2], numSteps: 20 });
    const alpha = 1.01 / Math.sqrt(20);
    const snapshot = result.snapshots?.[1];
    expect(Array.from(snapshot?.searchDirection ?? [])).toEqual([-2, 4]);
    const trials = Array.from(snapshot?.trials ?? []);
    expect(trials).toHaveLength(4);
    expect(trials[0]).toBeCloseTo(1 - 2 * alpha, 15);
    expect(trials[1]).toBeCloseTo(-2 + 4 * alpha, 15);
    expect(Math.abs(trials[2])).toBeLessThan(1e-12);
    expect(Math.abs(trials[3])).toBeLessThan(1e-12);
    expect(Array.from(result.trajectory.subarray(2))).toEqual(trials.slice(2));
    expect(result.converged).toEqual({ step: 1, reason: '‖∇f‖∞ ≤ gtol' });
    // f and ∇f at the start and at both trials, together; no Hessian
    expect(result.evaluations.function[1]).toBe(3);
    expect(result.evaluations.gradient[1]).toBe(3);
    expect(result.evaluations.hessian[1]).toBe(0);
  });
});
