import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/** The saddle x² − y²: a critical point at the origin that is a minimum along x and a maximum along y. */
export const saddle: SurfaceDefinition = {
  id: 'saddle',
  name: 'Saddle',
  group: 'saddles',
  description: 'x² − y²: unbounded below, no minimum. Started exactly on the x-axis, gradient descent converges to the saddle point; the slightest y-offset (or noise) grows by (1 + 2lr) per step and escapes.',
  parameters: [],
  domain: [[-2, 2], [-2, 2]],
  // just off the crest y = 0: the path slides along x towards the saddle point, while the y-offset
  // grows by (1 + 2lr) per step until it escapes
  suggestedStarts: [[-1.5, 0.05]],
  create() {
    return planeSurface({
      expression: 'x^2 - y^2',
      minima: [],
      value: (x, y) => x * x - y * y,
      valueAndGradient(x, y, gradient) {
        gradient[0] = 2 * x;
        gradient[1] = -2 * y;
        return x * x - y * y;
      },
      hessian: (_x, _y, hessian) => writeHessian(hessian, 2, 0, -2),
    });
  },
};
