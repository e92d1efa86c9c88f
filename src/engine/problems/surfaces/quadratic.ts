import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/** The round bowl x² + y²: every optimizer's easy case, gradient descent's stability limit is lr < 1. */
export const quadratic: SurfaceDefinition = {
  id: 'quadratic',
  name: 'Quadratic bowl',
  group: 'convex',
  description: 'x² + y²: a perfectly round bowl. The gradient points straight at the minimum; plain gradient descent converges for lr < 1 and overshoots for 0.5 < lr < 1.',
  parameters: [],
  domain: [[-2, 2], [-2, 2]],
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
};
