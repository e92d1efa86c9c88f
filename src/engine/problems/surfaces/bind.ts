import type { SurfaceParameter, SurfaceParameterValues } from './surface';

/** Each parameter's value: the one given if it is a finite number, its default otherwise. */
export function resolveParameters<Name extends string>(
  parameters: readonly (SurfaceParameter & { readonly name: Name })[],
  values: SurfaceParameterValues = {},
): Record<Name, number> {
  const resolved = {} as Record<Name, number>;
  for (const parameter of parameters) {
    const given = values[parameter.name];
    resolved[parameter.name] = typeof given === 'number' && Number.isFinite(given) ? given : parameter.defaultValue;
  }
  return resolved;
}

/**
 * A number as the formula language writes it: the shortest decimal that round-trips to the same
 * float64 (so the formula and the hand-written code use bit-identical constants), but never in
 * exponent notation, which the formula language need not accept.
 */
export function formatConstant(value: number): string {
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (match === null) return shortest;
  // move the decimal point of the shortest digits by hand: 1.5e-7 -> 0.00000015, 2e21 -> 2000...0
  const [, sign, leading, fraction = '', exponentText] = match;
  const digits = leading + fraction;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return sign + digits + '0'.repeat(exponent + 1 - digits.length);
}
