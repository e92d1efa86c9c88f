import { planeSurface, writeHessian } from './plane-surface';
import { MAX_SURFACE_DIMENSION, type SurfaceDefinition } from './surface';
import { repeatedPoint, vectorSurface } from './vector-surface';

/** Σ xᵢ². */
function sumOfSquares(point: ArrayLike<number>, dimension: number): number {
  let sum = 0;
  for (let i = 0; i < dimension; i++) sum += point[i] * point[i];
  return sum;
}

/** The round bowl (Σ xᵢ² in n dimensions) x² + y²: every optimizer's easy case, gradient descent's stability limit is lr < 1. */
export const quadratic: SurfaceDefinition = {
  id: 'quadratic',
  name: 'Quadratic bowl',
  group: 'convex',
  description: 'x² + y²: a perfectly round bowl. The gradient points straight at the minimum; plain gradient descent converges for lr < 1 and overshoots for 0.5 < lr < 1.',
  parameters: [],
  domain: [[-2, 2], [-2, 2]],
  // off both axes, so the straight path to the centre is seen as a diagonal
  suggestedStarts: [[-1.5, 1]],
  create() {
    return planeSurface({
      expression: 'x^2 + y^2',
      minima: [{ point: [0, 0], value: 0 }],
      value: (x, y) => x * x + y * y,
      valueAndGradient(x, y, gradient) {
        gradient[0] = 2 * x;
        gradient[1] = 2 * y;
        return x * x + y * y;
      },
      hessian: (_x, _y, hessian) => writeHessian(hessian, 2, 0, 2),
    });
  },
  nDimensional: {
    formula: String.raw`\sum_{i=1}^{n} x_i^2`,
    minDimension: 1,
    maxDimension: MAX_SURFACE_DIMENSION,
    create: (_values, dimension) =>
      vectorSurface({
        dimension,
        minima: [{ point: repeatedPoint(0, dimension), value: 0 }],
        value: (point) => sumOfSquares(point, dimension),
        valueAndGradient(point, gradient) {
          for (let i = 0; i < dimension; i++) gradient[i] = 2 * point[i];
          return sumOfSquares(point, dimension);
        },
        addHessian(_point, hessian) {
          for (let i = 0; i < dimension; i++) hessian[i * dimension + i] = 2;
        },
      }),
  },
};
