import { power } from '../../power';
import type { MethodInspection, NarratedSubstep, StateQuantity } from '../inspection';
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
} from '../second-order/inspection-quantities';

// The least-squares steps for the inspector: the residuals and their Jacobian, the linearised
// solve (Gauss-Newton and the one-step solve) or the damped one (Levenberg-Marquardt: damping,
// solve, accept or reject), and the move. The methods record a step only when the run is inspected.

/** What one least-squares step used and made. */
export interface LeastSquaresStepRecord {
  readonly residualCount: number;
  readonly dimension: number;
  readonly from: Float64Array;
  /** f, r, J and ∇f = 2Jᵀr at `from`. */
  readonly value: number;
  readonly residuals: Float64Array;
  readonly jacobian: Float64Array;
  readonly gradient: Float64Array;
  /** The (last) solved step p. */
  readonly direction: Float64Array;
  readonly to: Float64Array;
  /** f at `to`. */
  readonly valueAfter: number;
  /** Gauss-Newton: α taken, lr, and backtracking's trials (0 without a line search). */
  readonly line?: { readonly stepLength: number; readonly learningRate: number; readonly trials: number };
  /** Levenberg-Marquardt: λ of the accepted (or last) trial, λ next, the rejected trials, D², the factors. */
  readonly damping?: {
    readonly used: number;
    readonly next: number;
    readonly rejected: number;
    readonly accepted: boolean;
    readonly scale: Float64Array;
    readonly marquardt: boolean;
    readonly increase: number;
    readonly decrease: number;
  };
}

/** The inspection after a least-squares step, or after start() (r, J, ∇f there). */
export function inspectLeastSquares(
  record: LeastSquaresStepRecord | null,
  current: { readonly residuals: Float64Array; readonly jacobian: Float64Array; readonly gradient: Float64Array; readonly residualCount: number; readonly dimension: number } | null,
  damping: number | null,
): MethodInspection {
  if (record === null) {
    const state: StateQuantity[] = [];
    if (current !== null) {
      state.push(vectorQuantity('gradient', current.gradient), vectorQuantity('residuals', current.residuals), matrixQuantity('jacobian', current.jacobian, current.residualCount, current.dimension));
    }
    if (damping !== null) state.push(numberQuantity('damping', damping));
    return { state, narration: [] };
  }
  const { residualCount: m, dimension: n, from, residuals, jacobian, gradient, direction, to } = record;
  const lm = record.damping;
  const state: StateQuantity[] = [
    vectorQuantity('gradient', gradient),
    vectorQuantity('residuals', residuals),
    matrixQuantity('jacobian', jacobian, m, n),
    vectorQuantity(lm === undefined ? 'newtonStep' : 'searchDirection', direction),
    vectorQuantity('modelMinimizer', Float64Array.from(from, (x, i) => x + direction[i])),
  ];
  if (record.line !== undefined) state.push(numberQuantity('stepLength', record.line.stepLength), numberQuantity('learningRate', record.line.learningRate));
  if (lm !== undefined) state.push(numberQuantity('damping', lm.used));
  const narration: NarratedSubstep[] = [
    substep(
      `At ${narratedVector(from)} the ${m} residual${m === 1 ? ' is' : 's are'} r = ${narratedVector(residuals)} (f = Σ rᵢ² = ${narratedNumber(record.value)}), and their Jacobian is J = ${narratedMatrix(jacobian, m, n)}.`,
      `r(x_t) = ${latexVector(residuals)},\\quad J(x_t) = ${latexMatrix(jacobian, m, n)},\\quad \\nabla f = 2 J^\\top r = ${latexVector(gradient)}`,
    ),
  ];
  if (lm === undefined) {
    narration.push(
      substep(
        `Linearising r around the point, the step p minimises ‖J p + r‖² (it solves JᵀJ p = −Jᵀr, by QR): p = ${narratedVector(direction)}, aiming at ${narratedVector(Float64Array.from(from, (x, i) => x + direction[i]))}.`,
        `p_t = \\arg\\min_p \\lVert J p + r \\rVert^2 = -(J^\\top J)^{-1} J^\\top r = ${latexVector(direction)}`,
      ),
    );
    const line = record.line;
    const alpha = line?.stepLength ?? 1;
    const how =
      line === undefined || line.trials === 0
        ? `The point moves α = ${narratedNumber(alpha)} times p`
        : alpha === 0
          ? `Backtracking found no α that lowers f enough (${line.trials} trials), so the point stays`
          : `Backtracking keeps α = ${narratedNumber(alpha)} after ${line.trials} trial${line.trials === 1 ? '' : 's'} (Armijo holds); the point moves α times p`;
    narration.push(
      substep(
        `${how}: from ${narratedVector(from)} to ${narratedVector(to)}, where f = ${narratedNumber(record.valueAfter)}.`,
        `x_{t+1} = x_t + \\alpha\\,p_t = ${latexVector(from)} + ${latexNumber(alpha)} \\cdot ${latexVector(direction)} = ${latexVector(to)}`,
      ),
    );
    return { state, narration };
  }
  const metric = lm.marquardt ? `D² = diag(JᵀJ) = ${narratedVector(lm.scale)}` : 'D² = I';
  if (lm.rejected > 0) {
    const first = lm.used / power(lm.increase, lm.rejected);
    narration.push(
      substep(
        `${lm.rejected} trial${lm.rejected === 1 ? '' : 's'} did not lower f, so the damping grew ×${narratedNumber(lm.increase)} each time, from λ = ${narratedNumber(first)} to ${narratedNumber(lm.used)}: a shorter step, closer to the gradient's direction.`,
        `\\lambda = ${latexNumber(first)} \\cdot ${latexNumber(lm.increase)}^{${lm.rejected}} = ${latexNumber(lm.used)}`,
      ),
    );
  }
  narration.push(
    substep(
      `With damping λ = ${narratedNumber(lm.used)} and ${metric}, solving (JᵀJ + λD²) p = −Jᵀr gives p = ${narratedVector(direction)}.`,
      `p_t = -(J^\\top J + \\lambda D^2)^{-1} J^\\top r = -\\left(J^\\top J + ${latexNumber(lm.used)}\\,D^2\\right)^{-1} ${latexVector(Float64Array.from(gradient, (g) => g / 2))} = ${latexVector(direction)}`,
    ),
  );
  narration.push(
    lm.accepted
      ? substep(
          `The trial x + p = ${narratedVector(to)} lowers f from ${narratedNumber(record.value)} to ${narratedNumber(record.valueAfter)}: accepted, and the damping shrinks ÷${narratedNumber(lm.decrease)} to λ = ${narratedNumber(lm.next)} (closer to Gauss-Newton).`,
          `f(x_t + p_t) = ${latexNumber(record.valueAfter)} < f(x_t) = ${latexNumber(record.value)} \\implies x_{t+1} = x_t + p_t = ${latexVector(to)},\\ \\lambda = ${latexNumber(lm.used)} / ${latexNumber(lm.decrease)} = ${latexNumber(lm.next)}`,
        )
      : substep(
          `No trial lowered f, so the point stays at ${narratedVector(from)} and the run ends.`,
          `x_{t+1} = x_t = ${latexVector(from)}`,
        ),
  );
  return { state, narration };
}
