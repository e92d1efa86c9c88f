import type { StepInspection } from '../engine/inspect-step';
import type { StateQuantity } from '../engine/methods/inspection';

// `inspect`'s JSON: one run at one step as the step inspector shows it, in the shape quantities13
// fixes (state by quantity name: numbers, vectors, matrices as rows). Numbers are JSON.stringify's
// shortest round-trip text, so JSON.parse gives back the float64 bits; a value that is not finite
// (a diverged run) is null, as in `run`'s output.

/** What `inspect` prints, before layout. */
export interface InspectionOutput {
  readonly run: number;
  readonly step: number;
  readonly point: readonly number[];
  readonly value: number;
  readonly gradient: readonly number[];
  readonly delta: readonly number[] | null;
  readonly evaluations: { readonly function: number; readonly gradient: number; readonly hessian: number };
  readonly state: Readonly<Record<string, number | number[] | number[][]>>;
  readonly narration: readonly { readonly sentence: string; readonly rule: string }[];
}

/** The output for run `run` (1-based) from the engine's inspection. */
export function toInspectionOutput(run: number, inspection: StepInspection): InspectionOutput {
  const state: Record<string, number | number[] | number[][]> = {};
  for (const quantity of inspection.method?.state ?? []) state[quantity.name] = quantityValue(quantity);
  return {
    run,
    step: inspection.step,
    point: Array.from(inspection.point),
    value: inspection.value,
    gradient: Array.from(inspection.gradient),
    delta: inspection.delta === null ? null : Array.from(inspection.delta),
    evaluations: { ...inspection.evaluations },
    state,
    narration: (inspection.method?.narration ?? []).map(({ sentence, rule }) => ({ sentence, rule })),
  };
}

/** A quantity's value as JSON: a number, a vector, or a matrix as its rows. */
function quantityValue(quantity: StateQuantity): number | number[] | number[][] {
  const { value, shape } = quantity;
  if (typeof value === 'number') return value;
  if (shape === undefined) return Array.from(value);
  const [rows, columns] = shape;
  return Array.from({ length: rows }, (_, i) => Array.from(value.subarray(i * columns, (i + 1) * columns)));
}

/** The JSON text: one field per line, each vector or matrix row on one line, one narrated sub-step per line. */
export function formatInspectionJson(output: InspectionOutput): string {
  const stateLines = Object.entries(output.state).map(([name, value]) => `    ${JSON.stringify(name)}: ${matrixOrValue(value, 2)}`);
  const fields = [
    `"run": ${output.run}`,
    `"step": ${output.step}`,
    `"point": ${JSON.stringify(output.point)}`,
    `"value": ${JSON.stringify(output.value)}`,
    `"gradient": ${JSON.stringify(output.gradient)}`,
    `"delta": ${JSON.stringify(output.delta)}`,
    `"evaluations": ${JSON.stringify(output.evaluations)}`,
    `"state": ${stateLines.length === 0 ? '{}' : `{\n${stateLines.join(',\n')}\n  }`}`,
    `"narration": ${output.narration.length === 0 ? '[]' : `[\n${output.narration.map((substep) => `    ${JSON.stringify(substep)}`).join(',\n')}\n  ]`}`,
  ];
  return `{\n${fields.map((field) => `  ${field}`).join(',\n')}\n}\n`;
}

function matrixOrValue(value: number | number[] | number[][], depth: number): string {
  if (!Array.isArray(value) || !Array.isArray(value[0])) return JSON.stringify(value);
  const indent = '  '.repeat(depth + 1);
  return `[\n${(value as number[][]).map((row) => indent + JSON.stringify(row)).join(',\n')}\n${'  '.repeat(depth)}]`;
}
