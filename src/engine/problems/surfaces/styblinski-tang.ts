import { planeSurface, writeHessian } from './plane-surface';
import { MAX_SURFACE_DIMENSION, type SurfaceDefinition } from './surface';
import { repeatedPoint, vectorSurface } from './vector-surface';


// the root of 4t³ − 32t + 5 = 0 near −2.9, solved to 50 digits (scripts/golden/surfaces.py)
const MINIMUM_COORDINATE = -2.903534027771177;
const MINIMUM_VALUE = -78.33233140754282;

/** The Styblinski–Tang function ½Σ(t⁴ − 16t² + 5t): four basins, the deepest at (−2.9035, −2.9035). */
export const styblinskiTang: SurfaceDefinition = {
  id: 'styblinski-tang',
  name: 'Styblinski–Tang',
  group: 'multimodal',
  description: '½(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y): a separable quartic with a basin in each quadrant; the 5t tilt makes the one at (−2.9035, −2.9035) the deepest (f ≈ −78.332); gradient descent started in the upper-right quadrant settles in the shallowest, near (2.75, 2.75).',
  parameters: [],
  domain: [[-5, 5], [-5, 5]],
  // just up and right of the central maximum where the four basins meet: descent settles in the
  // shallowest basin, near (2.75, 2.75), though the deepest is across the map
  suggestedStarts: [[0.5, 0.5]],
  create() {
    const value = (x: number, y: number): number => 0.5 * (x * x * x * x - 16 * x * x + 5 * x + (y * y * y * y - 16 * y * y + 5 * y));
    return planeSurface({
      expression: '0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)',
      minima: [{ point: [MINIMUM_COORDINATE, MINIMUM_COORDINATE], value: MINIMUM_VALUE }],
      value,
      valueAndGradient(x, y, gradient) {
        gradient[0] = 2 * x * x * x - 16 * x + 2.5;
        gradient[1] = 2 * y * y * y - 16 * y + 2.5;
        return value(x, y);
      },
      hessian: (x, y, hessian) => writeHessian(hessian, 6 * x * x - 16, 0, 6 * y * y - 16),
    });
  },
  nDimensional: {
    formula: String.raw`\tfrac12 \sum_{i=1}^{n} \big(x_i^4 - 16x_i^2 + 5x_i\big)`,
    minDimension: 1,
    maxDimension: MAX_SURFACE_DIMENSION,
    create(_values, dimension) {
      const value = (point: ArrayLike<number>): number => {
        let sum = 0;
        for (let i = 0; i < dimension; i++) {
          const t = point[i];
          sum += t * t * t * t - 16 * t * t + 5 * t;
        }
        return 0.5 * sum;
      };
      return vectorSurface({
        dimension,
        // separable: each coordinate contributes half the 2-D minimum
        minima: [{ point: repeatedPoint(MINIMUM_COORDINATE, dimension), value: (MINIMUM_VALUE / 2) * dimension }],
        value,
        valueAndGradient(point, gradient) {
          for (let i = 0; i < dimension; i++) gradient[i] = 2 * point[i] * point[i] * point[i] - 16 * point[i] + 2.5;
          return value(point);
        },
        addHessian(point, hessian) {
          for (let i = 0; i < dimension; i++) hessian[i * dimension + i] = 6 * point[i] * point[i] - 16;
        },
      });
    },
  },
};
