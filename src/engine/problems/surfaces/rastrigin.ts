import { planeSurface, writeHessian } from './plane-surface';
import { MAX_SURFACE_DIMENSION, type SurfaceDefinition } from './surface';
import { repeatedPoint, vectorSurface } from './vector-surface';

const TWO_PI = 2 * Math.PI;

/** Rastrigin's function with A = 10 (10n + Σ(xᵢ² − 10cos 2πxᵢ) in n dimensions): a bowl covered in a regular egg-crate of local minima. */
export const rastrigin: SurfaceDefinition = {
  id: 'rastrigin',
  name: 'Rastrigin',
  group: 'multimodal',
  description: '20 + x² − 10cos(2πx) + y² − 10cos(2πy): a bowl under an egg-crate, with a local minimum near every integer point; small steps get stuck, noise or large steps can hop towards the global minimum 0 at the origin.',
  parameters: [],
  domain: [[-5.12, 5.12], [-5.12, 5.12]],
  // a few bumps from the origin, between local minima: small steps stop in the nearest one, near (−2, 2)
  suggestedStarts: [[-2.3, 1.8]],
  create() {
    const value = (x: number, y: number): number =>
      20 + x * x - 10 * Math.cos(TWO_PI * x) + y * y - 10 * Math.cos(TWO_PI * y);
    return planeSurface({
      expression: '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
      minima: [{ point: [0, 0], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        // d/dx [−10 cos(2πx)] = 20π sin(2πx)
        gradient[0] = 2 * x + 10 * TWO_PI * Math.sin(TWO_PI * x);
        gradient[1] = 2 * y + 10 * TWO_PI * Math.sin(TWO_PI * y);
        return value(x, y);
      },
      hessian(x, y, hessian) {
        const curvature = 10 * TWO_PI * TWO_PI;
        writeHessian(hessian, 2 + curvature * Math.cos(TWO_PI * x), 0, 2 + curvature * Math.cos(TWO_PI * y));
      },
    });
  },
  nDimensional: {
    formula: String.raw`10n + \sum_{i=1}^{n} \big(x_i^2 - 10\cos 2\pi x_i\big)`,
    minDimension: 1,
    maxDimension: MAX_SURFACE_DIMENSION,
    create(_values, dimension) {
      // 10n + Σ (xᵢ² − 10 cos 2πxᵢ)
      const value = (point: ArrayLike<number>): number => {
        let sum = 10 * dimension;
        for (let i = 0; i < dimension; i++) sum += point[i] * point[i] - 10 * Math.cos(TWO_PI * point[i]);
        return sum;
      };
      return vectorSurface({
        dimension,
        minima: [{ point: repeatedPoint(0, dimension), value: 0 }],
        value,
        valueAndGradient(point, gradient) {
          for (let i = 0; i < dimension; i++) gradient[i] = 2 * point[i] + 10 * TWO_PI * Math.sin(TWO_PI * point[i]);
          return value(point);
        },
        addHessian(point, hessian) {
          const curvature = 10 * TWO_PI * TWO_PI;
          for (let i = 0; i < dimension; i++) hessian[i * dimension + i] = 2 + curvature * Math.cos(TWO_PI * point[i]);
        },
      });
    },
  },
};
