import type { HyperValue } from './methods/first-order/optimizer';
import { shortened } from './checks';
import { didYouMean } from './suggest';
import { LIMITS, grouped } from './limits';

// The small structural checks JSON validation is made of (value ranges: engine/checks.ts). Each returns the message for a bad value (naming the
// field by its path, e.g. "runs[0].hyper.lr must be > 0, got -1") or undefined when it is fine.

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object, false for arrays, null and primitives. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `parent.key`, or just `key` at the root (the URL codec validates pieces with an empty path). */
export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * One message per key of `object` that is not in `allowed`: "unknown key 'lrr' in runs[0].hyper
 * (did you mean 'lr'?)", or with `known` ("Adam takes lr, betas, ...") when no name is close.
 */
export function unknownKeys(object: JsonObject, allowed: readonly string[], where: string, known?: string): string[] {
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  // a hostile file may hold 100,000 keys: name the first few (with suggestions), count the rest
  // (one over the cap is listed whole, as listProblems does)
  const cap = unknown.length === LIMITS.listedProblems.value + 1 ? unknown.length : LIMITS.listedProblems.value;
  const messages = unknown.slice(0, cap).map((key) => {
    const suggestion = didYouMean(key, allowed);
    const hint = suggestion === '' && known !== undefined ? ` (${known})` : suggestion;
    return `unknown key '${shortened(key)}' in ${where}${hint}`;
  });
  if (unknown.length > cap) messages.push(`… and ${grouped(unknown.length - cap)} more unknown keys in ${where}`);
  return messages;
}

/** Appends `items` to `target` one by one: `target.push(...items)` overflows the stack past ~100,000 items. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Where a key lives, for unknown-key messages: a path, or "the experiment" at the root. */
export function placeName(path: string): string {
  return path === '' ? 'the experiment' : path;
}

/** A validated hyperparameter value, copied so the caller's object can change freely. */
export function copyHyperValue(value: HyperValue): HyperValue {
  return Array.isArray(value) ? [value[0], value[1]] : value;
}

/** A validated piece, or the reasons it is not valid. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A failed check with these messages. */
export function fail<T>(...errors: string[]): Checked<T> {
  return { ok: false, errors };
}
