import type { KnownMinimum } from '../../objective';
import type { Surface } from './surface';

/** A two-variable surface written as plain functions of x and y. */
export interface PlaneFunctions {
  readonly expression: string;
  readonly minima: readonly KnownMinimum[];
  /** f(x, y). */
  value(x: number, y: number): number;
  /** Writes (∂f/∂x, ∂f/∂y) into gradient[0], gradient[1] and returns f(x, y). */
  valueAndGradient(x: number, y: number, gradient: Float64Array): number;
  /** Writes the row-major Hessian [fxx, fxy, fxy, fyy] into hessian[0..3]. */
  hessian(x: number, y: number, hessian: Float64Array): void;
}

/** Wraps functions of (x, y) as a Surface taking 2-D points. */
export function planeSurface(functions: PlaneFunctions): Surface {
  return {
    dimension: 2,
    expression: functions.expression,
    minima: functions.minima,
    value: (point) => functions.value(point[0], point[1]),
    valueAndGradient: (point, gradient) => functions.valueAndGradient(point[0], point[1], gradient),
    hessian: (point, hessian) => functions.hessian(point[0], point[1], hessian),
  };
}

/** Writes a symmetric 2×2 Hessian row-major. */
export function writeHessian(hessian: Float64Array, xx: number, xy: number, yy: number): void {
  hessian[0] = xx;
  hessian[1] = xy;
  hessian[2] = xy;
  hessian[3] = yy;
}
