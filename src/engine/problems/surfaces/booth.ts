import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/** Booth's function (x + 2y − 7)² + (2x + y − 5)², a tilted elliptic bowl with its minimum at (1, 3). */
export const booth: SurfaceDefinition = {
  id: 'booth',
  name: 'Booth',
  group: 'convex',
  description: '(x + 2y − 7)² + (2x + y − 5)²: a tilted elliptic bowl (curvatures 18 and 2, condition number 9), minimum 0 at (1, 3).',
  parameters: [],
  domain: [[-10, 10], [-10, 10]],
  // far out along the long axis (1, −1) of the ellipse, slightly across it: the flat direction (curvature 2)
  // sets the pace
  suggestedStarts: [[-5, 8]],
  create() {
    const value = (x: number, y: number): number => (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2;
    return planeSurface({
      expression: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
      minima: [{ point: [1, 3], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        const first = x + 2 * y - 7;
        const second = 2 * x + y - 5;
        gradient[0] = 2 * first + 4 * second;
        gradient[1] = 4 * first + 2 * second;
        return first * first + second * second;
      },
      hessian: (_x, _y, hessian) => writeHessian(hessian, 10, 8, 10),
    });
  },
};
