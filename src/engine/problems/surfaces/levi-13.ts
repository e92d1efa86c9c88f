import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

const PI = Math.PI;

/*
 * f = sin²(3πx) + (x − 1)²·A(y) + (y − 1)²·B(y), A = 1 + sin²(3πy), B = 1 + sin²(2πy).
 * With d/dt sin²(kπt) = kπ sin(2kπt) and d²/dt² sin²(kπt) = 2k²π² cos(2kπt):
 * A' = 3π sin(6πy), A'' = 18π² cos(6πy), B' = 2π sin(4πy), B'' = 8π² cos(4πy).
 */

/** Lévi function N.13: ripples in both directions over a valley, minimum 0 at (1, 1). */
export const levi13: SurfaceDefinition = {
  id: 'levi-13',
  name: 'Lévi N.13',
  group: 'multimodal',
  description: 'sin²(3πx) + (x − 1)²(1 + sin²(3πy)) + (y − 1)²(1 + sin²(2πy)): dense sinusoidal ripples on a bowl, so the gradient points mostly at the nearest ripple, not at the global minimum 0 at (1, 1).',
  parameters: [],
  domain: [[-10, 10], [-10, 10]],
  // out on the ripples: the gradient points at the nearest ripple, so plain descent stalls where momentum can
  // roll on towards (1, 1)
  suggestedStarts: [[-4.3, 6.2]],
  create() {
    const value = (x: number, y: number): number =>
      Math.sin(3 * PI * x) ** 2 +
      (x - 1) ** 2 * (1 + Math.sin(3 * PI * y) ** 2) +
      (y - 1) ** 2 * (1 + Math.sin(2 * PI * y) ** 2);
    return planeSurface({
      expression: 'sin(3*pi*x)^2 + (x - 1)^2*(1 + sin(3*pi*y)^2) + (y - 1)^2*(1 + sin(2*pi*y)^2)',
      minima: [{ point: [1, 1], value: 0 }],
      value,
      valueAndGradient(x, y, gradient) {
        const a = 1 + Math.sin(3 * PI * y) ** 2;
        const b = 1 + Math.sin(2 * PI * y) ** 2;
        gradient[0] = 3 * PI * Math.sin(6 * PI * x) + 2 * (x - 1) * a;
        gradient[1] = (x - 1) ** 2 * 3 * PI * Math.sin(6 * PI * y) + 2 * (y - 1) * b + (y - 1) ** 2 * 2 * PI * Math.sin(4 * PI * y);
        return value(x, y);
      },
      hessian(x, y, hessian) {
        const a = 1 + Math.sin(3 * PI * y) ** 2;
        const aSlope = 3 * PI * Math.sin(6 * PI * y);
        const aCurvature = 18 * PI * PI * Math.cos(6 * PI * y);
        const b = 1 + Math.sin(2 * PI * y) ** 2;
        const bSlope = 2 * PI * Math.sin(4 * PI * y);
        const bCurvature = 8 * PI * PI * Math.cos(4 * PI * y);
        writeHessian(
          hessian,
          18 * PI * PI * Math.cos(6 * PI * x) + 2 * a,
          2 * (x - 1) * aSlope,
          (x - 1) ** 2 * aCurvature + 2 * b + 4 * (y - 1) * bSlope + (y - 1) ** 2 * bCurvature,
        );
      },
    });
  },
};
