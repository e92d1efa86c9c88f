import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/** Himmelblau's function (x² + y − 11)² + (x + y² − 7)²: four equal minima, which one you reach depends on the start. */
export const himmelblau: SurfaceDefinition = {
  id: 'himmelblau',
  name: 'Himmelblau',
  group: 'multimodal',
  description: '(x² + y − 11)² + (x + y² − 7)²: four global minima of value 0 and a local maximum between them; the start point (and momentum) decide which basin wins.',
  parameters: [],
  domain: [[-5, 5], [-5, 5]],
  // beside the local maximum (−0.27, −0.92), where the four basins meet: of the page's default runs,
  // gradient descent ends at (−3.78, −3.28), momentum and Adam at (−2.81, 3.13)
  suggestedStarts: [[-0.35, -0.75]],
  create() {
    return planeSurface({
      expression: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
      // (3, 2) is exact; the other three solved to 50 digits (scripts/golden/surfaces.py)
      minima: [
        { point: [3, 2], value: 0 },
        { point: [-2.805118086952745, 3.131312518250573], value: 0 },
        { point: [-3.779310253377747, -3.2831859912861696], value: 0 },
        { point: [3.5844283403304917, -1.8481265269644036], value: 0 },
      ],
      value(x, y) {
        const first = x * x + y - 11;
        const second = x + y * y - 7;
        return first * first + second * second;
      },
      valueAndGradient(x, y, gradient) {
        const first = x * x + y - 11;
        const second = x + y * y - 7;
        gradient[0] = 4 * x * first + 2 * second;
        gradient[1] = 2 * first + 4 * y * second;
        return first * first + second * second;
      },
      hessian(x, y, hessian) {
        const first = x * x + y - 11;
        const second = x + y * y - 7;
        writeHessian(hessian, 4 * first + 8 * x * x + 2, 4 * x + 4 * y, 2 + 4 * second + 8 * y * y);
      },
    });
  },
};
