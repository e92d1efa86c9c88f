import type { StateQuantity } from '../inspection';

// Builders of the step inspector's named quantities (methods/inspection.ts) for the gradient-free and
// zeroth-order methods: each copies what it is given, so an inspection never changes afterwards.

/** A number: σ, T, c. */
export function numberQuantity(name: string, label: string, symbol: string, value: number): StateQuantity {
  return { name, label, symbol, value };
}

/** A vector (copied). */
export function vectorQuantity(name: string, label: string, symbol: string, value: ArrayLike<number>): StateQuantity {
  return { name, label, symbol, value: Float64Array.from(value) };
}

/** A rows × columns matrix, row-major (copied). */
export function matrixQuantity(name: string, label: string, symbol: string, value: ArrayLike<number>, rows: number, columns: number): StateQuantity {
  return { name, label, symbol, value: Float64Array.from(value), shape: [rows, columns] };
}

/** How many times the latest step evaluated f (the start's evaluations after start()). */
export function stepEvaluationsQuantity(count: number): StateQuantity {
  return numberQuantity('stepEvaluations', 'evaluations of f in this step', '\\#f', count);
}

/** "once", "twice", "7 times". */
export function timesInWords(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}
