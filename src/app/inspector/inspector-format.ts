// How the step inspector writes numbers: four significant digits to read, the float64 itself to
// check (shortest round-trip text: parsing it gives back the same bits), vectors as tuples and
// matrices as small tables, cut to what fits with a count of what was left out.
import { formatSignificant } from '../../engine/diagnosis/format';
import type { StepInspection } from '../../engine/inspect-step';
import type { StateQuantity } from '../../engine/methods/inspection';

/** Significant digits the inspector shows (the full value is in each number's title and in the copied JSON). */
export const INSPECTOR_DIGITS = 4;
/** Entries of a vector shown before "… and N more". */
export const MAX_VECTOR_ENTRIES = 8;
/** Rows and columns of a matrix shown before the table is cut. */
export const MAX_MATRIX_ROWS = 6;
export const MAX_MATRIX_COLUMNS = 6;

/** A number to read: "0.1235", "−3e-5", "∞". */
export function readableNumber(value: number): string {
  return formatSignificant(value, INSPECTOR_DIGITS);
}

/** The float64 exactly: the shortest text that parses back to the same bits ("-0" kept). */
export function fullNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A vector cut to its first entries, with how many were left out. */
export interface ShownVector {
  readonly entries: readonly number[];
  readonly hidden: number;
}

/** The first MAX_VECTOR_ENTRIES entries of a vector. */
export function shownVector(vector: ArrayLike<number>, limit = MAX_VECTOR_ENTRIES): ShownVector {
  const shown = Math.min(vector.length, limit);
  return { entries: Array.from({ length: shown }, (_, i) => vector[i]), hidden: vector.length - shown };
}

/** A row-major matrix cut to its top-left corner, with how many rows and columns were left out. */
export interface ShownMatrix {
  readonly rows: readonly (readonly number[])[];
  readonly hiddenRows: number;
  readonly hiddenColumns: number;
}

/** The top-left MAX_MATRIX_ROWS × MAX_MATRIX_COLUMNS of a row-major `rows` × `columns` matrix. */
export function shownMatrix(values: ArrayLike<number>, [rows, columns]: readonly [number, number], maxRows = MAX_MATRIX_ROWS, maxColumns = MAX_MATRIX_COLUMNS): ShownMatrix {
  const shownRows = Math.min(rows, maxRows);
  const shownColumns = Math.min(columns, maxColumns);
  return {
    rows: Array.from({ length: shownRows }, (_, row) => Array.from({ length: shownColumns }, (_, column) => values[row * columns + column])),
    hiddenRows: rows - shownRows,
    hiddenColumns: columns - shownColumns,
  };
}

/** What a state quantity is, for drawing it: a number, a vector or a matrix. */
export type QuantityShape = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'vector'; readonly vector: ShownVector; readonly length: number } | { readonly kind: 'matrix'; readonly matrix: ShownMatrix; readonly shape: readonly [number, number] };

/** Sorts a quantity into number, vector (no shape) or matrix (a shape). */
export function quantityShape(quantity: StateQuantity): QuantityShape {
  const { value, shape } = quantity;
  if (typeof value === 'number') return { kind: 'number', value };
  if (shape) return { kind: 'matrix', matrix: shownMatrix(value, shape), shape };
  return { kind: 'vector', vector: shownVector(value), length: value.length };
}

/** A quantity's value as the CLI's `inspect` prints it: a number, an array, or a matrix as rows. */
export function quantityJson(quantity: StateQuantity): number | number[] | number[][] {
  const { value, shape } = quantity;
  if (typeof value === 'number') return value;
  if (!shape) return Array.from(value);
  const [rows, columns] = shape;
  return Array.from({ length: rows }, (_, row) => Array.from(value.subarray(row * columns, (row + 1) * columns)));
}

/**
 * One run at one step as JSON, in the shape of the CLI's `optimizer-playground inspect` (run 1-based):
 * the copy button's text, so what a reader copies from the page and what a script prints compare as they are.
 */
export function inspectionJson(runIndex: number, inspection: StepInspection): string {
  const state: Record<string, number | number[] | number[][]> = {};
  for (const quantity of inspection.method?.state ?? []) state[quantity.name] = quantityJson(quantity);
  return JSON.stringify(
    {
      run: runIndex + 1,
      step: inspection.step,
      point: Array.from(inspection.point),
      value: inspection.value,
      gradient: Array.from(inspection.gradient),
      delta: inspection.delta === null ? null : Array.from(inspection.delta),
      evaluations: inspection.evaluations,
      state,
      narration: inspection.method?.narration ?? [],
    },
    null,
    2,
  );
}
