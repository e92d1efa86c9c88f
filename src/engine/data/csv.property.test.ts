import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Checked } from '../check-values';
import { MAX_LISTED_PROBLEMS, csvToDataset, inspectCsv, type CsvSelection } from './csv';
import { PROPERTY_TIMEOUT_MS, hostileText, linearBudget, longText, mutated, nested, numberText, propertyParameters, reportSlowestCase, withinBudget } from '../hostile-input.test-helper';

// Property-based tests of "your own data" (issue 12): whatever text a user opens or a link
// carries as a CSV, inspectCsv and csvToDataset give a data set or at most MAX_LISTED_PROBLEMS + 1
// short messages naming the line and column (or the whole file), never an exception or a hang. The
// oracle for numbers: a table of generated float64 values written out is read back bit for bit.

/** The first lines of the bundled sets, and hand-written files that use what the reader supports. */
const CORPUS: readonly string[] = [
  ...['iris', 'wine', 'diabetes'].map((name) => readFileSync(new URL(`../../../public/datasets/${name}.csv`, import.meta.url), 'utf8').split('\n').slice(0, 12).join('\n')),
  'x,y,label\n1,2,a\n3,4,b\n5,6,a\n',
  'a;b;c\n1,5;2;x\n3;4,25;y\n',
  'a\tb\n1\t2\n3\t4\n',
  '"name, quoted","value"\n"a ""b""",1\n"multi\nline",2\n',
  '\uFEFFp,q\r\n1,NA\r\n2,?\r\n\r\n3,4\r\n',
  '1,2,3\n4,5,6\n',
];

/** Pieces of CSV syntax, for mutations. */
const TOKENS: readonly string[] = [',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'NA', 'NaN', '?', '', ' ', '1e308', '1e309', '-0', 'Infinity', '0x10', '\uFEFF'];

/** Characters the reader treats specially, so random text hits them often. */
const SPECIALS: readonly string[] = [',', ';', '\t', '"', '\n', '\r', ' ', '0', '1', '.', '-', 'e'];

/** Any text a user might open as a CSV. */
const anyCsvText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText(SPECIALS, 120), weight: 250 },
  { arbitrary: mutated(CORPUS, TOKENS, SPECIALS), weight: 450 },
  { arbitrary: fc.array(fc.array(numberText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }).map((rows) => rows.map((row) => row.join(',')).join('\n')), weight: 150 },
  { arbitrary: fc.oneof(nested('"', '"', 'a,b'), nested('"\n', '', 'x'), nested(',', '', '1'), nested('\n', '', '1,2')), weight: 10 },
  // about 30 in 10,000: each takes tens of milliseconds
  { arbitrary: longText(fc.constantFrom('1,2\n', 'a,', '"', ',', '\n', 'x'.repeat(50), '9')), weight: 3 },
);

/** A column choice to ask for: the defaults, or names that may or may not exist. */
const anySelection: fc.Arbitrary<CsvSelection> = fc.record(
  {
    target: fc.oneof(fc.constantFrom('label', 'target', 'b', 'x', 'column1', ''), hostileText([], 8)),
    features: fc.array(fc.oneof(fc.constantFrom('x', 'y', 'a', 'column2', 'sepal length (cm)'), hostileText([], 6)), { maxLength: 4 }),
    task: fc.constantFrom('classification' as const, 'regression' as const),
  },
  { requiredKeys: [] },
);

/** How a message may begin: a place in the file (line and column), or the file, target or features as a whole. */
const MESSAGE_START = /^(line \d+, column |the file |the target |target: |feature:? |no numeric column |choose at least one feature|and [\d,]+ more problems?$)/;

/** Longest message allowed: each quotes at most 40 characters of a cell or name, and a few of them. */
const MAX_MESSAGE_LENGTH = 1_000;

function checkRefusal<T>(result: Checked<T>): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
  for (const message of result.errors) {
    expect(message, message.slice(0, 200)).toMatch(MESSAGE_START);
    expect(message.length, message.slice(0, 200)).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  }
}

/** A float64 as a CSV cell, -0 with its sign. */
function cell(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

describe('the CSV reader under generated input', () => {
  afterAll(() => reportSlowestCase('csv'));

  it('reads any text into a data set or a few messages naming the line and column, within the time budget', () => {
    fc.assert(
      fc.property(anyCsvText, anySelection, (text, selection) => {
        const inspected = withinBudget(() => inspectCsv(text), () => `inspecting ${text.length} characters`, linearBudget(text.length));
        checkRefusal(inspected);
        const built = withinBudget(() => csvToDataset(text, selection), () => `building from ${text.length} characters`, linearBudget(text.length));
        checkRefusal(built);
        const byDefault = withinBudget(() => csvToDataset(text), () => `building from ${text.length} characters`, linearBudget(text.length));
        checkRefusal(byDefault);
        if (byDefault.ok) {
          const { features, targets, rows, columns } = byDefault.value;
          expect(features).toHaveLength(rows * columns);
          expect(targets).toHaveLength(rows);
          expect(features.every(Number.isFinite) && targets.every(Number.isFinite)).toBe(true);
        }
      }),
      propertyParameters(0x12c5_0001),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('reads a table of float64 values back bit for bit, -0, 5e-324 and 1.7976931348623157e308 included', () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 5e-324, -5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(value, { minLength: 5, maxLength: 5 }), { minLength: 2, maxLength: 12 }), (columns, rows) => {
        const header = Array.from({ length: columns + 1 }, (_, index) => `c${index}`).join(',');
        // a regression target of distinct non-integers, so the task is regression whatever the features are
        const lines = rows.map((row, index) => [...row.slice(0, columns).map(cell), `${index}.5`].join(','));
        const built = withinBudget(() => csvToDataset([header, ...lines].join('\n'), { task: 'regression' }));
        if (!built.ok) throw new Error(built.errors.join('\n'));
        rows.forEach((row, i) => row.slice(0, columns).forEach((expected, j) => expect(Object.is(built.value.features[i * columns + j], expected), `row ${i}, column ${j}: ${expected}`).toBe(true)));
      }),
      propertyParameters(0x12c5_0002),
    );
  }, PROPERTY_TIMEOUT_MS);
});
