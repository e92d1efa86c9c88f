import { formatConstant, resolveParameters } from './bind';
import { planeSurface, writeHessian } from './plane-surface';
import { MAX_SURFACE_DIMENSION, type SurfaceDefinition } from './surface';
import { vectorSurface } from './vector-surface';

const PARAMETERS = [
  { name: 'a', label: 'a (minimum at x = a)', defaultValue: 1, min: -2, max: 2 },
  { name: 'b', label: 'b (valley steepness)', defaultValue: 100, min: 1, max: 1000, log: true },
] as const;

/**
 * Rosenbrock's banana: (a − x)² + b(y − x²)², a curved flat-bottomed valley with its minimum at
 * (a, a²); in n dimensions the chained sum Σᵢ (a − xᵢ)² + b(xᵢ₊₁ − xᵢ²)².
 */
export const rosenbrock: SurfaceDefinition = {
  id: 'rosenbrock',
  name: 'Rosenbrock',
  group: 'valleys',
  description: '(a − x)² + b(y − x²)²: finding the curved valley is easy, following its nearly flat floor to (a, a²) is slow; the steep walls (curvature ≈ 2b) cap the learning rate.',
  parameters: PARAMETERS,
  domain: [[-2, 2], [-1, 3]],
  // the far side of the valley: the path drops into it, then follows the curved floor round to (a, a²)
  suggestedStarts: [[-1.5, 2]],
  create(values) {
    const { a, b } = resolveParameters(PARAMETERS, values);
    const value = (x: number, y: number): number => (a - x) ** 2 + b * (y - x * x) ** 2;
    return planeSurface({
      expression: `(${formatConstant(a)} - x)^2 + ${formatConstant(b)}*(y - x^2)^2`,
      minima: [{ point: [a, a * a], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        const valleyOffset = y - x * x;
        gradient[0] = -2 * (a - x) - 4 * b * x * valleyOffset;
        gradient[1] = 2 * b * valleyOffset;
        return (a - x) ** 2 + b * valleyOffset * valleyOffset;
      },
      hessian: (x, y, hessian) => writeHessian(hessian, 2 - 4 * b * (y - x * x) + 8 * b * x * x, -4 * b * x, 2 * b),
    });
  },
  nDimensional: {
    formula: String.raw`\sum_{i=1}^{n-1} (a - x_i)^2 + b\,(x_{i+1} - x_i^2)^2`,
    minDimension: 2,
    maxDimension: MAX_SURFACE_DIMENSION,
    create(values, dimension) {
      const { a, b } = resolveParameters(PARAMETERS, values);
      // the chained form Σᵢ (a − xᵢ)² + b(xᵢ₊₁ − xᵢ²)², i = 1..n−1; its minimum is (1, …, 1) for
      // a = 1 and the origin for a = 0, and not known in closed form for other a
      const value = (point: ArrayLike<number>): number => {
        let sum = 0;
        for (let i = 0; i + 1 < dimension; i++) sum += (a - point[i]) ** 2 + b * (point[i + 1] - point[i] * point[i]) ** 2;
        return sum;
      };
      return vectorSurface({
        dimension,
        minima: a === 1 || a === 0 ? [{ point: new Array<number>(dimension).fill(a), value: 0 }] : [],
        value,
        valueAndGradient(point, gradient) {
          gradient.fill(0, 0, dimension);
          for (let i = 0; i + 1 < dimension; i++) {
            const valleyOffset = point[i + 1] - point[i] * point[i];
            gradient[i] += -2 * (a - point[i]) - 4 * b * point[i] * valleyOffset;
            gradient[i + 1] += 2 * b * valleyOffset;
          }
          return value(point);
        },
        addHessian(point, hessian) {
          for (let i = 0; i + 1 < dimension; i++) {
            const x = point[i];
            const next = i + 1;
            hessian[i * dimension + i] += 2 - 4 * b * (point[next] - x * x) + 8 * b * x * x;
            hessian[i * dimension + next] += -4 * b * x;
            hessian[next * dimension + i] += -4 * b * x;
            hessian[next * dimension + next] += 2 * b;
          }
        },
      });
    },
  },
};
