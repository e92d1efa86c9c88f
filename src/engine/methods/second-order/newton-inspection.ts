import { JACOBI_MAX_DIMENSION, symmetricEigenvalues } from '../../diagnosis/eigenvalues';
import type { MethodInspection } from '../inspection';
import {
  latexMatrix,
  latexNumber,
  latexVector,
  matrixQuantity,
  narratedMatrix,
  narratedNumber,
  narratedVector,
  numberQuantity,
  substep,
  vectorQuantity,
} from './inspection-quantities';

// Newton's step for the inspector: gradient, Hessian, the shift when the Hessian is not positive
// definite enough, the solve, the step. newton.ts records a NewtonStepRecord per step only when
// the run is inspected.

/** What one Newton step used and made. */
export interface NewtonStepRecord {
  readonly dimension: number;
  readonly from: Float64Array;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
  /** μ, and δ the smallest eigenvalue it lifts the Hessian to. */
  readonly shift: number;
  readonly minEigenvalue: number;
  readonly newtonStep: Float64Array;
  readonly learningRate: number;
  /** The accepted α (0 when backtracking accepted none), and how many trials backtracking made (0 without it). */
  readonly stepLength: number;
  readonly trials: number;
  readonly to: Float64Array;
}

/** The inspection after a Newton step (or after start(): the gradient alone). */
export function inspectNewton(record: NewtonStepRecord | null, startGradient: Float64Array): MethodInspection {
  if (record === null) return { state: [vectorQuantity('gradient', startGradient)], narration: [] };
  const { dimension: n, from, gradient, hessian, shift, minEigenvalue, newtonStep, learningRate, stepLength, to } = record;
  const modelMinimizer = Float64Array.from(from, (x, i) => x + newtonStep[i]);
  const state = [
    vectorQuantity('gradient', gradient),
    matrixQuantity('hessian', hessian, n, n),
    numberQuantity('shift', shift),
    vectorQuantity('newtonStep', newtonStep),
    vectorQuantity('modelMinimizer', modelMinimizer),
    numberQuantity('learningRate', learningRate),
    numberQuantity('stepLength', stepLength),
  ];
  const smallest = n <= JACOBI_MAX_DIMENSION ? symmetricEigenvalues(hessian, n)[0] : NaN;
  const eigenvalueWords = Number.isNaN(smallest) ? '' : ` (smallest eigenvalue ${narratedNumber(smallest)})`;
  const narration = [
    substep(`The gradient at ${narratedVector(from)} is ${narratedVector(gradient)}.`, `\\nabla f(x_t) = ${latexVector(gradient)}`),
    substep(`The Hessian there is ${narratedMatrix(hessian, n, n)}${eigenvalueWords}.`, `\\nabla^2 f(x_t) = ${latexMatrix(hessian, n, n)}`),
    shift > 0
      ? substep(
          `The Hessian is not positive definite enough (smallest eigenvalue ${narratedNumber(smallest)} < δ = ${narratedNumber(minEigenvalue)}), so μ = ${narratedNumber(shift)} is added to its diagonal: the model becomes a bowl.`,
          `\\mu = \\max(0,\\ \\delta - \\lambda_{\\min}) = \\max(0,\\ ${latexNumber(minEigenvalue)} - (${latexNumber(smallest)})) = ${latexNumber(shift)}`,
        )
      : substep(
          `The Hessian is positive definite (smallest eigenvalue ${narratedNumber(smallest)} ≥ δ = ${narratedNumber(minEigenvalue)}), so no shift is needed: μ = 0.`,
          `\\mu = \\max(0,\\ \\delta - \\lambda_{\\min}) = \\max(0,\\ ${latexNumber(minEigenvalue)} - ${latexNumber(smallest)}) = 0`,
        ),
    substep(
      `Solving ${shift > 0 ? '(H + μI)' : 'H'} p = −∇f gives the Newton step p = ${narratedVector(newtonStep)}, which points at the model's minimiser ${narratedVector(modelMinimizer)}.`,
      `p_t = -\\left(\\nabla^2 f(x_t)${shift > 0 ? ` + ${latexNumber(shift)}\\,I` : ''}\\right)^{-1} \\nabla f(x_t) = -${latexMatrix(shiftedDiagonal(hessian, n, shift), n, n)}^{-1} ${latexVector(gradient)} = ${latexVector(newtonStep)}`,
    ),
    substep(stepSentence(record), `x_{t+1} = x_t + \\alpha\\,p_t = ${latexVector(from)} + ${latexNumber(stepLength)} \\cdot ${latexVector(newtonStep)} = ${latexVector(to)}`),
  ];
  return { state, narration };
}

function stepSentence({ learningRate, stepLength, trials, from, to }: NewtonStepRecord): string {
  const move = `from ${narratedVector(from)} to ${narratedVector(to)}`;
  if (trials === 0) return `The point moves α = ${narratedNumber(stepLength)} times the Newton step: ${move}.`;
  if (stepLength === 0) return `Backtracking found no α from ${narratedNumber(learningRate)} down that lowers f enough (${trials} trials), so the point stays at ${narratedVector(from)}.`;
  const tried = trials === 1 ? 'the first trial α = lr passes Armijo' : `after ${trials - 1} shrinks of α from ${narratedNumber(learningRate)}, α = ${narratedNumber(stepLength)} passes Armijo`;
  return `Backtracking: ${tried}; the point moves α times the Newton step: ${move}.`;
}

/** H + μI. */
function shiftedDiagonal(hessian: Float64Array, n: number, shift: number): Float64Array {
  const shifted = Float64Array.from(hessian);
  for (let i = 0; i < n; i++) shifted[i * n + i] += shift;
  return shifted;
}

/** What one Newton-CG iteration used and made. */
export interface NewtonCgStepRecord {
  readonly dimension: number;
  readonly from: Float64Array;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
  /** CG's iterations, its stopping threshold η‖∇f‖₁, and why it stopped. */
  readonly cgIterations: number;
  readonly tolerance: number;
  readonly negativeCurvature: boolean;
  readonly newtonStep: Float64Array;
  /** The Wolfe line search's α (NaN when it failed) and its trial points. */
  readonly stepLength: number;
  readonly trials: number;
  readonly to: Float64Array;
}

/** Newton-CG after a step: gradient, Hessian, the truncated CG solve, the line search. */
export function inspectNewtonCg(record: NewtonCgStepRecord | null, startGradient: Float64Array): MethodInspection {
  if (record === null) return { state: [vectorQuantity('gradient', startGradient)], narration: [] };
  const { dimension: n, from, gradient, hessian, newtonStep, stepLength, to } = record;
  const state = [
    vectorQuantity('gradient', gradient),
    matrixQuantity('hessian', hessian, n, n),
    vectorQuantity('newtonStep', newtonStep),
    vectorQuantity('modelMinimizer', Float64Array.from(from, (x, i) => x + newtonStep[i])),
    vectorQuantity('searchDirection', newtonStep),
    numberQuantity('stepLength', stepLength),
  ];
  const why = record.negativeCurvature
    ? 'stopped where it met a direction of non-positive curvature'
    : `stopped once the residual's 1-norm fell to η‖∇f‖₁ = ${narratedNumber(record.tolerance)} or below`;
  const narration = [
    substep(`The gradient at ${narratedVector(from)} is ${narratedVector(gradient)}.`, `\\nabla f(x_t) = ${latexVector(gradient)}`),
    substep(`The Hessian there is ${narratedMatrix(hessian, n, n)}.`, `\\nabla^2 f(x_t) = ${latexMatrix(hessian, n, n)}`),
    substep(
      `Conjugate gradients on H p = −∇f ran ${record.cgIterations} iteration${record.cgIterations === 1 ? '' : 's'} and ${why}: p = ${narratedVector(newtonStep)}.`,
      `\\nabla^2 f(x_t)\\,p_t \\approx -\\nabla f(x_t) \\implies p_t = ${latexVector(newtonStep)}`,
    ),
    Number.isNaN(stepLength)
      ? substep(`The line search along p found no step satisfying the Wolfe conditions (${record.trials} trial points), so the point stays at ${narratedVector(from)}.`, `x_{t+1} = x_t = ${latexVector(from)}`)
      : substep(
          `The line search tries ${record.trials} trial point${record.trials === 1 ? '' : 's'} along p and keeps α = ${narratedNumber(stepLength)} (the Wolfe conditions hold): the point moves from ${narratedVector(from)} to ${narratedVector(to)}.`,
          `x_{t+1} = x_t + \\alpha\\,p_t = ${latexVector(from)} + ${latexNumber(stepLength)} \\cdot ${latexVector(newtonStep)} = ${latexVector(to)}`,
        ),
  ];
  return { state, narration };
}
