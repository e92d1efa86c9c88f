import type { HyperSpec } from './methods/first-order/optimizer';
import type { Limit } from './limits';

// Checks of single values against their allowed ranges, shared by the engine's hyperparameter
// validation and the experiment's JSON/URL validation. Each returns the message for a bad value,
// naming the field by its path ("runs[0].hyper.lr must be > 0, got -1"), or undefined.

/** A value as it appears in a message: numbers and strings as written, structures by kind. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const simple = value.length <= 4 && value.every((item) => typeof item === 'number' || typeof item === 'boolean');
    return simple ? `[${value.map((item) => describe(item)).join(', ')}]` : `an array of ${value.length}`;
  }
  return 'an object';
}

/** A number as a person writes it: -0 keeps its sign, NaN and infinities by name. */
export function numberText(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Bounds of a numeric field; exclusive ends are left out of the allowed range. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  readonly integer?: boolean;
  /** The entry of the table of limits (limits.ts) whose message a value above `max` gets. */
  readonly limit?: Limit;
}

/** Checks a finite number within a range (and whole, when the range asks for it). */
export function checkNumber(value: unknown, range: NumberRange, path: string): string | undefined {
  const kind = range.integer ? 'a whole number' : 'a number';
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${path} must be ${kind}, got ${describe(value)}`;
  if (range.integer && !Number.isInteger(value)) return `${path} must be ${kind}, got ${numberText(value)}`;
  const belowMin = range.exclusiveMin ? value <= range.min : value < range.min;
  const aboveMax = range.exclusiveMax ? value >= range.max : value > range.max;
  if (!belowMin && !aboveMax) return undefined;
  if (aboveMax && range.limit !== undefined) return range.limit.message(value, path);
  // A whole-number range reads best whole ("from 1 to 100000"); otherwise name the bound crossed.
  const bound = range.integer ? range : belowMin ? { ...range, max: Infinity } : { ...range, min: -Infinity };
  return `${path} must be ${rangeText(bound)}, got ${numberText(value)}`;
}

/** "> 0", ">= 1", "in [0, 1)", "a whole number from 1 to 100000". */
export function rangeText(range: NumberRange): string {
  const hasMin = Number.isFinite(range.min);
  const hasMax = Number.isFinite(range.max);
  if (range.integer && hasMin && hasMax && !range.exclusiveMin && !range.exclusiveMax) {
    return `a whole number from ${numberText(range.min)} to ${numberText(range.max)}`;
  }
  const prefix = range.integer ? 'a whole number ' : '';
  if (hasMin && hasMax) {
    const open = range.exclusiveMin ? '(' : '[';
    const close = range.exclusiveMax ? ')' : ']';
    return `${prefix}in ${open}${numberText(range.min)}, ${numberText(range.max)}${close}`;
  }
  if (hasMin) return `${prefix}${range.exclusiveMin ? '>' : '>='} ${numberText(range.min)}`;
  if (hasMax) return `${prefix}${range.exclusiveMax ? '<' : '<='} ${numberText(range.max)}`;
  return range.integer ? 'a whole number' : 'a finite number';
}

/** Checks one hyperparameter value against its spec (number, boolean or pair such as betas). */
export function checkHyperValue(value: unknown, spec: HyperSpec, path: string): string | undefined {
  switch (spec.kind) {
    case 'number':
      return checkNumber(value, numberRange(spec), path);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${path} must be true or false, got ${describe(value)}`;
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value)
        ? undefined
        : `${path} must be one of ${spec.options.map((option) => `"${option}"`).join(', ')}, got ${describe(value)}`;
    case 'pair': {
      if (!Array.isArray(value) || value.length !== 2) {
        return `${path} must be a pair of numbers like [0.9, 0.999], got ${describe(value)}`;
      }
      const range: NumberRange = { min: spec.min, max: spec.max, exclusiveMax: spec.exclusiveMax };
      return checkNumber(value[0], range, `${path}[0]`) ?? checkNumber(value[1], range, `${path}[1]`);
    }
  }
}

/** The range a numeric hyperparameter spec allows. */
export function numberRange(spec: Extract<HyperSpec, { kind: 'number' }>): NumberRange {
  return { min: spec.min, max: spec.max, exclusiveMin: spec.exclusiveMin, integer: spec.integer };
}

/** User text cut to 40 characters for a message, '…' marking the cut: a message stays short whatever was typed. */
export function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
