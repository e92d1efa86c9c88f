import { appendAll } from '../engine/check-values';
import { checkNumber, type NumberRange, shortened } from '../engine/checks';
import type { Domain } from '../engine/objective';
import { problemDimension, problemSuggestedStarts } from '../engine/problems';
import { DEFAULT_EXPERIMENT, EXPERIMENT_VERSION, MAX_RUNS, isFormulaProblem, type ExperimentRun, type Problem, type SurfaceProblem } from './experiment';
import { deepEqual, valueField, type FieldRead, type UrlDraft, type UrlField } from './url-field';
import { formatCall, formatNumber, namedArguments, parseCall, parseNumber, parseNumberList, parseWholeNumber } from './url-grammar';
import { MAX_LINK_CSV_CHARACTERS, portableProblem } from './portable-problem';
import { withLinkFiles } from './url-data-files';
import { formatRun, parseRun } from './url-run';
import { escapeText } from './url-text';
import { NOISE_RANGE, SEED_RANGE, STEPS_RANGE, checkDomain, checkExpression, checkProblem, checkSurface, runProblemMismatches, type Checked } from './validate';

// The experiment's keys of the share URL, in the style of TensorFlow Playground:
//   v=1&f=(1-x)^2+100*(y-x^2)^2&domain=-2,2,-1,3&steps=300&noise=0.1
//   &run=adam(lr=0.05,betas=0.9/0.999)@-1.5,2&run=sgd(lr=0.01,momentum=0.9)@-1,1;clip=norm(1)
//   &run=adam@0,1;label=Adam;color=e69f00;hidden
// or, for a built-in surface, surface=rosenbrock(b=50) (an n-dimensional one with its dimension
// as a named argument: surface=rosenbrock(dimension=10)). Any other kind (a data problem) is its
// JSON in problem=..., a bundled data set by its name and a CSV compressed when it fits
// (portable-problem.ts); a data problem's run leaves out a start that is the model's default
// initialization (an MLP's hundreds of weights): run=adam(lr=0.01).

/** A number field checked against a range, e.g. steps in 1..100000. */
function numberField(key: 'steps' | 'seed' | 'noise', range: NumberRange): UrlField {
  const defaultValue = DEFAULT_EXPERIMENT[key];
  return valueField<number>({
    key,
    part: 'experiment',
    get: ({ experiment }) => experiment[key],
    set: (draft, value) => {
      draft.experiment[key] = value;
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

/** The experiment's keys, in the order they are written. */
export const EXPERIMENT_FIELDS: readonly UrlField[] = [
  {
    key: 'v',
    part: 'experiment',
    write: () => [String(EXPERIMENT_VERSION)],
    read(texts) {
      const version = texts[texts.length - 1];
      if (version === undefined || version === String(EXPERIMENT_VERSION)) return [];
      return [`v: version '${shortened(version)}' is not one this playground reads (${EXPERIMENT_VERSION}); reading it as version ${EXPERIMENT_VERSION}`];
    },
  },
  valueField<SurfaceProblem>({
    key: 'surface',
    part: 'experiment',
    // a surface with its parameters and, for an n-dimensional one, its dimension: rosenbrock(b=50,dimension=10)
    get: ({ experiment: { problem } }) =>
      problem.kind !== 'surface' ? undefined : { kind: 'surface', surface: problem.surface, params: problem.params, ...(problem.dimension !== undefined && { dimension: problem.dimension }) },
    set: (draft, value) => {
      draft.experiment.problem = value;
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
  valueField<string>({
    key: 'f',
    part: 'experiment',
    get: ({ experiment: { problem } }) => (isFormulaProblem(problem) ? problem.expression : undefined),
    set: (draft, expression) => {
      draft.experiment.problem = { kind: 'formula', expression };
    },
    defaultValue: undefined,
    fallback: PROBLEM_FALLBACK,
    format: (expression) => escapeText(expression),
    parse: (text) => fromChecked(checkExpression(text, 'f'), () => text),
  }),
  valueField<Problem>({
    // a kind without a key of its own (any kind the problem registry gains) travels as its JSON
    key: 'problem',
    part: 'experiment',
    get: ({ experiment: { problem } }) => {
      if (problem.kind === 'surface' || problem.kind === 'formula') return undefined;
      const { domain: _domain, ...withoutDomain } = portableProblem(problem, MAX_LINK_CSV_CHARACTERS);
      return withoutDomain as Problem;
    },
    set: (draft, problem) => {
      draft.experiment.problem = problem;
    },
    defaultValue: undefined,
    fallback: PROBLEM_FALLBACK,
    format: (problem) => escapeText(JSON.stringify(problem)),
    parse(text, _draft, files) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ok: false, error: `problem: '${shortened(text)}' is not JSON` };
      }
      const loaded = withLinkFiles(json, files);
      if (!loaded.ok) return { ok: false, error: `problem: ${loaded.error}` };
      return fromChecked(checkProblem(loaded.value, 'problem'), ({ problem }) => problem);
    },
  }),
  valueField<Domain>({
    key: 'domain',
    part: 'experiment',
    get: ({ experiment }) => experiment.problem.domain,
    set: (draft, domain) => {
      draft.experiment.problem = { ...draft.experiment.problem, domain };
    },
    defaultValue: undefined,
    fallback: "using the problem's own",
    format: ([[xMin, xMax], [yMin, yMax]]) => [xMin, xMax, yMin, yMax].map(formatNumber).join(','),
    parse(text) {
      const numbers = parseNumberList(text);
      if (!numbers.ok || numbers.value.length !== 4) return { ok: false, error: `domain: '${shortened(text)}' is not four numbers xMin,xMax,yMin,yMax` };
      const [xMin, xMax, yMin, yMax] = numbers.value;
      return fromChecked(checkDomain([[xMin, xMax], [yMin, yMax]], 'domain'), (domain) => domain);
    },
  }),
  numberField('steps', STEPS_RANGE),
  numberField('seed', SEED_RANGE),
  numberField('noise', NOISE_RANGE),
  {
    // one key per run, repeated: a bad field costs that field of its run alone (url-run.ts), and a
    // run whose optimizer or start cannot be read costs that run alone, not the whole list
    key: 'run',
    part: 'experiment',
    write: ({ experiment: { runs, problem } }) => {
      if (deepEqual(runs, DEFAULT_EXPERIMENT.runs)) return [];
      const defaultStart = defaultStartOf(problem);
      return runs.map((run) => formatRun(run, defaultStart));
    },
    read(texts, draft) {
      // the problem is read by now, so a start point is checked against its dimension
      const dimension = problemDimension(draft.experiment.problem);
      if (texts.length === 0) {
        fitDefaultRuns(draft.experiment, dimension);
        return [];
      }
      const defaultStart = defaultStartOf(draft.experiment.problem);
      const problems: string[] = [];
      const runs: ExperimentRun[] = [];
      texts.forEach((text, index) => {
        const parsed = parseRun(text, dimension, defaultStart);
        // a method the problem cannot serve (Newton on an MLP) costs that run alone, as a JSON file is refused
        const mismatch = parsed.ok ? runProblemMismatches([parsed.value], draft.experiment.problem)[0] : undefined;
        if (!parsed.ok) problems.push(`run ${index + 1}: ${parsed.error}; run dropped`);
        else if (mismatch !== undefined) problems.push(`run ${index + 1}: ${mismatch.replace(/^runs\[0\]\.optimizer: /, '')}; run dropped`);
        else if (runs.length === MAX_RUNS) problems.push(`run ${index + 1}: at most ${MAX_RUNS} runs; run dropped`);
        else {
          runs.push(parsed.value);
          // the run's label, when it has one, is what the page shows it as
          const name = parsed.value.label ? ` (${shortened(parsed.value.label)})` : '';
          appendAll(problems, parsed.problems.map((problem) => `run ${index + 1}${name}: ${problem}`));
        }
      });
      if (runs.length > 0) draft.experiment.runs = runs;
      else {
        fitDefaultRuns(draft.experiment, dimension);
        problems.push('no run could be read; using the default runs');
      }
      return problems;
    },
  },
];

/**
 * The default runs start where the problem suggests when theirs has the wrong number of coordinates
 * (a link with surface=rosenbrock(dimension=5) and no run it can read); they were left at the plane's.
 */
function fitDefaultRuns(experiment: UrlDraft['experiment'], dimension: number): void {
  if (experiment.runs !== DEFAULT_EXPERIMENT.runs || DEFAULT_EXPERIMENT.runs.every((run) => run.start.length === dimension)) return;
  const start = defaultStartOf(experiment.problem) ?? problemSuggestedStarts(experiment.problem)[0];
  experiment.runs = DEFAULT_EXPERIMENT.runs.map((run) => ({ ...run, start: [...start] }));
}

/** A data problem's default start (the model's seeded initialization), which a run may leave out; none for other kinds. */
function defaultStartOf(problem: Problem): readonly number[] | undefined {
  if (problem.kind !== 'data') return undefined;
  try {
    return problemSuggestedStarts(problem)[0];
  } catch {
    // a problem that never passed validation (its data cannot be read): every start is written
    return undefined;
  }
}

function fromChecked<T, U>(checked: Checked<T>, pick: (value: T) => U): FieldRead<U> {
  return checked.ok ? { ok: true, value: pick(checked.value) } : { ok: false, error: checked.errors.join('; ') };
}
