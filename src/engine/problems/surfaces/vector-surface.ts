import type { KnownMinimum } from '../../objective';
import type { VectorSurface } from './surface';

/** An n-dimensional surface written as functions of the whole point. */
export interface VectorFunctions {
  readonly dimension: number;
  readonly minima: readonly KnownMinimum[];
  /** f(point). */
  value(point: ArrayLike<number>): number;
  /** Writes ∇f(point) into gradient and returns f(point). */
  valueAndGradient(point: ArrayLike<number>, gradient: Float64Array): number;
  /** Adds the non-zero entries of ∇²f(point) into `hessian` (row-major dimension × dimension), which starts zeroed. */
  addHessian(point: ArrayLike<number>, hessian: Float64Array): void;
}

/** Wraps n-dimensional functions as a VectorSurface (the Hessian is cleared before addHessian fills it). */
export function vectorSurface(functions: VectorFunctions): VectorSurface {
  const { dimension } = functions;
  return {
    dimension,
    minima: functions.minima,
    value: (point) => functions.value(point),
    valueAndGradient: (point, gradient) => functions.valueAndGradient(point, gradient),
    hessian(point, hessian) {
      hessian.fill(0, 0, dimension * dimension);
      functions.addHessian(point, hessian);
    },
  };
}

/** The same coordinate repeated: the minimum of a separable surface, (t, t, …, t). */
export function repeatedPoint(coordinate: number, dimension: number): number[] {
  return new Array<number>(dimension).fill(coordinate);
}
