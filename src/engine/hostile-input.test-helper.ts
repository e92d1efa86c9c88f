import fc from 'fast-check';

// What the property-based tests (*.property.test.ts) throw at the readers of untrusted input (a
// shared link, a formula, an experiment file, a CSV): random text with every kind of code point
// (lone surrogates too), edits of valid inputs, deep nesting, number texts at and past float64's
// edges, and long strings. Each suite runs PROPERTY_RUNS cases from a fixed seed, so a failure
// replays exactly (fast-check prints the seed and the path of the shrunk counterexample).

/** Generated cases per property: the issue asks for at least 10,000 per reader. */
export const PROPERTY_RUNS = 10_000;

/** Vitest's limit for one property (10,000 cases), far above what one takes on a busy 2-core machine. */
export const PROPERTY_TIMEOUT_MS = 120_000;

/** Longest a single case may take, in milliseconds: past it the reader counts as hanging. */
export const CASE_BUDGET_MS = 100;

/** Parameters for fc.assert: the fixed seed, the case count, and the first failure reported as is. */
export function propertyParameters(seed: number, numRuns = PROPERTY_RUNS): fc.Parameters<unknown> {
  return { seed, numRuns, endOnFailure: false };
}

/** Characters a reader that needs to see all of its input (a CSV) may take CASE_BUDGET_MS for. */
export const LINEAR_BUDGET_CHARACTERS = 50_000;

/**
 * The budget for reading `length` characters when every one must be read (a valid 150 KB CSV is
 * 37,000 rows): CASE_BUDGET_MS per LINEAR_BUDGET_CHARACTERS, so reading stays linear, not a hang.
 */
export function linearBudget(length: number): number {
  return CASE_BUDGET_MS * Math.max(1, length / LINEAR_BUDGET_CHARACTERS);
}

/** What this file reads from its host: Node's CPU clock (absent in a browser) and the wall clock. */
interface Host {
  readonly process?: { cpuUsage(): { user: number; system: number }; env?: Record<string, string | undefined> };
  readonly performance?: { now(): number };
  readonly console: { log(message: string): void };
}
const host = globalThis as unknown as Host;
const wallClock = host.performance ?? Date;

/** Milliseconds of CPU this process has used (the wall clock where there is no CPU clock). */
function cpuMilliseconds(): number {
  const usage = host.process?.cpuUsage();
  return usage === undefined ? wallClock.now() : (usage.user + usage.system) / 1000;
}

/** The slowest case each suite met, for the fuzz figures (printed when FUZZ_STATS is set). */
export const slowestCase = { cpuMs: 0, wallMs: 0, what: '', totalCpuMs: 0 };

/** Prints and resets slowestCase when the environment asks for the figures (FUZZ_STATS=1). */
export function reportSlowestCase(suite: string): void {
  if (host.process?.env?.FUZZ_STATS) host.console.log(`${suite}: slowest case ${slowestCase.cpuMs.toFixed(1)} ms CPU (${slowestCase.what}), slowest wall ${slowestCase.wallMs.toFixed(1)} ms; ${(slowestCase.totalCpuMs / 1000).toFixed(1)} s CPU in the readers`);
  slowestCase.totalCpuMs = 0;
  slowestCase.cpuMs = 0;
  slowestCase.what = '';
  slowestCase.wallMs = 0;
}

/**
 * Runs `read` on one case and fails when it takes more than CASE_BUDGET_MS of CPU twice in a row.
 * CPU time rather than the wall clock (performance.now() is recorded too), and a second try,
 * because this suite runs on shared 2-core machines: a reader that hangs burns CPU every time,
 * while a busy neighbour or a garbage collection stretches the wall clock of one call.
 */
export function withinBudget<T>(read: () => T, describeCase: () => string = () => '', budgetMs = CASE_BUDGET_MS): T {
  for (let attempt = 0; ; attempt++) {
    const cpuStart = cpuMilliseconds();
    const wallStart = wallClock.now();
    const result = read();
    const cpu = cpuMilliseconds() - cpuStart;
    const wall = wallClock.now() - wallStart;
    slowestCase.totalCpuMs += cpu;
    if (cpu <= budgetMs) {
      if (cpu > slowestCase.cpuMs) Object.assign(slowestCase, { cpuMs: cpu, what: describeCase() });
      slowestCase.wallMs = Math.max(slowestCase.wallMs, wall);
      return result;
    }
    if (attempt === 1) throw new Error(`took ${cpu.toFixed(0)} ms of CPU, ${wall.toFixed(0)} ms wall (budget ${budgetMs.toFixed(0)} ms) ${describeCase()}`);
  }
}

/** A lone UTF-16 surrogate: not a character, and not encodable as UTF-8. */
export const loneSurrogate: fc.Arbitrary<string> = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** One unit of hostile text: any code point, a lone surrogate, or a character that means something to a reader. */
export function hostileUnit(specials: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }), weight: 4 },
    { arbitrary: loneSurrogate, weight: 1 },
    ...(specials.length > 0 ? [{ arbitrary: fc.constantFrom(...specials), weight: 6 }] : []),
  );
}

/** Random text of every kind of code point (lone surrogates included), biased towards `specials`. */
export function hostileText(specials: readonly string[] = [], maxLength = 60): fc.Arbitrary<string> {
  return fc.string({ unit: hostileUnit(specials), maxLength });
}

/**
 * Number texts at and past the edges of float64, and forms a strict reader must refuse: overflow,
 * underflow, -0, NaN and Infinity by name, hexadecimal, binary, long digit strings, stray signs.
 */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1e308', '1e309', '-1e309', '1.7976931348623157e308', '1.7976931348623159e308', '5e-324', '2e-324', '1e-400',
    '-0', '+0', '0', '-0.0', 'NaN', 'nan', 'Infinity', '-Infinity', 'inf', '0x10', '0X1F', '0b101', '0o17', '1_000',
    '1e', '1e+', '.', '-', '+', '..1', '1..2', '1.2.3', 'e5', '1E5', '.5', '5.', '00012', '1,5', ' 1', '1 ', '٣',
  ),
  fc.double().map(String),
  fc.double().map((value) => value.toExponential()),
  fc.bigInt().map(String),
  fc.integer({ min: 300, max: 5000 }).map((digits) => '9'.repeat(digits)),
  fc.integer({ min: 300, max: 5000 }).map((zeros) => `0.${'0'.repeat(zeros)}1`),
  fc.integer({ min: 300, max: 5000 }).map((digits) => `1${'0'.repeat(digits)}e-${digits}`),
);

/** `count` copies of `open`, then `inner`, then (when balanced) as many copies of `close`. */
export function nested(open: string, close: string, inner: string, maxDepth = 10_000): fc.Arbitrary<string> {
  return fc.record({ depth: fc.integer({ min: 1, max: maxDepth }), balanced: fc.boolean() }).map(({ depth, balanced }) => {
    const closing = balanced ? close.repeat(depth) : close.repeat(Math.floor(depth / 2));
    return `${open.repeat(depth)}${inner}${closing}`;
  });
}

/**
 * A long string, 20 KB to 150 KB: a short piece repeated (a run of digits, a key, one character).
 * Cheap to build, so a suite can afford one every few hundred cases.
 */
export function longText(pieces: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.record({ piece: pieces.filter((piece) => piece.length > 0), length: fc.integer({ min: 20_000, max: 150_000 }) }).map(({ piece, length }) =>
    piece.repeat(Math.ceil(length / piece.length)).slice(0, length),
  );
}

/** One edit of a text: insert, delete, replace or duplicate a stretch, or splice in a token. */
type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'swap'; at: number; other: number; length: number };

function edit(tokens: readonly string[], specials: readonly string[]): fc.Arbitrary<Edit> {
  const position = fc.nat({ max: 1_000_000 });
  const text = fc.oneof(fc.constantFrom(...tokens), hostileText(specials, 4), numberText);
  return fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: position, text }),
    fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant('replace' as const), at: position, length: fc.integer({ min: 1, max: 8 }), text }),
    fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 20 }), times: fc.integer({ min: 1, max: 50 }) }),
    fc.record({ kind: fc.constant('swap' as const), at: position, other: position, length: fc.integer({ min: 1, max: 6 }) }),
  );
}

function applyEdit(text: string, change: Edit): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'replace':
      return text.slice(0, at) + change.text + text.slice(at + change.length);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + change.length).repeat(change.times + 1) + text.slice(at + change.length);
    case 'swap': {
      const other = text.length === 0 ? 0 : change.other % (text.length + 1);
      const [first, second] = at <= other ? [at, other] : [other, at];
      const a = text.slice(first, first + change.length);
      const b = text.slice(second, second + change.length);
      if (first + change.length > second) return text;
      return text.slice(0, first) + b + text.slice(first + change.length, second) + a + text.slice(second + change.length);
    }
  }
}

/**
 * A valid input from `corpus` with one to six edits: characters and `tokens` inserted, deleted,
 * replaced, duplicated or swapped. Most such texts are nearly valid, which reaches the checks
 * behind the first one that random text never passes.
 */
export function mutated(corpus: readonly string[], tokens: readonly string[], specials: readonly string[] = []): fc.Arbitrary<string> {
  return fc
    .record({ base: fc.constantFrom(...corpus), edits: fc.array(edit(tokens, specials), { minLength: 1, maxLength: 6 }) })
    .map(({ base, edits }) => edits.reduce(applyEdit, base));
}
