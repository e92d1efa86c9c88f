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
  rowsQuantity,
  substep,
  vectorQuantity,
} from '../second-order/inspection-quantities';

// The quasi-Newton steps for the inspector: BFGS (direction from H, line search α, curvature pair,
// the inverse-Hessian update), CG (direction, α, β) and L-BFGS (two-loop direction over the kept
// pairs, step length, the new pair). The methods record a step only when the run is inspected.

/** What one BFGS iteration used and made. */
export interface BfgsStepRecord {
  readonly dimension: number;
  readonly from: Float64Array;
  readonly gradient: Float64Array;
  /** H_k, the estimate the direction came from. */
  readonly inverseHessianBefore: Float64Array;
  readonly direction: Float64Array;
  /** The line search's α (NaN when it failed) and how many points it asked for. */
  readonly stepLength: number;
  readonly trials: number;
  readonly to: Float64Array;
  /** s = α p, y = ∇f_{k+1} − ∇f_k, ρ = 1/yᵀs; null when the run stopped before the update. */
  readonly pair: { readonly s: Float64Array; readonly y: Float64Array; readonly rho: number } | null;
}

/** BFGS after a step: H, d, α, the gradient, and the step told. */
export function inspectBfgs(record: BfgsStepRecord | null, inverseHessian: Float64Array, gradient: Float64Array, dimension: number): MethodInspection {
  const n = dimension;
  const base: StateQuantity[] = [matrixQuantity('inverseHessian', inverseHessian, n, n)];
  if (record === null) return { state: [...base, vectorQuantity('gradient', gradient)], narration: [] };
  const { from, inverseHessianBefore, direction, stepLength, trials, to, pair } = record;
  const state = [...base, vectorQuantity('gradient', record.gradient), vectorQuantity('searchDirection', direction), numberQuantity('stepLength', stepLength)];
  const narration: NarratedSubstep[] = [
    substep(
      `The search direction is the gradient ${narratedVector(record.gradient)} turned by the inverse-Hessian estimate H = ${narratedMatrix(inverseHessianBefore, n, n)}: d = −H∇f = ${narratedVector(direction)}.`,
      `d_t = -H_t \\nabla f(x_t) = -${latexMatrix(inverseHessianBefore, n, n)} ${latexVector(record.gradient)} = ${latexVector(direction)}`,
    ),
    lineSearchSubstep(from, direction, stepLength, trials, to, 'Wolfe'),
  ];
  if (pair !== null) narration.push(...curvatureSubsteps(pair, inverseHessian, n));
  return { state, narration };
}

/** The line search's result told: α after k trial points, the move. */
export function lineSearchSubstep(from: Float64Array, direction: Float64Array, stepLength: number, trials: number, to: Float64Array, conditions: string): NarratedSubstep {
  if (Number.isNaN(stepLength)) {
    return substep(`The line search along d found no step satisfying the ${conditions} conditions (${trials} trial points), so the point stays at ${narratedVector(from)}.`, `x_{t+1} = x_t = ${latexVector(from)}`);
  }
  const points = trials === 1 ? '1 trial point' : `${trials} trial points`;
  return substep(
    `The line search tries ${points} along d and keeps α = ${narratedNumber(stepLength)} (the ${conditions} conditions hold): the point moves from ${narratedVector(from)} to ${narratedVector(to)}.`,
    `x_{t+1} = x_t + \\alpha\\,d_t = ${latexVector(from)} + ${latexNumber(stepLength)} \\cdot ${latexVector(direction)} = ${latexVector(to)}`,
  );
}

function curvatureSubsteps({ s, y, rho }: { s: Float64Array; y: Float64Array; rho: number }, inverseHessian: Float64Array, n: number): NarratedSubstep[] {
  const curvature = 1 / rho;
  return [
    substep(
      `The curvature pair: the step s = α d = ${narratedVector(s)} changed the gradient by y = ${narratedVector(y)}; yᵀs = ${narratedNumber(curvature)}${curvature > 0 ? ' > 0, so the surface curves upwards along the step' : ' ≤ 0: no upward curvature along the step'}.`,
      `s_t = \\alpha\\,d_t = ${latexVector(s)},\\quad y_t = \\nabla f(x_{t+1}) - \\nabla f(x_t) = ${latexVector(y)},\\quad \\rho_t = 1 / y_t^\\top s_t = ${latexNumber(rho)}`,
    ),
    substep(
      `BFGS updates the inverse-Hessian estimate so that it maps y to s: H = ${narratedMatrix(inverseHessian, n, n)}.`,
      `H_{t+1} = (I - \\rho_t s_t y_t^\\top) H_t (I - \\rho_t y_t s_t^\\top) + \\rho_t s_t s_t^\\top = ${latexMatrix(inverseHessian, n, n)}`,
    ),
  ];
}

/** What one L-BFGS step(closure) used and made (its last inner iteration told). */
export interface LbfgsStepRecord {
  readonly from: Float64Array;
  readonly gradient: Float64Array;
  readonly learningRate: number;
  readonly innerIterations: number;
  /** The last inner iteration: its start, direction, α, end, and whether it added a pair first. */
  readonly lastFrom: Float64Array;
  readonly direction: Float64Array;
  readonly stepLength: number;
  readonly lastTo: Float64Array;
  readonly pairsUsed: number;
  readonly pairAdded: { readonly s: Float64Array; readonly y: Float64Array; readonly curvature: number; readonly kept: boolean } | null;
  readonly hessianDiagonal: number;
  readonly strongWolfe: boolean;
  readonly trials: number;
}

/** L-BFGS after a step: the pairs (oldest first), direction, α, the step told. */
export function inspectLbfgs(
  record: LbfgsStepRecord | null,
  history: { readonly steps: readonly Float64Array[]; readonly gradientChanges: readonly Float64Array[] },
  gradient: Float64Array,
  dimension: number,
): MethodInspection {
  const historyState = [rowsQuantity('historyS', history.steps, dimension), rowsQuantity('historyY', history.gradientChanges, dimension)];
  if (record === null) return { state: [vectorQuantity('gradient', gradient), ...historyState], narration: [] };
  const { direction, stepLength, pairAdded, pairsUsed, hessianDiagonal, innerIterations } = record;
  const state = [
    vectorQuantity('gradient', record.gradient),
    ...historyState,
    vectorQuantity('searchDirection', direction),
    numberQuantity('stepLength', stepLength),
    numberQuantity('learningRate', record.learningRate),
  ];
  const narration: NarratedSubstep[] = [];
  if (innerIterations > 1) {
    narration.push(
      substep(
        `This step ran ${innerIterations} inner iterations (max_iter), from ${narratedVector(record.from)} to ${narratedVector(record.lastTo)}; the last is told below.`,
        `x_{t+1} = x_t + \\sum_{i=1}^{${innerIterations}} \\alpha_i d_i`,
      ),
    );
  }
  if (pairAdded !== null) {
    narration.push(
      substep(
        pairAdded.kept
          ? `The latest step s = ${narratedVector(pairAdded.s)} changed the gradient by y = ${narratedVector(pairAdded.y)}; yᵀs = ${narratedNumber(pairAdded.curvature)} > 0, so the pair joins the history (${pairsUsed} kept) and the initial scale becomes yᵀs/yᵀy = ${narratedNumber(hessianDiagonal)}.`
          : `The latest step s = ${narratedVector(pairAdded.s)} changed the gradient by y = ${narratedVector(pairAdded.y)}; yᵀs = ${narratedNumber(pairAdded.curvature)} is not above 10⁻¹⁰ (no upward curvature to learn from), so the pair is skipped.`,
        `s = ${latexVector(pairAdded.s)},\\quad y = ${latexVector(pairAdded.y)},\\quad y^\\top s = ${latexNumber(pairAdded.curvature)}`,
      ),
    );
  }
  narration.push(
    pairsUsed === 0
      ? substep(`With no curvature pairs yet, the direction is the negative gradient: d = ${narratedVector(direction)}.`, `d = -\\nabla f = ${latexVector(direction)}`)
      : substep(
          `The two-loop recursion turns the gradient by the ${pairsUsed} kept pair${pairsUsed === 1 ? '' : 's'} (initial scale ${narratedNumber(hessianDiagonal)}): d = −H∇f = ${narratedVector(direction)}.`,
          `d = -H \\nabla f,\\quad H_0 = ${latexNumber(hessianDiagonal)}\\,I,\\ m = ${pairsUsed} \\implies d = ${latexVector(direction)}`,
        ),
  );
  narration.push(
    record.strongWolfe
      ? lineSearchSubstep(record.lastFrom, direction, stepLength, record.trials, record.lastTo, 'strong Wolfe')
      : substep(
          `With no line search the step length is ${record.innerIterations === 1 && pairsUsed === 0 ? 'min(1, 1/‖∇f‖₁)·lr' : 'lr'} = ${narratedNumber(stepLength)}: the point moves from ${narratedVector(record.lastFrom)} to ${narratedVector(record.lastTo)}.`,
          `x \\leftarrow x + \\alpha\\,d = ${latexVector(record.lastFrom)} + ${latexNumber(stepLength)} \\cdot ${latexVector(direction)} = ${latexVector(record.lastTo)}`,
        ),
  );
  return { state, narration };
}

/** What one nonlinear-CG iteration used and made. */
export interface CgStepRecord {
  readonly from: Float64Array;
  readonly gradient: Float64Array;
  readonly direction: Float64Array;
  readonly stepLength: number;
  readonly trials: number;
  readonly to: Float64Array;
  /** The Polak-Ribière β and the next direction; null when the line search failed. */
  readonly next: { readonly gradient: Float64Array; readonly beta: number; readonly direction: Float64Array } | null;
}

/** CG after a step: the direction it used, α, and the next direction from β. */
export function inspectCg(record: CgStepRecord | null, gradient: Float64Array, direction: Float64Array): MethodInspection {
  if (record === null) return { state: [vectorQuantity('gradient', gradient), vectorQuantity('searchDirection', direction)], narration: [] };
  const state = [vectorQuantity('gradient', record.gradient), vectorQuantity('searchDirection', record.direction), numberQuantity('stepLength', record.stepLength)];
  const narration: NarratedSubstep[] = [
    substep(
      `The search direction is d = ${narratedVector(record.direction)} (the negative gradient ${narratedVector(Float64Array.from(record.gradient, (g) => -g))} plus β times the previous direction).`,
      `d_t = ${latexVector(record.direction)},\\quad -\\nabla f(x_t) = ${latexVector(Float64Array.from(record.gradient, (g) => -g))}`,
    ),
    lineSearchSubstep(record.from, record.direction, record.stepLength, record.trials, record.to, 'Wolfe'),
  ];
  if (record.next !== null) {
    const { beta } = record.next;
    narration.push(
      substep(
        `At the new point the gradient is ${narratedVector(record.next.gradient)}; Polak-Ribière gives β = max(0, yᵀ∇f/‖∇f_old‖²) = ${narratedNumber(beta)}${beta === 0 ? ' (a restart along the negative gradient)' : ''}, so the next direction is ${narratedVector(record.next.direction)}.`,
        `\\beta = \\max\\left(0,\\ \\frac{(\\nabla f_{t+1} - \\nabla f_t)^\\top \\nabla f_{t+1}}{\\nabla f_t^\\top \\nabla f_t}\\right) = ${latexNumber(beta)},\\quad d_{t+1} = -\\nabla f_{t+1} + \\beta\\,d_t = ${latexVector(record.next.direction)}`,
      ),
    );
  }
  return { state, narration };
}
