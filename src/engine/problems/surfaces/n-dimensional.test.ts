import { describe, expect, it } from 'vitest';
import golden from './n-dimensional.golden.json';
import { getSurface } from './index';

// The n-dimensional forms against torch.autograd (scripts/golden/n_dimensional.py writes the
// vectors from each surface's textbook definition): f, ∇f and ∇²f at seeded random points in 1, 3
// and 10 dimensions, each entry to 1e-9 of the largest entry of its kind.

const TOLERANCE = 1e-9;

function expectClose(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  const scale = Math.max(...expected.map(Math.abs), Number.MIN_VALUE);
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  expected.forEach((value, index) => (worst = Math.max(worst, Math.abs(actual[index] - value) / scale)));
  expect(worst, what).toBeLessThanOrEqual(TOLERANCE);
}

describe('n-dimensional surfaces match torch.autograd', () => {
  for (const goldenCase of golden.cases) {
    const name = `${goldenCase.surface}(${JSON.stringify(goldenCase.params)}) in ${goldenCase.dimension}-D`;
    it(name, () => {
      const definition = getSurface(goldenCase.surface)!;
      const surface = definition.nDimensional!.create(goldenCase.params as Record<string, number>, goldenCase.dimension);
      expect(surface.dimension).toBe(goldenCase.dimension);
      for (const { point, value, gradient, hessian } of goldenCase.points) {
        const where = `${name} at ${point.map((x) => x.toFixed(3)).join(', ')}`;
        const computedGradient = new Float64Array(goldenCase.dimension);
        const computedHessian = new Float64Array(goldenCase.dimension ** 2).fill(NaN);
        expectClose([surface.valueAndGradient(point, computedGradient)], [value], `f ${where}`);
        expectClose([surface.value(point)], [value], `value() ${where}`);
        expectClose(computedGradient, gradient, `∇f ${where}`);
        surface.hessian(point, computedHessian);
        expectClose(computedHessian, hessian, `∇²f ${where}`);
      }
    });
  }
});

describe('at dimension 2 the n-dimensional form is the plane surface', () => {
  const withForms = ['quadratic', 'ill-conditioned', 'rosenbrock', 'rastrigin', 'ackley', 'styblinski-tang'];
  for (const id of withForms) {
    it(id, () => {
      const definition = getSurface(id)!;
      const plane = definition.create();
      const vector = definition.nDimensional!.create(undefined, 2);
      for (const point of [[0.3, -1.2], [1.7, 0.4], [-2.5, 2.25]]) {
        const planeGradient = new Float64Array(2);
        const vectorGradient = new Float64Array(2);
        const planeHessian = new Float64Array(4);
        const vectorHessian = new Float64Array(4);
        expectClose([vector.valueAndGradient(point, vectorGradient)], [plane.valueAndGradient(point, planeGradient)], `${id} f`);
        expectClose(vectorGradient, Array.from(planeGradient), `${id} ∇f`);
        plane.hessian(point, planeHessian);
        vector.hessian(point, vectorHessian);
        expectClose(vectorHessian, Array.from(planeHessian), `${id} ∇²f`);
      }
      expect(vector.minima).toEqual(plane.minima.map((minimum) => ({ point: [...minimum.point], value: minimum.value })));
    });
  }
});
