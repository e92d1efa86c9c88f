import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bowl } from '../../bowl.test-helper';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import { bfgs } from './bfgs';
import { casesOf, expectScipyRun, runScipyCase, type ScipyGolden } from './scipy-golden.test-helper';

// BFGS against scipy.optimize.minimize(method='BFGS') (scripts/references/scipy_quasi_newton.py);
// what is compared and to what tolerance: scipy-golden.test-helper.ts.
const golden = JSON.parse(readFileSync(new URL('./scipy-quasi-newton.golden.json', import.meta.url), 'utf8')) as ScipyGolden;
const cases = casesOf(golden, 'bfgs');

describe('bfgs equals scipy.optimize.minimize(method="BFGS")', () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const errors = expectScipyRun(runScipyCase(bfgs, entry), entry);
    if (process.env.SCIPY_REPORT) console.log(`${entry.name}: iterates ${errors.iterates.toExponential(1)} trials ${errors.trials.toExponential(1)} final ${errors.final.toExponential(1)} (${entry.stableIterates}/${entry.nit} stable)`);
  });

  it('matches whole paths, totals and stopping on at least four surfaces, one n-dimensional', () => {
    const stable = cases.filter((entry) => entry.stableCounts);
    expect(new Set(stable.map((entry) => entry.surface)).size).toBeGreaterThanOrEqual(4);
    expect(stable.some((entry) => entry.dimension > 2)).toBe(true);
  });
});

describe('bfgs', () => {
  it('stops where scipy would not iterate: a start at the minimum', () => {
    const result = runMethod({ objective: bowl, method: bfgs, hyper: defaultHyperValues(bfgs.hyperSpecs), start: [0, 0], numSteps: 5 });
    expect(result.converged).toEqual({ step: 1, reason: '‖∇f‖∞ ≤ gtol' });
    expect(Array.from(result.trajectory)).toEqual([0, 0, 0, 0]);
    expect(result.evaluations.function[1]).toBe(1);
  });

  it('takes scipy\'s first step on a quadratic bowl: α from the guessed previous decrease, accepted by dcsrch at once', () => {
    // f = x² + y² from (1, −2): g = (2, −4), p = −g, old_old_fval = f + ‖g‖/2, so the first trial is
    // α = 1.01·2·(−‖g‖/2)/(−‖g‖²) = 1.01/√20; φ'(α)/φ'(0) = 1 − 2α ≈ 0.55 ≤ 0.9 and f decreases: accepted
    const result = runMethod({ objective: bowl, method: bfgs, hyper: { ...defaultHyperValues(bfgs.hyperSpecs), norm: '2' }, start: [1, -2], numSteps: 20 });
    const alpha = 1.01 / Math.sqrt(20);
    expect(result.trajectory[2]).toBeCloseTo(1 - 2 * alpha, 15);
    expect(result.trajectory[3]).toBeCloseTo(-2 + 4 * alpha, 15);
    const snapshot = result.snapshots?.[1];
    expect(Array.from(snapshot?.searchDirection ?? [])).toEqual([-2, 4]);
    expect(Array.from(snapshot?.trials ?? [])).toEqual([result.trajectory[2], result.trajectory[3]]);
    expect(result.evaluations.function[1]).toBe(2);
    expect(result.evaluations.gradient[1]).toBe(2);
    expect(result.evaluations.hessian.every((count) => count === 0)).toBe(true);
    expect(result.converged?.reason).toBe('‖∇f‖₂ ≤ gtol');
    expect(Math.hypot(result.trajectory[result.trajectory.length - 2], result.trajectory[result.trajectory.length - 1])).toBeLessThan(1e-5);
  });
});
