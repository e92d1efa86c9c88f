// Every input that sets how much work the playground does (steps, runs, a formula's size, a CSV, a
// link, a file) has its limit here and nowhere else: validation, the URL reader, the worker and the
// CLI import these entries, so the page and the command line refuse the same inputs with the same
// words. README.md's "Limits" section is this table written out (limits.test.ts keeps them equal).

/** One limit on an input: its value and the one message a user sees when an input goes over it. */
export interface Limit {
  /** The field as a user meets it: "steps", "runs[i].label", "stdin". */
  readonly field: string;
  /** The largest amount accepted. */
  readonly value: number;
  /** What is counted ("characters", "bytes"); '' when the field's value is the count itself. */
  readonly unit: string;
  /** What the limit bounds, in a few words (README's table). */
  readonly what: string;
  /** "steps: 100,001 is over the limit of 100,000"; `where` names the field by its path, `atLeast` when reading stopped early. */
  readonly message: (given: number, where?: string, atLeast?: boolean) => string;
  /** The message without the field's name, for a caller that has named it already: "201 characters is over the limit of 200". */
  readonly over: (given: number, atLeast?: boolean) => string;
}

/** 1234567 → "1,234,567" (the same in every locale, so messages are identical on every machine). */
export function grouped(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

/** Builds a limit's message from the given amount, the field's name and the limit's value. */
type Sentence = (given: number, where: string, value: number, atLeast: boolean) => string;

function limit(field: string, value: number, unit: string, what: string, sentence?: Sentence): Limit & { readonly sentence: Sentence } {
  const amount = (given: number, atLeast: boolean) => `${atLeast ? 'more than ' : ''}${grouped(given)}${unit === '' ? '' : ` ${unit}`}`;
  const overLimit: Sentence = (given, where, limitValue, atLeast) => `${where === '' ? '' : `${where}: `}${amount(given, atLeast)} is over the limit of ${grouped(limitValue)}`;
  const say = sentence ?? overLimit;
  return {
    field,
    value,
    unit,
    what,
    sentence: say,
    message: (given, where = field, atLeast = false) => say(given, where, value, atLeast),
    over: (given, atLeast = false) => say(given, '', value, atLeast),
  };
}

/** The same limit with another value (tests and callers that lower a limit keep its message). */
export function withValue(entry: (typeof LIMITS)[LimitName], value: number): Limit {
  return limit(entry.field, value, entry.unit, entry.what, entry.sentence);
}

// A data file's messages talk about "the file", which the CSV panel names above them.
const csvSentence =
  (noun: string): Sentence =>
  (given, _where, value) =>
    `the file has ${grouped(given)} ${noun}; the limit is ${grouped(value)}`;
const csvBytesSentence: Sentence = (given, _where, value) => `the file is ${grouped(given)} bytes; the limit is ${grouped(value)} bytes (${value / 1_000_000} MB)`;

/** The table of limits, in the order README.md lists them. */
export const LIMITS = {
  steps: limit('steps', 100_000, '', 'optimizer steps per run'),
  runs: limit('runs', 16, 'runs', 'runs raced in one experiment'),
  dimension: limit('dimension', 1_000, '', 'coordinates of an n-dimensional surface (its Hessian is dimension² numbers)'),
  startLength: limit('runs[i].start', 100_000, 'coordinates', 'coordinates in a start point (the largest model has fewer)'),
  seeds: limit('seeds count', 1_000, '', 'seeds one many-seeds analysis repeats a run over'),
  basinResolution: limit('basin resolution', 512, '', 'cells along each side of the basin map'),
  sweepPoints: limit('sweep count', 1_024, '', 'learning rates one sweep tries'),
  sweepSecondPoints: limit('sweep second count', 64, '', "values of a 2-D sweep's second parameter"),
  formulaLength: limit('expression', 2_000, 'characters', 'length of a typed formula'),
  formulaDepth: limit('expression', 64, 'levels deep', 'nesting of a formula: parentheses, calls, and chains such as x+x+…+x'),
  formulaNodes: limit('expression', 2_000, 'terms', 'numbers, names and operations in a formula'),
  formulaInstructions: limit('expression', 200_000, 'instructions', 'the compiled formula with its gradient and Hessian'),
  labelLength: limit('runs[i].label', 200, 'characters', 'length of a run label'),
  csvBytes: limit('CSV', 5_000_000, 'bytes', 'size of a data file (UTF-8)', csvBytesSentence),
  csvRows: limit('CSV', 100_000, 'data rows', 'rows of a data file (the header not counted)', csvSentence('data rows')),
  csvColumns: limit('CSV', 1_000, 'columns', 'columns of a data file', csvSentence('columns')),
  csvBlankLines: limit('CSV', 100_000, 'blank lines', 'blank lines in a data file', csvSentence('blank lines')),
  linkLength: limit('link', 100_000, 'characters', "length of a share link's hash"),
  fileBytes: limit("cannot read 'experiment.json'", 10_000_000, 'bytes', 'an experiment file (or a data file) the CLI reads'),
  stdinBytes: limit('cannot read stdin', 10_000_000, 'bytes', 'what the CLI reads from stdin'),
  listedProblems: limit('problems', 10, '', 'problems listed in one message; the rest are counted', (given, _where, value) => `… and ${grouped(given - value)} more`),
} as const satisfies Record<string, Limit>;

/** How many problems a list stands for: each line, plus those a "… and 99,990 more" line counts. */
export function problemCount(problems: readonly string[]): number {
  let count = 0;
  for (const problem of problems) {
    const counted = /^… and ([\d,]+) more/.exec(problem);
    count += counted ? Number(counted[1].replaceAll(',', '')) : 1;
  }
  return count;
}

/** The name of one entry of LIMITS. */
export type LimitName = keyof typeof LIMITS;

/**
 * The first LIMITS.listedProblems messages joined by `separator`, then "… and 99,990 more": a
 * refusal stays one readable line however many problems an input has.
 */
export function listProblems(problems: readonly string[], separator = '; '): string {
  // one over the cap is listed whole: "… and 1 more" would take as much room as the problem
  if (problems.length <= LIMITS.listedProblems.value + 1) return problems.join(separator);
  const listed = problems.slice(0, LIMITS.listedProblems.value);
  // a list capped before (capProblems, unknownKeys) ends in "… and N more": those count too
  return `${listed.join(separator)}${separator}… and ${grouped(problemCount(problems) - problemCount(listed))} more`;
}

/** At most LIMITS.listedProblems messages, the last saying how many more there were ("… and 99,990 more problems"). */
export function capProblems(problems: readonly string[]): string[] {
  const cap = LIMITS.listedProblems.value;
  if (problems.length <= cap + 1) return [...problems];
  return [...problems.slice(0, cap), `… and ${grouped(problems.length - cap)} more problems`];
}
