import { power } from '../../power';
import type { HyperSpec } from '../hyperparameters';

// What scipy.optimize.minimize's BFGS, CG and Newton-CG share: their options (scipy's names and
// defaults), the norms their stopping tests take, numpy's summation order, and scipy's messages.

/** `gtol`: stop when the gradient's norm (of order `norm`) is at most this (scipy's default 1e-5). */
export const GTOL_SPEC: HyperSpec = {
  kind: 'number',
  name: 'gtol',
  defaultValue: 1e-5,
  min: 0,
  max: 1e3,
  exclusiveMin: true,
  log: true,
  description: 'stop when ‖∇f‖ ≤ gtol',
};

/** The orders scipy's `norm` may take here: its default ∞ (largest |∂f/∂xᵢ|), −∞ (smallest), 1 and 2. */
export const NORM_ORDERS: Readonly<Record<string, number>> = { inf: Infinity, '-inf': -Infinity, '1': 1, '2': 2 };

/** `norm`: the order of the norm in the gtol test (a float in scipy; here one of ∞, −∞, 1, 2, as JSON has no Infinity). */
export const NORM_SPEC: HyperSpec = {
  kind: 'choice',
  name: 'norm',
  defaultValue: 'inf',
  options: Object.keys(NORM_ORDERS),
  description: 'order of the norm in the gtol test (inf: the largest |∂f/∂xᵢ|)',
};

/** scipy's message when the line search finds no step (`_status_message['pr_loss']`). */
export const PRECISION_LOSS = 'Desired error not necessarily achieved due to precision loss.';
/** scipy's message when f, ∇f or x became NaN (`_status_message['nan']`). */
export const NAN_RESULT = 'NaN result encountered.';

/** The stopping test's words for gtol with this norm: "‖∇f‖∞ ≤ gtol". */
export function gradientTestWords(norm: string): string {
  const subscript: Readonly<Record<string, string>> = { inf: '∞', '-inf': '−∞', '1': '₁', '2': '₂' };
  return `‖∇f‖${subscript[norm] ?? ''} ≤ gtol`;
}

/** scipy's vecnorm(x, ord): max |xᵢ| for ∞, min |xᵢ| for −∞, else (Σ |xᵢ|^ord)^(1/ord). */
export function vectorNorm(x: ArrayLike<number>, order: number): number {
  if (order === Infinity || order === -Infinity) {
    // np.amax / np.amin: NaN wins
    let extreme = Math.abs(x[0]);
    for (let i = 1; i < x.length; i++) {
      const magnitude = Math.abs(x[i]);
      if (Number.isNaN(magnitude) || (order === Infinity ? magnitude > extreme : magnitude < extreme)) extreme = magnitude;
      if (Number.isNaN(extreme)) return NaN;
    }
    return extreme;
  }
  const powers = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const magnitude = Math.abs(x[i]);
    powers[i] = order === 2 ? magnitude * magnitude : order === 1 ? magnitude : power(magnitude, order);
  }
  const sum = numpySum(powers);
  return order === 2 ? Math.sqrt(sum) : order === 1 ? sum : power(sum, 1 / order);
}

/** ‖x‖₂ as np.linalg.norm computes it: √(x·x). */
export function euclideanNorm(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * x[i];
  return Math.sqrt(sum);
}

// numpy's pairwise summation: blocks of at most 128 summed with eight accumulators
const PAIRWISE_BLOCK = 128;
const ACCUMULATORS = 8;

/** np.add.reduce / np.sum of a float64 vector, in numpy's order (sequential below 8 terms, then eight-way unrolled, pairwise above 128). */
export function numpySum(values: ArrayLike<number>, start = 0, count = values.length): number {
  if (count < ACCUMULATORS) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += values[start + i];
    return sum;
  }
  if (count <= PAIRWISE_BLOCK) {
    const r = new Float64Array(ACCUMULATORS);
    for (let j = 0; j < ACCUMULATORS; j++) r[j] = values[start + j];
    let i = ACCUMULATORS;
    for (; i < count - (count % ACCUMULATORS); i += ACCUMULATORS) {
      for (let j = 0; j < ACCUMULATORS; j++) r[j] += values[start + i + j];
    }
    let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < count; i++) sum += values[start + i];
    return sum;
  }
  // split in two halves, the first a multiple of 8 long
  let half = Math.floor(count / 2);
  half -= half % ACCUMULATORS;
  return numpySum(values, start, half) + numpySum(values, start + half, count - half);
}
