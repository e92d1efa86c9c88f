import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExperiment } from './validate';
import { experimentJson, formulaProblem, problemChoice, surfaceProblem } from './arbitraries.test-helper';
import { deepEqual } from './url-field';
import { PROPERTY_TIMEOUT_MS, hostileText, linearBudget, longText, numberText, propertyParameters, reportSlowestCase, withinBudget } from '../engine/hostile-input.test-helper';

// Property-based tests of experiment validation (issue 12): whatever JSON a file or a link holds,
// parseExperiment gives an experiment or messages naming the fields, never an exception or a hang,
// and never writes to Object.prototype whatever keys the JSON has (__proto__, constructor,
// prototype). An experiment it accepts it accepts again unchanged.


const FORMULAS = ['(1-x)^2 + 100*(y-x^2)^2', 'x^2 + 3*y^2', 'sin(x)*cos(y) + 0.1*(x^2+y^2)', 'min(abs(x), abs(y)) + max(x, y)^2'];

/** Valid experiments' JSON, for the mutations to start from. */
const validJson: fc.Arbitrary<Record<string, unknown>> = experimentJson(fc.oneof(surfaceProblem.map(problemChoice), formulaProblem(FORMULAS).map(problemChoice)));

/** Keys that reach the prototype chain when code copies with plain assignment. */
const HOSTILE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'polluted'];

/** An object as JSON.parse makes it: "__proto__" is then an own key, not the prototype. */
function parsedObject(entries: readonly (readonly [string, unknown])[]): unknown {
  return JSON.parse(`{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`);
}

/** Arrays nested `depth` deep around a value, built without recursion. */
function deepArray(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Values no valid field holds: other types, edges of float64 (NaN and infinities too, as a JS caller may pass), long strings, deep and long arrays, hostile keys. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), weight: 30 },
  { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 5e-324, 1.7976931348623157e308, 2 ** 53 + 1, -1, 0.5, 1e21, null, true, '', [], {}), weight: 20 },
  { arbitrary: numberText, weight: 10 },
  { arbitrary: hostileText([], 40), weight: 10 },
  { arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), hostileText([], 8)), fc.jsonValue({ maxDepth: 2 })), { maxLength: 5 }).map(parsedObject), weight: 15 },
  { arbitrary: fc.integer({ min: 41, max: 100_000 }).map((length) => parsedObject([['x'.repeat(length), 1]])), weight: 1 },
  { arbitrary: fc.record({ depth: fc.integer({ min: 1, max: 10_000 }), inner: fc.constantFrom(1, 'x', null, {}) }).map(({ depth, inner }) => deepArray(depth, inner)), weight: 3 },
  { arbitrary: fc.record({ length: fc.integer({ min: 0, max: 2_000 }), item: fc.constantFrom(1, -0, 'x', null, [1, 2]) }).map(({ length, item }) => Array.from({ length }, () => item)), weight: 3 },
  // about 10 in 10,000
  { arbitrary: longText(fc.constantFrom('a', '\u00e9', '9')), weight: 1 },
);

/** A JSON path step: an object key (often one the schema knows) or an array index. */
const pathStep = fc.oneof(fc.constantFrom('version', 'problem', 'steps', 'seed', 'noise', 'runs', 'optimizer', 'hyper', 'start', 'schedule', 'clip', 'label', 'color', 'hidden', 'expression', 'surface', 'params', 'dimension', 'domain', 'lr', 'betas', 'type', ...HOSTILE_KEYS), fc.nat({ max: 4 }));

/** `json` with the value at `path` replaced (or added): deep copies, so the corpus stays valid. */
function replaced(json: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (Array.isArray(json)) {
    const copy = json.slice();
    const index = typeof step === 'number' ? step % (copy.length + 1) : 0;
    copy[index] = replaced(copy[index], rest, value);
    return copy;
  }
  if (typeof json === 'object' && json !== null) {
    // defineProperty, so a "__proto__" step is an own key as JSON.parse would make it
    const copy = { ...(json as Record<string, unknown>) };
    Object.defineProperty(copy, String(step), { value: replaced((json as Record<string, unknown>)[String(step)], rest, value), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return replaced({}, path, value);
}

/** A valid experiment with one to four of its values replaced by hostile ones, or hostile JSON outright. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.record({ json: validJson, edits: fc.array(fc.tuple(fc.array(pathStep, { minLength: 1, maxLength: 5 }), hostileValue), { minLength: 1, maxLength: 4 }) }).map(({ json, edits }) => edits.reduce<unknown>((value, [path, replacement]) => replaced(value, path, replacement), json)), weight: 7 },
  { arbitrary: hostileValue, weight: 2 },
  { arbitrary: validJson, weight: 1 },
);

/** Everything on Object.prototype and Array.prototype, to see that no case wrote there. */
function prototypeSnapshot(): string {
  const describe = (object: object) => Object.getOwnPropertyNames(object).map((name) => `${name}:${typeof Object.getOwnPropertyDescriptor(object, name)?.value}`).join(',');
  return `${describe(Object.prototype)}|${describe(Array.prototype)}|${Object.getPrototypeOf(Object.prototype)}`;
}

/** Longest message allowed: each quotes at most 40 characters of a value or key. */
const MAX_MESSAGE_LENGTH = 1_000;

/** A size for the budget: the JSON's length where it has one (a 100 KB string is read in linear time). */
function sizeOf(json: unknown): number {
  try {
    return JSON.stringify(json)?.length ?? 0;
  } catch {
    return 0; // nested too deep to write out
  }
}

describe('experiment validation under generated JSON', () => {
  afterAll(() => reportSlowestCase('validate'));
  const before = prototypeSnapshot();

  it('reads any JSON into an experiment or messages naming the fields, within the time budget, leaving the prototypes alone', () => {
    fc.assert(
      fc.property(anyJson, (json) => {
        const result = withinBudget(() => parseExperiment(json), () => `validating ${sizeOf(json)} characters of JSON`, linearBudget(sizeOf(json)));
        expect(prototypeSnapshot()).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (result.ok) {
          const again = parseExperiment(result.experiment);
          expect(again.ok && deepEqual(again.experiment, result.experiment)).toBe(true);
          return;
        }
        expect(result.errors.length).toBeGreaterThan(0);
        for (const message of result.errors) {
          expect(typeof message).toBe('string');
          expect(message.length, message.slice(0, 200)).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
        }
      }),
      propertyParameters(0x12e0_0001),
    );
  }, PROPERTY_TIMEOUT_MS);
});


describe('experiment validation under huge arrays (issue 12 finding 6, the limits work)', () => {
  // A `start` of 123,006 or more non-numbers with no `problem` overflowed the stack in validation
  // (finding 6), and every bad coordinate had a message of its own.
  it('reads a start of up to 1,000,000 values into messages of bounded number and length, without throwing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 1_000_000 }), fc.constantFrom('x', null, 1, [1]), fc.boolean(), (length, item, withProblem) => {
        const json = { version: 1, ...(withProblem && { problem: { surface: 'rosenbrock' } }), runs: [{ optimizer: 'adam', start: Array.from({ length }, () => item) }] };
        const result = withinBudget(() => parseExperiment(json), () => `a start of ${length}`, linearBudget(length * 4));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.length).toBeLessThanOrEqual(100);
      }),
      propertyParameters(0x12e0_0002, 20),
    );
  }, PROPERTY_TIMEOUT_MS);
});
