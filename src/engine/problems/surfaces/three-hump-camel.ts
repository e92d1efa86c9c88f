import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/** The three-hump camel 2x² − 1.05x⁴ + x⁶/6 + xy + y²: a global minimum at the origin flanked by two local ones. */
export const threeHumpCamel: SurfaceDefinition = {
  id: 'three-hump-camel',
  name: 'Three-hump camel',
  group: 'multimodal',
  description: '2x² − 1.05x⁴ + x⁶/6 + xy + y²: the global minimum 0 at the origin and two shallower local minima near (±1.75, ∓0.87) that trap a descent started far out.',
  parameters: [],
  domain: [[-2, 2], [-2, 2]],
  // far out: of the page's default runs, momentum is caught by the local minimum near (1.75, −0.87)
  // while Adam's steps carry it through to the origin
  suggestedStarts: [[1.8, 1.6]],
  create() {
    const value = (x: number, y: number): number => {
      const x2 = x * x;
      return 2 * x2 - 1.05 * x2 * x2 + (x2 * x2 * x2) / 6 + x * y + y * y;
    };
    return planeSurface({
      expression: '2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2',
      minima: [{ point: [0, 0], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        const x2 = x * x;
        gradient[0] = 4 * x - 4.2 * x2 * x + x2 * x2 * x + y;
        gradient[1] = x + 2 * y;
        return value(x, y);
      },
      hessian(x, _y, hessian) {
        const x2 = x * x;
        writeHessian(hessian, 4 - 12.6 * x2 + 5 * x2 * x2, 1, 2);
      },
    });
  },
};
