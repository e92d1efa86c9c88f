import type { MethodInspection, StateQuantity } from '../inspection';

// Reading a method's inspection in tests: a quantity by its contract name (tools' quantities list),
// as a number or an array, failing loudly when it is missing.

/** The quantity named `name`; throws when the inspection has none. */
export function quantity(inspection: MethodInspection | null, name: string): StateQuantity {
  const found = inspection?.state.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no quantity '${name}' in ${inspection?.state.map((entry) => entry.name).join(', ') ?? 'null'}`);
  return found;
}

/** A number quantity's value. */
export function numberOf(inspection: MethodInspection | null, name: string): number {
  const { value } = quantity(inspection, name);
  if (typeof value !== 'number') throw new Error(`'${name}' is not a number`);
  return value;
}

/** A vector or matrix quantity's values (row-major). */
export function arrayOf(inspection: MethodInspection | null, name: string): number[] {
  const { value } = quantity(inspection, name);
  if (typeof value === 'number') throw new Error(`'${name}' is a number, not an array`);
  return Array.from(value);
}

/** Every sentence and rule of the narration, joined (for "it names these numbers" checks). */
export function narrationText(inspection: MethodInspection | null): string {
  return (inspection?.narration ?? []).map((step) => `${step.sentence}\n${step.rule}`).join('\n');
}
