import { compileFormula } from '../engine/expression';
import type { Domain } from '../engine/objective';
import {
  DEFAULT_EXPERIMENT,
  EXPERIMENT_VERSION,
  MAX_RUNS,
  isFormulaProblem,
  type Experiment,
  type ExperimentRun,
  type Problem,
  type SurfaceProblem,
} from './experiment';
import { didYouMean } from '../engine/suggest';
import { formatCall, formatNumber, namedArguments, parseCall, parseNumber, parseNumberList, parseWholeNumber, type Parsed } from './url-grammar';
import { BATCH_KEYS } from './url-batch';
import { formatRun, parseRun } from './url-run';
import { escapeText, unescapeText } from './url-text';
import { checkNumber, type NumberRange } from '../engine/checks';
import { NOISE_RANGE, SEED_RANGE, STEPS_RANGE, checkDomain, checkExpression, checkSurface, type Checked } from './validate';

// The share URL: a readable, hand-editable hash in the style of TensorFlow Playground,
//   #v=1&f=(1-x)^2+100*(y-x^2)^2&domain=-2,2,-1,3&steps=300&noise=0.1
//    &run=adam(lr=0.05,betas=0.9/0.999)@-1.5,2&run=sgd(lr=0.01,momentum=0.9)@-1,1;clip=norm(1)
//    &run=adam@0,1;label=Adam;color=e69f00;hidden
// One table of fields drives both directions. A field that holds its default is left out; a
// field that cannot be read falls back to its default alone and says so in `problems`.
// Decoding never throws: a pasted URL always opens something.

/**
 * Keys the playground writes for view state and the batch analyses (not part of the experiment);
 * decoding hands them back untouched (url-sync and url-batch read them).
 */
export const VIEW_KEYS = ['view', 'step', 'play', 'speed', 'zoom', 'center', 'layers', 'panel', 'compare', ...BATCH_KEYS] as const;

/** A decoded share URL: the experiment, what could not be read, and the view-state keys it carried. */
export interface DecodedExperiment {
  readonly experiment: Experiment;
  /** One sentence per field that fell back to its default (empty when the URL was read in full). */
  readonly problems: string[];
  /** Values of VIEW_KEYS found in the hash, unescaped. */
  readonly view: Record<string, string>;
}

/** The experiment while it is being read from a URL; starts as DEFAULT_EXPERIMENT. */
interface Draft {
  problem: Problem;
  steps: number;
  seed: number;
  noise: number;
  runs: readonly ExperimentRun[];
}

/** One key of the hash: how to write it from an experiment and read it back into one. */
interface UrlField {
  readonly key: string;
  /** The key's values for this experiment, none when the field holds its default. */
  write(experiment: Experiment): string[];
  /** Reads every value given for the key (raw, still escaped) into the draft; returns the problems. */
  read(texts: readonly string[], draft: Draft): string[];
}

/** A field with at most one value: where it lives in the experiment, its default, its text form. */
interface ScalarSpec<T> {
  readonly key: string;
  /** The field's value in an experiment, or undefined when the experiment does not have it. */
  get(experiment: Draft): T | undefined;
  set(draft: Draft, value: T): void;
  /** The value left out of the URL (undefined: only an absent value is left out). */
  readonly defaultValue: T | undefined;
  /** How a fallback is described: "using 300". */
  readonly fallback: string;
  format(value: T): string;
  /** Reads unescaped text; errors name the field ("steps: 'abc' is not a whole number"). */
  parse(text: string): Parsed<T>;
}

function scalarField<T>(spec: ScalarSpec<T>): UrlField {
  return {
    key: spec.key,
    write(experiment) {
      const value = spec.get(experiment);
      if (value === undefined || deepEqual(value, spec.defaultValue)) return [];
      return [spec.format(value)];
    },
    read(texts, draft) {
      if (texts.length === 0) return [];
      const problems = texts.length > 1 ? [`${spec.key}: given ${texts.length} times; reading the last`] : [];
      const text = unescapeText(texts[texts.length - 1]);
      const parsed = text.ok ? spec.parse(text.value) : ({ ok: false, error: `${spec.key}: ${text.error}` } as const);
      if (parsed.ok) spec.set(draft, parsed.value);
      else problems.push(`${parsed.error}; ${spec.fallback}`);
      return problems;
    },
  };
}

/** A number field checked against a range, e.g. steps in 1..100000. */
function numberField(key: 'steps' | 'seed' | 'noise', range: NumberRange): UrlField {
  const defaultValue = DEFAULT_EXPERIMENT[key];
  return scalarField<number>({
    key,
    get: (experiment) => experiment[key],
    set: (draft, value) => {
      draft[key] = value;
    },
    defaultValue,
    fallback: `using ${formatNumber(defaultValue)}`,
    format: formatNumber,
    parse(text) {
      const parsed = range.integer ? parseWholeNumber(text) : parseNumber(text);
      if (!parsed.ok) return { ok: false, error: `${key}: ${parsed.error}` };
      const error = checkNumber(parsed.value, range, key);
      return error ? { ok: false, error } : parsed;
    },
  });
}

const DEFAULT_PROBLEM = DEFAULT_EXPERIMENT.problem as SurfaceProblem;
const PROBLEM_FALLBACK = `using the default surface (${DEFAULT_PROBLEM.surface})`;

/** The fields of the hash, in the order they are written. Add a field here and both directions know it. */
const FIELDS: readonly UrlField[] = [
  {
    key: 'v',
    write: () => [String(EXPERIMENT_VERSION)],
    read(texts) {
      const version = texts[texts.length - 1];
      if (version === undefined || version === String(EXPERIMENT_VERSION)) return [];
      return [`v: version '${version}' is not one this playground reads (${EXPERIMENT_VERSION}); reading it as version ${EXPERIMENT_VERSION}`];
    },
  },
  scalarField<SurfaceProblem>({
    key: 'surface',
    // a surface with its parameters and, for an n-dimensional one, its dimension: rosenbrock(b=50,dimension=10)
    get: ({ problem }) => (isFormulaProblem(problem) ? undefined : { kind: 'surface', surface: problem.surface, params: problem.params, ...(problem.dimension !== undefined && { dimension: problem.dimension }) }),
    set: (draft, value) => {
      draft.problem = value;
    },
    defaultValue: { kind: 'surface', surface: DEFAULT_PROBLEM.surface, params: DEFAULT_PROBLEM.params },
    fallback: PROBLEM_FALLBACK,
    format: ({ surface, params, dimension }) =>
      formatCall(surface, [
        ...Object.entries(params).map(([name, value]) => ({ name, value: formatNumber(value) })),
        ...(dimension === undefined ? [] : [{ name: 'dimension', value: formatNumber(dimension) }]),
      ]),
    parse(text) {
      const call = parseCall(text);
      if (!call.ok) return { ok: false, error: `surface: ${call.error}` };
      const named = namedArguments(call.value, parseNumber);
      if (!named.ok) return { ok: false, error: `surface: ${named.error}` };
      const { dimension, ...params } = named.value;
      return fromChecked(checkSurface(call.value.name, params, 'surface', 'surface', dimension, 'surface.dimension'), ({ problem }) => problem as SurfaceProblem);
    },
  }),
  scalarField<string>({
    key: 'f',
    get: ({ problem }) => (isFormulaProblem(problem) ? problem.expression : undefined),
    set: (draft, expression) => {
      draft.problem = { kind: 'formula', expression };
    },
    defaultValue: undefined,
    fallback: PROBLEM_FALLBACK,
    format: (expression) => escapeText(expression),
    parse: (text) => fromChecked(checkExpression(text, 'f'), () => text),
  }),
  scalarField<Domain>({
    key: 'domain',
    get: ({ problem }) => problem.domain,
    set: (draft, domain) => {
      draft.problem = { ...draft.problem, domain };
    },
    defaultValue: undefined,
    fallback: "using the problem's own",
    format: ([[xMin, xMax], [yMin, yMax]]) => [xMin, xMax, yMin, yMax].map(formatNumber).join(','),
    parse(text) {
      const numbers = parseNumberList(text);
      if (!numbers.ok || numbers.value.length !== 4) return { ok: false, error: `domain: '${text}' is not four numbers xMin,xMax,yMin,yMax` };
      const [xMin, xMax, yMin, yMax] = numbers.value;
      return fromChecked(checkDomain([[xMin, xMax], [yMin, yMax]], 'domain'), (domain) => domain);
    },
  }),
  numberField('steps', STEPS_RANGE),
  numberField('seed', SEED_RANGE),
  numberField('noise', NOISE_RANGE),
  {
    key: 'run',
    write: ({ runs }) => (deepEqual(runs, DEFAULT_EXPERIMENT.runs) ? [] : runs.map(formatRun)),
    read(texts, draft) {
      if (texts.length === 0) return [];
      const dimension = problemDimension(draft.problem);
      const problems: string[] = [];
      const runs: ExperimentRun[] = [];
      texts.forEach((text, index) => {
        const parsed = parseRun(text, dimension);
        if (!parsed.ok) problems.push(`run ${index + 1}: ${parsed.error}; run dropped`);
        else if (runs.length === MAX_RUNS) problems.push(`run ${index + 1}: at most ${MAX_RUNS} runs; run dropped`);
        else {
          runs.push(parsed.value);
          problems.push(...parsed.problems.map((problem) => `run ${index + 1}: ${problem}`));
        }
      });
      if (runs.length > 0) draft.runs = runs;
      else problems.push('no run could be read; using the default runs');
      return problems;
    },
  },
];

const FIELD_KEYS = FIELDS.map((field) => field.key);

/** The share-URL hash (without '#') for an experiment, defaults left out; `view` appends view-state keys. */
export function encodeExperiment(experiment: Experiment, view: Readonly<Record<string, string>> = {}): string {
  const pairs: string[] = [];
  for (const field of FIELDS) {
    for (const text of field.write(experiment)) pairs.push(`${field.key}=${text}`);
  }
  for (const [key, value] of Object.entries(view)) {
    if (!(VIEW_KEYS as readonly string[]).includes(key)) throw new Error(`'${key}' is not a view key (${VIEW_KEYS.join(', ')})`);
    pairs.push(`${key}=${escapeText(value)}`);
  }
  return pairs.join('&');
}

/** Reads a share-URL hash (with or without '#'); never throws: what cannot be read falls back and is listed in `problems`. */
export function decodeExperiment(hash: string): DecodedExperiment {
  const problems: string[] = [];
  const view: Record<string, string> = {};
  const texts = new Map<string, string[]>(FIELD_KEYS.map((key) => [key, []]));
  const body = hash.startsWith('#') ? hash.slice(1) : hash;

  // '&' and '=' are split before unescaping, so an escaped "%26" inside a formula stays inside it.
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawKey = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    const key = unescapeText(rawKey);
    if (!key.ok) {
      problems.push(`${key.error}; ignored`);
      continue;
    }
    if (texts.has(key.value)) texts.get(key.value)?.push(value);
    else if ((VIEW_KEYS as readonly string[]).includes(key.value)) {
      const unescaped = unescapeText(value);
      if (unescaped.ok) view[key.value] = unescaped.value;
      else problems.push(`${key.value}: ${unescaped.error}; ignored`);
    } else if (equals < 0) problems.push(`'${shorten(pair)}' is not a key=value pair; ignored`);
    else problems.push(`unknown key '${shorten(key.value)}'${didYouMean(key.value, FIELD_KEYS)}; ignored`);
  }

  const formulaTexts = texts.get('f') ?? [];
  const surfaceTexts = texts.get('surface') ?? [];
  if (formulaTexts.length > 0 && surfaceTexts.length > 0) {
    problems.push('surface: ignored because the URL also gives a formula (f)');
    texts.set('surface', []);
  }

  const draft: Draft = { ...DEFAULT_EXPERIMENT };
  for (const field of FIELDS) problems.push(...field.read(texts.get(field.key) ?? [], draft));
  const experiment: Experiment = { version: EXPERIMENT_VERSION, ...draft };
  return { experiment, problems, view };
}

/** Coordinates a start point needs on a valid problem: 2 on the surfaces, the formula's on a formula. */
function problemDimension(problem: Problem): number {
  if (!isFormulaProblem(problem)) return 2;
  const compiled = compileFormula(problem.expression);
  return compiled.ok ? compiled.objective.dimension : 2;
}

function fromChecked<T, U>(checked: Checked<T>, pick: (value: T) => U): Parsed<U> {
  return checked.ok ? { ok: true, value: pick(checked.value) } : { ok: false, error: checked.errors.join('; ') };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Structural equality of JSON-like values; numbers by Object.is, so -0 differs from 0. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
