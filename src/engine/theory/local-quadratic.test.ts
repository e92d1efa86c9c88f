import { describe, expect, it } from 'vitest';
import { checkProblem, resolveProblem } from '../problems';
import golden from './local-quadratic.golden.json';
import { gradientDescentRate, heavyBallRate, largestStableMomentumLearningRate, localQuadratic } from './local-quadratic';
import { newtonStep } from './newton-step';

// Oracle: scripts/references/numpy_local_quadratic.py: analytic Hessians written by hand, numpy's
// eigh, solve and eigvals. Our Hessian comes from the problem's own objective, so this checks the
// surfaces' Hessians too.

interface GoldenCase {
  name: string;
  problem: unknown;
  point: number[];
  gradient: number[];
  hessian: number[];
  eigenvalues: number[];
  eigenvectors: number[];
  conditionNumber: number | null;
  largestStableLearningRate: number | null;
  optimalLearningRate: number | null;
  criticalLearningRate: number | null;
  criticalMomentum: number | null;
  newtonStep: number[];
  learningRate: number;
  momentum: number;
  gradientDescentRate: number;
  heavyBallRate: number;
}

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}

function expectClose(actual: number | null | undefined, expected: number | null, tolerance = 1e-10): void {
  if (expected === null) {
    expect(actual ?? null).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  expect(relative(actual!, expected)).toBeLessThan(tolerance);
}

describe('localQuadratic against numpy', () => {
  for (const c of golden.cases as GoldenCase[]) {
    it(`${c.name} at (${c.point.join(', ')})`, () => {
      const checked = checkProblem(c.problem, 'problem');
      if (!checked.ok) throw new Error(checked.errors.join('; '));
      const { objective } = resolveProblem(checked.value);
      const hessian = new Float64Array(4);
      objective.hessian(c.point, hessian);
      const gradient = new Float64Array(2);
      objective.valueAndGradient(c.point, gradient);
      hessian.forEach((entry, i) => expect(relative(entry, c.hessian[i])).toBeLessThan(1e-12));
      gradient.forEach((entry, i) => expect(relative(entry, c.gradient[i])).toBeLessThan(1e-12));

      const model = localQuadratic(hessian, 2);
      model.eigenvalues.forEach((lambda, i) => expectClose(lambda, c.eigenvalues[i], 1e-12));
      // eigenvectors up to sign
      for (let k = 0; k < 2; k++) {
        const ours = [model.eigenvectors[2 * k], model.eigenvectors[2 * k + 1]];
        const theirs = [c.eigenvectors[2 * k], c.eigenvectors[2 * k + 1]];
        const sign = Math.sign(ours[0] * theirs[0] + ours[1] * theirs[1]);
        ours.forEach((entry, i) => expect(Math.abs(sign * entry - theirs[i])).toBeLessThan(1e-10));
      }
      expectClose(model.conditionNumber, c.conditionNumber);
      expectClose(model.largestStableLearningRate, c.largestStableLearningRate);
      expectClose(model.optimalLearningRate, c.optimalLearningRate);
      expectClose(model.criticalMomentum?.learningRate, c.criticalLearningRate);
      expectClose(model.criticalMomentum?.momentum, c.criticalMomentum);
      expectClose(gradientDescentRate(model.eigenvalues, c.learningRate), c.gradientDescentRate);
      expectClose(heavyBallRate(model.eigenvalues, c.learningRate, c.momentum), c.heavyBallRate, 1e-9);

      const newton = newtonStep(model, gradient);
      expect(newton).not.toBeNull();
      newton!.step.forEach((entry, i) => expect(Math.abs(entry - c.newtonStep[i])).toBeLessThan(1e-9 * Math.max(1, Math.abs(c.newtonStep[i]))));
      expect(newton!.indefinite).toBe(c.eigenvalues[0] <= 0);
    });
  }
});

describe('the theory on a quadratic, by hand', () => {
  it('diag(1, 100): κ = 100, 2/λmax = 0.02, optimal 2/101, critical β = (9/11)²', () => {
    const model = localQuadratic([1, 0, 0, 100], 2);
    expect(model.curvature).toBe('positive-definite');
    expect(model.conditionNumber).toBe(100);
    expect(model.largestStableLearningRate).toBe(0.02);
    expect(model.optimalLearningRate).toBeCloseTo(2 / 101, 15);
    expect(model.criticalMomentum!.momentum).toBeCloseTo((9 / 11) ** 2, 15);
    expect(model.criticalMomentum!.learningRate).toBeCloseTo((2 / 11) ** 2, 15);
    // at the critical pair heavy ball contracts at (√κ − 1)/(√κ + 1) = 9/11, plain GD at its best at 99/101
    expect(heavyBallRate(model.eigenvalues, model.criticalMomentum!.learningRate, model.criticalMomentum!.momentum)).toBeCloseTo(9 / 11, 6);
    expect(gradientDescentRate(model.eigenvalues, model.optimalLearningRate!)).toBeCloseTo(99 / 101, 15);
    // GD just past 2/λmax grows along the stiff direction
    expect(gradientDescentRate(model.eigenvalues, 0.0201)).toBeGreaterThan(1);
    expect(largestStableMomentumLearningRate(100, 0.9)).toBeCloseTo(0.038, 15);
    expect(heavyBallRate(model.eigenvalues, 0.0379, 0.9)).toBeLessThan(1);
    expect(heavyBallRate(model.eigenvalues, 0.0381, 0.9)).toBeGreaterThan(1);
  });

  it('a saddle keeps 2/λmax and drops κ, the optimal rate and critical damping', () => {
    const model = localQuadratic([2, 0, 0, -3], 2);
    expect(model.curvature).toBe('saddle');
    expect(model.largestStableLearningRate).toBe(1);
    expect(model.conditionNumber).toBeNull();
    expect(model.optimalLearningRate).toBeNull();
    expect(model.criticalMomentum).toBeNull();
    const newton = newtonStep(model, [2, 3]);
    // −H⁻¹g = (−1, 1): towards the saddle point, uphill in y
    expect(Array.from(newton!.step)).toEqual([-1, 1]);
    expect(newton!.indefinite).toBe(true);
  });

  it('a maximum has no stable rate at all; a valley floor is semidefinite with no Newton step', () => {
    const maximum = localQuadratic([-2, 0, 0, -1], 2);
    expect(maximum.curvature).toBe('negative-definite');
    expect(maximum.largestStableLearningRate).toBeNull();
    const floor = localQuadratic([4, 0, 0, 0], 2);
    expect(floor.curvature).toBe('positive-semidefinite');
    expect(newtonStep(floor, [1, 1])).toBeNull();
  });
});
