import type { MethodDefinition } from '../method';
import { gaussNewton } from './gauss-newton';
import { leastSquares } from './least-squares';
import { levenbergMarquardt } from './levenberg-marquardt';

// The least-squares methods (least_squares, gauss_newton, levenberg_marquardt), one file each,
// listed here in the picker's order. They need Objective.leastSquares (f = Σ rᵢ² with r's Jacobian)
// and refuse, naming the problems that have it, when it is absent.

export const LEAST_SQUARES_METHODS: readonly MethodDefinition[] = [leastSquares, gaussNewton, levenbergMarquardt];
