import type { NarratedSubstep, StateQuantity } from '../inspection';
import { latexNumber, latexVector, narratedNumber, narratedVector } from '../narration-format';

// The step inspector's words for the methods that model the surface (Newton, Newton-CG, the
// least-squares methods, BFGS, CG, L-BFGS): each quantity's name (quantities13), label and symbol
// in one table, builders that copy the values, and matrices in sentences and in LaTeX.

/** Label and symbol of each quantity these methods show. */
const WORDS: Readonly<Record<string, { readonly label: string; readonly symbol: string }>> = {
  gradient: { label: 'gradient the step used', symbol: '\\nabla f(x_t)' },
  learningRate: { label: 'learning rate (after the schedule)', symbol: '\\gamma_t' },
  hessian: { label: 'Hessian ∇²f at the point the step started from', symbol: '\\nabla^2 f(x_t)' },
  shift: { label: 'shift μ added to the diagonal', symbol: '\\mu' },
  newtonStep: { label: 'Newton step p (the model’s minimiser minus the point)', symbol: 'p_t' },
  modelMinimizer: { label: 'minimiser of the local model', symbol: 'x_t + p_t' },
  inverseHessian: { label: 'inverse-Hessian estimate H', symbol: 'H_t' },
  searchDirection: { label: 'search direction d', symbol: 'd_t' },
  stepLength: { label: 'step length α (the line search’s)', symbol: '\\alpha_t' },
  historyS: { label: 'steps s kept (oldest first)', symbol: 's_i' },
  historyY: { label: 'gradient changes y kept (oldest first)', symbol: 'y_i' },
  damping: { label: 'damping λ (Levenberg-Marquardt)', symbol: '\\lambda' },
  residuals: { label: 'residuals r', symbol: 'r(x_t)' },
  jacobian: { label: 'Jacobian J of the residuals', symbol: 'J(x_t)' },
};

/** A number quantity. */
export function numberQuantity(name: string, value: number): StateQuantity {
  return { name, ...words(name), value };
}

/** A vector quantity (copied). */
export function vectorQuantity(name: string, value: ArrayLike<number>): StateQuantity {
  return { name, ...words(name), value: Float64Array.from(value) };
}

/** A matrix quantity, row-major rows × columns (copied). */
export function matrixQuantity(name: string, value: ArrayLike<number>, rows: number, columns: number): StateQuantity {
  return { name, ...words(name), value: Float64Array.from(value), shape: [rows, columns] };
}

/** Vectors stacked as the rows of a matrix quantity (L-BFGS's pairs, oldest first). */
export function rowsQuantity(name: string, rows: readonly ArrayLike<number>[], columns: number): StateQuantity {
  const value = new Float64Array(rows.length * columns);
  rows.forEach((row, i) => value.set(Array.from(row), i * columns));
  return { name, ...words(name), value, shape: [rows.length, columns] };
}

function words(name: string): { label: string; symbol: string } {
  return WORDS[name] ?? { label: name, symbol: name };
}

/** One sub-step. */
export function substep(sentence: string, rule: string): NarratedSubstep {
  return { sentence, rule };
}

/** A matrix in a sentence: "[[2, 0], [0, 200]]", or its size past 3 × 3. */
export function narratedMatrix(matrix: ArrayLike<number>, rows: number, columns: number): string {
  if (rows > 3 || columns > 3) return `a ${rows} × ${columns} matrix`;
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(`[${Array.from({ length: columns }, (_, j) => narratedNumber(matrix[i * columns + j])).join(', ')}]`);
  return `[${lines.join(', ')}]`;
}

/** A matrix in LaTeX (pmatrix), its first three rows and columns and dots beyond. */
export function latexMatrix(matrix: ArrayLike<number>, rows: number, columns: number): string {
  const shownRows = Math.min(rows, 3);
  const shownColumns = Math.min(columns, 3);
  const lines: string[] = [];
  for (let i = 0; i < shownRows; i++) {
    const entries = Array.from({ length: shownColumns }, (_, j) => latexNumber(matrix[i * columns + j]));
    if (columns > shownColumns) entries.push('\\cdots');
    lines.push(entries.join(' & '));
  }
  if (rows > shownRows) lines.push(Array.from({ length: shownColumns }, () => '\\vdots').join(' & '));
  return `\\begin{pmatrix} ${lines.join(' \\\\ ')} \\end{pmatrix}`;
}

export { latexNumber, latexVector, narratedNumber, narratedVector };

/** x + α·p, as the methods compute their new points. */
export function stepped(point: ArrayLike<number>, alpha: number, direction: ArrayLike<number>): Float64Array {
  return Float64Array.from(point, (x, i) => x + alpha * direction[i]);
}
