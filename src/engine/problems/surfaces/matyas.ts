import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/** Matyas' function 0.26(x² + y²) − 0.48xy: a long shallow diagonal valley, minimum 0 at the origin. */
export const matyas: SurfaceDefinition = {
  id: 'matyas',
  name: 'Matyas',
  group: 'convex',
  description: '0.26(x² + y²) − 0.48xy: a quadratic whose diagonal valley has curvature 0.04 against 1 across it (condition number 25), so gradient descent stalls along the diagonal.',
  parameters: [],
  domain: [[-10, 10], [-10, 10]],
  // far down the diagonal valley and a little across it: the across part is gone in a few steps, then the
  // crawl along the diagonal
  suggestedStarts: [[-8, -6]],
  create() {
    const value = (x: number, y: number): number => 0.26 * (x * x + y * y) - 0.48 * x * y;
    return planeSurface({
      expression: '0.26*(x^2 + y^2) - 0.48*x*y',
      minima: [{ point: [0, 0], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        gradient[0] = 0.52 * x - 0.48 * y;
        gradient[1] = 0.52 * y - 0.48 * x;
        return value(x, y);
      },
      hessian: (_x, _y, hessian) => writeHessian(hessian, 0.52, -0.48, 0.52),
    });
  },
};
