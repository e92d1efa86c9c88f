import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';


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
};
