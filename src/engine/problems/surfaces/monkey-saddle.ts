import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/** The monkey saddle x³ − 3xy²: a degenerate saddle (zero Hessian) with three descending valleys. */
export const monkeySaddle: SurfaceDefinition = {
  id: 'monkey-saddle',
  name: 'Monkey saddle',
  group: 'saddles',
  description: 'x³ − 3xy²: three valleys (for the legs and a tail) meet at a flat critical point whose gradient and Hessian both vanish, so second-order methods see no curvature to escape along; no minimum.',
  parameters: [],
  domain: [[-2, 2], [-2, 2]],
  // just off the ridge y = 0: the path slides towards the flat critical point, then turns off into the valley
  // at 60°
  suggestedStarts: [[1, 0.1]],
  create() {
    const value = (x: number, y: number): number => x * x * x - 3 * x * y * y;
    return planeSurface({
      expression: 'x^3 - 3*x*y^2',
      minima: [],
      value,
      valueAndGradient(x, y, gradient) {
        gradient[0] = 3 * x * x - 3 * y * y;
        gradient[1] = -6 * x * y;
        return value(x, y);
      },
      hessian: (x, y, hessian) => writeHessian(hessian, 6 * x, -6 * y, -6 * x),
    });
  },
};
