import { describe, expect, it } from 'vitest';
import { clipGradient } from '../../clipping';
import type { Objective } from '../../objective';
import { Oracle } from '../../oracle';
import { getSurface } from '../../problems/surfaces';
import { deriveSeed } from '../../random';
import { METHOD_STREAM, runMethod } from '../../run';
import { learningRateAt, type ScheduleSpec } from '../../schedules';
import { createAdamInstance } from '../first-order/adam';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import type { MethodDefinition } from '../method';
import { GaussianEstimator } from './gaussian-estimate';
import { ZEROTH_ORDER_METHODS } from './index';
import { spsa, spsaPerturbationGain, spsaStepGain } from './spsa';
import { zoAdam } from './zo-adam';
import { zoSgd } from './zo-sgd';

const hyperOf = (method: MethodDefinition, overrides: HyperValues): HyperValues => ({ ...defaultHyperValues(method.hyperSpecs), ...overrides });

/** f(x) = ½xᵀAx + bᵀx in 4-D with A symmetric positive definite and not diagonal; ∇f = Ax + b. */
const A = [
  [4, 1, 0, 0.5],
  [1, 3, -0.5, 0],
  [0, -0.5, 2, 0.25],
  [0.5, 0, 0.25, 1],
];
const b = [1, -2, 0.5, 3];
const quadratic: Objective = {
  dimension: 4,
  value(x) {
    let sum = 0;
    for (let i = 0; i < 4; i++) {
      sum += b[i] * x[i];
      for (let j = 0; j < 4; j++) sum += 0.5 * x[i] * A[i][j] * x[j];
    }
    return sum;
  },
  valueAndGradient() {
    throw new Error('a zeroth-order method asked for a gradient');
  },
  hessian() {
    throw new Error('a zeroth-order method asked for a Hessian');
  },
};
const gradientAt = (x: number[]) => A.map((row, i) => row.reduce((sum, a, j) => sum + a * x[j], b[i]));

describe('the two-point Gaussian estimate (zo_sgd, MeZO)', () => {
  /*
   * On a quadratic the central difference is exact: projected_grad = zᵀ∇f, so ĝ = z zᵀ∇f with
   * E[ĝ] = ∇f (the directional derivative along z, times z, averages to the gradient) and, for
   * z ~ N(0, I), Var(ĝᵢ) = E[zᵢ²(zᵀg)²] − gᵢ² = ‖g‖² + gᵢ² (E zᵢ⁴ = 3), divided by q when q
   * estimates are averaged. With N = 20000 estimates the mean of each coordinate must lie within 4
   * standard errors, 4·√((‖g‖² + gᵢ²)/(qN)), of ∇f (a 1-in-15000 miss per coordinate for a correct
   * estimator; the seed is fixed, so the test is deterministic), and the sample variance within 10%
   * of the formula, which a wrong scale of z (or a uniform z) would miss.
   */
  const point = Float64Array.from([0.5, -1, 2, 0.25]);
  const gradient = gradientAt(Array.from(point));
  const squaredNorm = gradient.reduce((sum, g) => sum + g * g, 0);

  for (const directions of [1, 4]) {
    it(`averages to ∇f within 4 standard errors (q = ${directions}), with the variance of the formula`, () => {
      const count = 20000;
      const oracle = new Oracle(quadratic);
      const estimator = new GaussianEstimator(4, directions, 1e-3, 12345);
      const estimate = new Float64Array(4);
      const sum = new Float64Array(4);
      const sumOfSquares = new Float64Array(4);
      for (let k = 0; k < count; k++) {
        estimator.estimate(point, oracle, k, estimate);
        for (let i = 0; i < 4; i++) {
          sum[i] += estimate[i];
          sumOfSquares[i] += estimate[i] * estimate[i];
        }
      }
      // 2q evaluations per estimate, never a gradient
      expect(oracle.functionEvaluations).toBe(2 * directions * count);
      expect(oracle.gradientEvaluations).toBe(0);
      for (let i = 0; i < 4; i++) {
        const mean = sum[i] / count;
        const variance = (gradient[i] ** 2 + squaredNorm) / directions;
        expect(Math.abs(mean - gradient[i])).toBeLessThan(4 * Math.sqrt(variance / count));
        const sampleVariance = sumOfSquares[i] / count - mean * mean;
        expect(Math.abs(sampleVariance / variance - 1)).toBeLessThan(0.1);
      }
    });
  }

  it('regenerates z from the step’s seed: the same step gives the same estimate, another step another', () => {
    const oracle = new Oracle(quadratic);
    const first = new Float64Array(4);
    const again = new Float64Array(4);
    const other = new Float64Array(4);
    new GaussianEstimator(4, 2, 1e-3, 7).estimate(point, oracle, 3, first);
    new GaussianEstimator(4, 2, 1e-3, 7).estimate(point, oracle, 3, again);
    new GaussianEstimator(4, 2, 1e-3, 7).estimate(point, oracle, 4, other);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});

describe('spsa', () => {
  it('uses Spall’s gain sequences a_k = a/(k+1+A)^alpha, c_k = c/(k+1)^gamma', () => {
    // Spall (1998): alpha = 0.602, gamma = 0.101; by hand, a = 0.1, A = 10: a_0 = 0.1/11^0.602 = 0.1/e^(0.602·ln 11) ≈ 0.1/4.2356 ≈ 0.023609
    expect(spsaStepGain(0.1, 10, 0.602, 0)).toBeCloseTo(0.1 / 11 ** 0.602, 15);
    expect(spsaStepGain(0.1, 10, 0.602, 0)).toBeCloseTo(0.023609, 6);
    expect(spsaPerturbationGain(0.01, 0.101, 0)).toBe(0.01);
    for (const k of [1, 9, 99, 999]) {
      expect(Math.abs(spsaStepGain(0.3, 25, 0.602, k) / (0.3 / (k + 1 + 25) ** 0.602) - 1)).toBeLessThan(1e-14);
      expect(Math.abs(spsaPerturbationGain(0.2, 0.101, k) / (0.2 / (k + 1) ** 0.101) - 1)).toBeLessThan(1e-14);
    }
    const defaults = defaultHyperValues(spsa.hyperSpecs);
    expect([defaults.alpha, defaults.gamma, defaults.A]).toEqual([0.602, 0.101, 10]);
  });

  it('probes x ± c_kΔ with Δᵢ = ±1 and steps by −a_k·ĝ', () => {
    const hyper = hyperOf(spsa, { a: 0.05, c: 0.2 });
    const result = runMethod({ objective: quadratic, method: spsa, hyper, start: [0.5, -1, 2, 0.25], numSteps: 6, seed: 4 });
    expect(result.snapshots![0]).toBeNull();
    for (let k = 0; k < 6; k++) {
      const { probes, direction } = result.snapshots![k + 1]!;
      const x = Array.from(result.trajectory.subarray(4 * k, 4 * k + 4));
      const perturbationGain = spsaPerturbationGain(0.2, 0.101, k);
      const delta = x.map((_, i) => (probes![i] - probes![4 + i]) / (2 * perturbationGain));
      delta.forEach((value, i) => {
        expect(Math.abs(Math.abs(value) - 1)).toBeLessThan(1e-12);
        expect(direction![i]).toBeCloseTo(Math.sign(value) / 2, 15);
        expect((probes![i] + probes![4 + i]) / 2).toBeCloseTo(x[i], 14);
      });
      const signs = delta.map(Math.sign);
      const difference = (quadratic.value(probes!.subarray(0, 4)) - quadratic.value(probes!.subarray(4))) / (2 * perturbationGain);
      const stepGain = spsaStepGain(0.05, 10, 0.602, k);
      x.forEach((xi, i) => expect(result.trajectory[4 * (k + 1) + i]).toBeCloseTo(xi - (stepGain * difference) / signs[i], 13));
    }
  });
});

describe('the zeroth-order family', () => {
  it('is registered in the order spsa, zo_sgd, zo_sign_sgd, zo_adam, needing f only', () => {
    expect(ZEROTH_ORDER_METHODS.map((method) => method.id)).toEqual(['spsa', 'zo_sgd', 'zo_sign_sgd', 'zo_adam']);
    for (const method of ZEROTH_ORDER_METHODS) expect(method.needs).toEqual({ value: true, gradient: false, hessian: false });
  });

  for (const method of ZEROTH_ORDER_METHODS) {
    for (const directions of method.id === 'spsa' ? [1] : [1, 3]) {
      it(`${method.id}${directions > 1 ? ` (q = ${directions})` : ''}: 2${directions > 1 ? 'q' : ''} evaluations per estimate, +1 at the new point, no gradient; same seed, same run`, () => {
        // the quadratic throws if a gradient or a Hessian is asked for
        const hyper = hyperOf(method, method.id === 'spsa' ? {} : { q: directions });
        const run = (seed: number) => runMethod({ objective: quadratic, method, hyper, start: [0.5, -1, 2, 0.25], numSteps: 10, seed });
        const result = run(5);
        expect(Array.from(result.evaluations.function)).toEqual(Array.from({ length: 11 }, (_, k) => 1 + k * (2 * directions + 1)));
        expect(result.evaluations.gradient.every((count) => count === 0)).toBe(true);
        expect(result.evaluations.hessian.every((count) => count === 0)).toBe(true);
        expect(run(5).trajectory).toEqual(result.trajectory);
        expect(run(5).snapshots).toEqual(result.snapshots);
        expect(run(6).trajectory).not.toEqual(result.trajectory);
        const snapshot = result.snapshots![10]!;
        expect(snapshot.probes!.length).toBe(2 * directions * 4);
        expect(Math.hypot(...snapshot.direction!)).toBeCloseTo(1, 14);
      });
    }
  }

  it('zo_adam is Adam fed the estimates, and zo_sgd follows the schedule and clipping', () => {
    const start = [0.5, -1, 2, 0.25];
    const methodSeed = deriveSeed(3, METHOD_STREAM);
    const zoAdamHyper = hyperOf(zoAdam, { lr: 0.05, q: 2, mu: 0.01, amsgrad: true });
    const adamRun = runMethod({ objective: quadratic, method: zoAdam, hyper: zoAdamHyper, start, numSteps: 15, seed: 3 });
    const adam = createAdamInstance({ ...zoAdamHyper, weight_decay: 0 }, 4, false);
    const schedule: ScheduleSpec = { type: 'exponential', gamma: 0.8 };
    const clip = { type: 'norm', max_norm: 0.5 } as const;
    const sgdRun = runMethod({ objective: quadratic, method: zoSgd, hyper: hyperOf(zoSgd, { lr: 0.3 }), start, numSteps: 15, seed: 3, schedule, clip });
    const oracle = new Oracle(quadratic);
    const estimate = new Float64Array(4);
    for (let k = 0; k < 15; k++) {
      const adamPoint = adamRun.trajectory.slice(4 * k, 4 * k + 4);
      new GaussianEstimator(4, 2, 0.01, methodSeed).estimate(adamPoint, oracle, k, estimate);
      adam.step(adamPoint, estimate, 0.05);
      expect(adamPoint).toEqual(adamRun.trajectory.slice(4 * (k + 1), 4 * k + 8));
      const sgdPoint = sgdRun.trajectory.slice(4 * k, 4 * k + 4);
      new GaussianEstimator(4, 1, 1e-3, methodSeed).estimate(sgdPoint, oracle, k, estimate);
      clipGradient(estimate, clip);
      const learningRate = learningRateAt(schedule, 0.3, k);
      for (let i = 0; i < 4; i++) expect(sgdRun.trajectory[4 * (k + 1) + i]).toBe(sgdPoint[i] - learningRate * estimate[i]);
    }
  });

  it('converges on a quadratic (zo_sgd) and descends 10-D Rosenbrock (zo_adam, q = 4)', () => {
    const sgd = runMethod({ objective: quadratic, method: zoSgd, hyper: hyperOf(zoSgd, { lr: 0.02 }), start: [0.5, -1, 2, 0.25], numSteps: 2000, seed: 1 });
    expect(sgd.loss[2000] - quadratic.value(solveMinimum())).toBeLessThan(1e-6);
    const rosenbrock = getSurface('rosenbrock')!.nDimensional!.create(undefined, 10);
    const adam = runMethod({ objective: rosenbrock, method: zoAdam, hyper: hyperOf(zoAdam, { lr: 0.01, q: 4 }), start: new Array(10).fill(0), numSteps: 1000, seed: 2 });
    // from f = 9 at the origin to about 0.55 (measured); Adam's steps are ±lr-sized whatever the noise
    expect(adam.loss[1000]).toBeLessThan(0.2 * adam.loss[0]);
  });
});

/** The quadratic's minimiser −A⁻¹b, by Gaussian elimination. */
function solveMinimum(): number[] {
  const matrix = A.map((row, i) => [...row, -b[i]]);
  for (let column = 0; column < 4; column++) {
    for (let row = column + 1; row < 4; row++) {
      const factor = matrix[row][column] / matrix[column][column];
      for (let j = column; j <= 4; j++) matrix[row][j] -= factor * matrix[column][j];
    }
  }
  const solution = [0, 0, 0, 0];
  for (let row = 3; row >= 0; row--) {
    let sum = matrix[row][4];
    for (let j = row + 1; j < 4; j++) sum -= matrix[row][j] * solution[j];
    solution[row] = sum / matrix[row][row];
  }
  return solution;
}
