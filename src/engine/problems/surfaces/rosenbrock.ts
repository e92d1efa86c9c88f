import { formatConstant, resolveParameters } from './bind';
import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

const PARAMETERS = [
  { name: 'a', label: 'a (minimum at x = a)', defaultValue: 1, min: -2, max: 2 },
  { name: 'b', label: 'b (valley steepness)', defaultValue: 100, min: 1, max: 1000, log: true },
] as const;

/** Rosenbrock's banana: (a − x)² + b(y − x²)², a curved flat-bottomed valley with its minimum at (a, a²). */
export const rosenbrock: SurfaceDefinition = {
  id: 'rosenbrock',
  name: 'Rosenbrock',
  group: 'valleys',
  description: '(a − x)² + b(y − x²)²: finding the curved valley is easy, following its nearly flat floor to (a, a²) is slow; the steep walls (curvature ≈ 2b) cap the learning rate.',
  parameters: PARAMETERS,
  domain: [[-2, 2], [-1, 3]],
  create(values) {
    const { a, b } = resolveParameters(PARAMETERS, values);
    const value = (x: number, y: number): number => (a - x) ** 2 + b * (y - x * x) ** 2;
    return planeSurface({
      expression: `(${formatConstant(a)} - x)^2 + ${formatConstant(b)}*(y - x^2)^2`,
      minima: [{ point: [a, a * a], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        const valleyOffset = y - x * x;
        gradient[0] = -2 * (a - x) - 4 * b * x * valleyOffset;
        gradient[1] = 2 * b * valleyOffset;
        return (a - x) ** 2 + b * valleyOffset * valleyOffset;
      },
      hessian: (x, y, hessian) => writeHessian(hessian, 2 - 4 * b * (y - x * x) + 8 * b * x * x, -4 * b * x, 2 * b),
    });
  },
};
