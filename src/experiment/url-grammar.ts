import type { HyperValue } from '../engine/methods/first-order/optimizer';
import { shortened } from '../engine/checks';

// The small grammar inside share-URL values: numbers, and calls such as
// "adam(lr=0.05,betas=0.9/0.999)", "cosine(T_max=300)", "norm(1)", "rosenbrock(a=1,b=100)".

/** A parse outcome: the value, or one message saying what was wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A decimal number as the URL writes it: sign, digits, optional fraction and exponent. */
// Unambiguous on purpose (\d+ then an optional ".digits"): \d+\.?\d* backtracks quadratically on
// a long run of digits that does not match (a 7,800-character link took 90 ms; fast-check found it).
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Ids of optimizers, surfaces ("goldstein-price"), schedules and parameter names. */
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A number in its shortest exact form ("0.001", "1e-8", "-0"), so parsing gives back the same float64. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Reads a finite decimal number; unlike Number(), rejects "", " 1", "0x10" and "Infinity". */
export function parseNumber(text: string): Parsed<number> {
  const value = NUMBER_PATTERN.test(text) ? Number(text) : NaN;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, error: `'${shortened(text)}' is not a number` };
}

/** Reads a whole number (steps, seeds, T_max). */
export function parseWholeNumber(text: string): Parsed<number> {
  const parsed = parseNumber(text);
  return parsed.ok && Number.isInteger(parsed.value) ? parsed : { ok: false, error: `'${shortened(text)}' is not a whole number` };
}

/** Reads comma-separated numbers ("-1.5,2"). */
export function parseNumberList(text: string): Parsed<number[]> {
  const values: number[] = [];
  for (const item of text.split(',')) {
    const parsed = parseNumber(item);
    if (!parsed.ok) return parsed;
    values.push(parsed.value);
  }
  return { ok: true, value: values };
}

/** A hyperparameter as the URL writes it: "0.05", "true", "0.9/0.999". */
export function formatHyperValue(value: HyperValue): string {
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  return `${formatNumber(value[0])}/${formatNumber(value[1])}`;
}

/** One argument of a call: "lr=0.05" has a name, "norm(1)"'s 1 has none. */
export interface CallArgument {
  readonly name?: string;
  readonly value: string;
}

/** "name(arg,...)" split into its parts. */
export interface Call {
  readonly name: string;
  readonly args: readonly CallArgument[];
}

/** Writes "name(a=1,b=2)", or just "name" without arguments. */
export function formatCall(name: string, args: readonly CallArgument[]): string {
  if (args.length === 0) return name;
  const written = args.map((arg) => (arg.name === undefined ? arg.value : `${arg.name}=${arg.value}`));
  return `${name}(${written.join(',')})`;
}

/** Reads "name", "name()" or "name(a=1,b=0.9/0.999,2)"; values stay text for the caller to type. */
export function parseCall(text: string): Parsed<Call> {
  const open = text.indexOf('(');
  const name = open < 0 ? text : text.slice(0, open);
  if (!NAME_PATTERN.test(name)) return { ok: false, error: `'${shortened(name)}' is not a name` };
  if (open < 0) return { ok: true, value: { name, args: [] } };
  if (!text.endsWith(')')) return { ok: false, error: `'${shortened(text)}' is missing its closing ')'` };
  const inner = text.slice(open + 1, -1);
  if (inner.includes('(') || inner.includes(')')) return { ok: false, error: `'${shortened(text)}' has unbalanced parentheses` };
  if (inner === '') return { ok: true, value: { name, args: [] } };
  const args: CallArgument[] = [];
  for (const piece of inner.split(',')) {
    const equals = piece.indexOf('=');
    if (equals < 0) {
      args.push({ value: piece });
      continue;
    }
    const argumentName = piece.slice(0, equals);
    if (!NAME_PATTERN.test(argumentName)) return { ok: false, error: `'${shortened(argumentName)}' is not a parameter name in '${shortened(text)}'` };
    args.push({ name: argumentName, value: piece.slice(equals + 1) });
  }
  return { ok: true, value: { name, args } };
}

/** The named arguments of a call as an object, rejecting positional and repeated ones. */
export function namedArguments(call: Call, typeValue: (text: string) => Parsed<unknown>): Parsed<Record<string, unknown>> {
  // No prototype, so a hand-typed "__proto__=1" is an ordinary (unknown) key, not a setter.
  const values: Record<string, unknown> = Object.create(null);
  for (const arg of call.args) {
    if (arg.name === undefined) return { ok: false, error: `'${shortened(arg.value)}' in ${shortened(call.name)}(...) needs a name, like lr=${shortened(arg.value)}` };
    if (Object.hasOwn(values, arg.name)) return { ok: false, error: `${arg.name} is given twice in ${call.name}(...)` };
    const typed = typeValue(arg.value);
    if (!typed.ok) return { ok: false, error: `${arg.name}: ${typed.error}` };
    values[arg.name] = typed.value;
  }
  return { ok: true, value: values };
}
