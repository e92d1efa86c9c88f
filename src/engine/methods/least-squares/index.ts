import type { MethodDefinition, MethodSpec } from '../method';
import { gaussNewton, gaussNewtonSpec } from './gauss-newton';
import { leastSquares, leastSquaresSpec } from './least-squares';
import { levenbergMarquardt, levenbergMarquardtSpec } from './levenberg-marquardt';

// The least-squares methods (least_squares, gauss_newton, levenberg_marquardt), one file each,
// listed here in the picker's order. They need Objective.leastSquares (f = Σ rᵢ² with r's Jacobian)
// and refuse, naming the problems that have it, when it is absent.

export const LEAST_SQUARES_METHODS: readonly MethodDefinition[] = [leastSquares, gaussNewton, levenbergMarquardt];

/** The same methods' specs alone, in the same order (what the page's main thread reads: methods/catalogue.ts). */
export const LEAST_SQUARES_METHOD_SPECS: readonly MethodSpec[] = [leastSquaresSpec, gaussNewtonSpec, levenbergMarquardtSpec];
