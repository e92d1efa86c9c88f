import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/** The six-hump camel (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²: six local minima, two of them global. */
export const sixHumpCamel: SurfaceDefinition = {
  id: 'six-hump-camel',
  name: 'Six-hump camel',
  group: 'multimodal',
  description: '(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²: six local minima; the two global ones, f ≈ −1.0316 at ±(0.0898, −0.7127), sit in twin basins across a saddle at the origin.',
  parameters: [],
  domain: [[-2, 2], [-1, 1]],
  // on the ridge towards the saddle at the origin: of the page's default runs, gradient descent creeps
  // up to the saddle while momentum and Adam fall off it into opposite twin basins
  suggestedStarts: [[1, 0.1]],
  create() {
    const value = (x: number, y: number): number => {
      const x2 = x * x;
      const y2 = y * y;
      return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
    };
    // solved to 50 digits (scripts/golden/surfaces.py); the two minima are mirror images
    const minimumX = 0.08984201310031806;
    const minimumY = -0.7126564030207396;
    const minimumValue = -1.0316284534898774;
    return planeSurface({
      expression: '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
      minima: [
        { point: [minimumX, minimumY], value: minimumValue },
        { point: [-minimumX, -minimumY], value: minimumValue },
      ],
      value,
      valueAndGradient(x, y, gradient) {
        const x2 = x * x;
        gradient[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
        gradient[1] = x - 8 * y + 16 * y * y * y;
        return value(x, y);
      },
      hessian(x, y, hessian) {
        const x2 = x * x;
        writeHessian(hessian, 8 - 25.2 * x2 + 10 * x2 * x2, 1, -8 + 48 * y * y);
      },
    });
  },
};
