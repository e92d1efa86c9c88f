import { describe, expect, it } from 'vitest';
import { bowl } from './bowl.test-helper';
import type { Objective } from './objective';
import { Oracle } from './oracle';
import { Random } from './random';


describe('Oracle', () => {
  it('counts f, ∇f and ∇²f separately (f and ∇f together count one of each)', () => {
    const oracle = new Oracle(bowl);
    const gradient = new Float64Array(2);
    const hessian = new Float64Array(4);
    expect(oracle.value([1, 2])).toBe(5);
    expect(oracle.valueAndGradient([3, 4], gradient)).toBe(25);
    expect(Array.from(gradient)).toEqual([6, 8]);
    oracle.hessian([0, 0], hessian);
    expect(Array.from(hessian)).toEqual([2, 0, 0, 2]);
    expect([oracle.functionEvaluations, oracle.gradientEvaluations, oracle.hessianEvaluations]).toEqual([2, 1, 1]);
  });

  it('counts residuals with their Jacobian as one f and one ∇f, and refuses them where the objective has none', () => {
    // the bowl x² + y² as least squares: r = (x, y), J = I
    const leastSquares: Objective = {
      ...bowl,
      leastSquares: {
        residualCount: 2,
        residualsAndJacobian: (point, residuals, jacobian) => {
          residuals.set([point[0], point[1]]);
          jacobian.set([1, 0, 0, 1]);
          return point[0] ** 2 + point[1] ** 2;
        },
      },
    };
    const oracle = new Oracle(leastSquares);
    expect(oracle.residualCount).toBe(2);
    const residuals = new Float64Array(2);
    const jacobian = new Float64Array(4);
    expect(oracle.residualsAndJacobian([3, 4], residuals, jacobian)).toBe(25);
    expect(Array.from(residuals)).toEqual([3, 4]);
    expect([oracle.functionEvaluations, oracle.gradientEvaluations, oracle.hessianEvaluations, oracle.bestValue]).toEqual([1, 1, 0, 25]);
    const plain = new Oracle(bowl);
    expect(plain.residualCount).toBe(0);
    expect(() => plain.residualsAndJacobian([0, 0], residuals, jacobian)).toThrow('not a least-squares problem');
  });

  it('keeps the lowest finite f of every evaluation', () => {
    const oracle = new Oracle(bowl);
    expect(oracle.bestValue).toBeNaN();
    oracle.value([3, 0]);
    oracle.value([1, 0]);
    oracle.value([2, 0]);
    expect(oracle.bestValue).toBe(1);
    const wild: Objective = { ...bowl, value: () => -Infinity };
    const diverging = new Oracle(wild);
    diverging.value([0, 0]);
    diverging.value([0, 0]);
    // the first evaluation is the best so far whatever it is; −∞ afterwards is divergence, not progress
    expect(diverging.bestValue).toBe(-Infinity);
    const finiteFirst = new Oracle({ ...bowl, value: (p) => (p[0] === 0 ? 1 : -Infinity) });
    finiteFirst.value([0, 0]);
    finiteFirst.value([1, 0]);
    expect(finiteFirst.bestValue).toBe(1);
  });

  it('adds σ·N(0, 1) from the seeded stream to each gradient component, and leaves f exact', () => {
    const oracle = new Oracle(bowl, { standardDeviation: 0.5, seed: 9 });
    const random = new Random(9);
    const gradient = new Float64Array(2);
    for (let k = 0; k < 3; k++) {
      expect(oracle.valueAndGradient([1, -1], gradient)).toBe(2);
      expect(Array.from(gradient)).toEqual([2 + 0.5 * random.nextGaussian(), -2 + 0.5 * random.nextGaussian()]);
    }
  });
});
