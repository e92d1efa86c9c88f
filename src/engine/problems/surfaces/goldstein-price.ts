import { planeSurface, writeHessian } from './plane-surface';
import type { SurfaceDefinition } from './surface';

/*
 * f = A·B with A = 1 + p²q and B = 30 + r²s, where
 *   p = x + y + 1,  q = 19 − 14x + 3x² − 14y + 6xy + 3y²,
 *   r = 2x − 3y,    s = 18 − 32x + 12x² + 48y − 36xy + 27y².
 * p and r are linear, so ∂²(p²q) = 2 ∂p ∂pᵀ q + 2p (∂p ∂qᵀ + ∂q ∂pᵀ) + p² ∂²q (same for r²s),
 * and ∂²(AB) = ∂²A B + ∂A ∂Bᵀ + ∂B ∂Aᵀ + A ∂²B.
 */

/** A factor c + u²w with its gradient and Hessian (u linear in x and y). */
interface Factor {
  value: number;
  x: number;
  y: number;
  xx: number;
  xy: number;
  yy: number;
}

/** c + u²w from u, ∂u and w, ∂w, ∂²w. */
function squareTimes(
  constant: number,
  u: number, ux: number, uy: number,
  w: number, wx: number, wy: number, wxx: number, wxy: number, wyy: number,
): Factor {
  return {
    value: constant + u * u * w,
    x: 2 * u * ux * w + u * u * wx,
    y: 2 * u * uy * w + u * u * wy,
    xx: 2 * ux * ux * w + 4 * u * ux * wx + u * u * wxx,
    xy: 2 * ux * uy * w + 2 * u * (ux * wy + uy * wx) + u * u * wxy,
    yy: 2 * uy * uy * w + 4 * u * uy * wy + u * u * wyy,
  };
}

function firstFactor(x: number, y: number): Factor {
  const p = x + y + 1;
  const q = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const qGradient = -14 + 6 * x + 6 * y; // ∂q/∂x and ∂q/∂y happen to coincide
  return squareTimes(1, p, 1, 1, q, qGradient, qGradient, 6, 6, 6);
}

function secondFactor(x: number, y: number): Factor {
  const r = 2 * x - 3 * y;
  const s = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  return squareTimes(30, r, 2, -3, s, -32 + 24 * x - 36 * y, 48 - 36 * x + 54 * y, 24, -36, 54);
}

function value(x: number, y: number): number {
  const p = x + y + 1;
  const r = 2 * x - 3 * y;
  const first = 1 + p * p * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y);
  const second = 30 + r * r * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y);
  return first * second;
}

/** The Goldstein–Price function: values spanning six orders of magnitude, minimum 3 at (0, −1) among local minima. */
export const goldsteinPrice: SurfaceDefinition = {
  id: 'goldstein-price',
  name: 'Goldstein–Price',
  group: 'multimodal',
  description: 'A product of two quartic factors: values range from 3 to about 10⁶ across the square, so gradients vary wildly in size (view it on a log scale); global minimum 3 at (0, −1), local minima nearby.',
  parameters: [],
  domain: [[-2, 2], [-2, 2]],
  // between the global minimum (0, −1) and the local one near (−0.6, −0.4): |∇f| ≈ 5·10⁴ here throws a
  // gradient step with lr 0.001 off the map, while Adam (which divides by the gradient's size) settles
  // in the local minimum
  suggestedStarts: [[-0.5, 0.5]],
  create() {
    return planeSurface({
      expression:
        '(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))' +
        '*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))',
      minima: [{ point: [0, -1], value: 3 }],
      value,
      valueAndGradient(x, y, gradient) {
        const a = firstFactor(x, y);
        const b = secondFactor(x, y);
        gradient[0] = a.x * b.value + a.value * b.x;
        gradient[1] = a.y * b.value + a.value * b.y;
        return a.value * b.value;
      },
      hessian(x, y, hessian) {
        const a = firstFactor(x, y);
        const b = secondFactor(x, y);
        writeHessian(
          hessian,
          a.xx * b.value + 2 * a.x * b.x + a.value * b.xx,
          a.xy * b.value + a.x * b.y + a.y * b.x + a.value * b.xy,
          a.yy * b.value + 2 * a.y * b.y + a.value * b.yy,
        );
      },
    });
  },
};
