import type { ClipSpec } from '../engine/clipping';
import type { Domain } from '../engine/objective';
import type { DatasetSpec } from '../engine/data/dataset-spec';
import type { ModelSpec } from '../engine/models';
import { METHOD_SPECS, getMethodSpec, type MethodSpec } from '../engine/methods/catalogue';
import type { HyperSpec, HyperValue, HyperValues } from '../engine/methods/first-order/optimizer';
import { SCHEDULE_SPECS, type ScheduleSpec } from '../engine/schedules';
import { checkDomain, checkFormulaText, checkProblem as checkProblemSpec, checkSurfaceFields, methodProblemMismatch, problemDimension, problemSuggestedStarts } from '../engine/problems';
import { checkHyperValue, checkNumber, describe, shortened } from '../engine/checks';
import { appendAll, copyHyperValue, fail, isJsonObject, joinPath, placeName, unknownKeys, type Checked } from '../engine/check-values';
import { LIMITS, capProblems } from '../engine/limits';
import {
  DEFAULT_NOISE,
  DEFAULT_SEED,
  DEFAULT_STEPS,
  EXPERIMENT_VERSION,
  MAX_LABEL_LENGTH,
  MAX_RUNS,
  MAX_STEPS,
  type Experiment,
  type ExperimentRun,
  type Problem,
} from './experiment';
import { didYouMean } from '../engine/suggest';
import { brokenTextProblem } from './broken-text';

// Validation of experiment JSON from anywhere (a file, the URL codec, the playground). Every
// error names its field by path and says what was expected and what came; all errors are
// reported at once so a hand-written file can be fixed in one go.

/** The outcome of reading experiment JSON: the normalized experiment, or every error found. */
export type ParseResult = { ok: true; experiment: Experiment } | { ok: false; errors: string[] };

export type { Checked };
export { checkDomain };

/** Largest uint32: seeds are 32-bit. */
const MAX_SEED = 0xffff_ffff;

const EXPERIMENT_KEYS = ['version', 'problem', 'steps', 'seed', 'noise', 'runs'] as const;
const RUN_KEYS = ['optimizer', 'hyper', 'start', 'schedule', 'clip', 'label', 'color', 'hidden'] as const;

/** A run colour as the experiment stores it: "#" and six lower-case hex digits. */
const COLOR_PATTERN = /^#[0-9a-f]{6}$/;

/** Allowed range of `steps`. */
export const STEPS_RANGE = { min: 1, max: MAX_STEPS, integer: true, limit: LIMITS.steps } as const;
/** Allowed range of `seed` (uint32). */
export const SEED_RANGE = { min: 0, max: MAX_SEED, integer: true } as const;
/** Allowed range of `noise` (a standard deviation). */
export const NOISE_RANGE = { min: 0, max: Infinity } as const;

/** Reads and validates experiment JSON (already parsed), filling defaults; all errors, not just the first. */
export function parseExperiment(json: unknown): ParseResult {
  if (!isJsonObject(json)) return { ok: false, errors: [`an experiment must be a JSON object, got ${describe(json)}`] };
  const errors: string[] = unknownKeys(json, EXPERIMENT_KEYS, placeName(''));

  if (json.version === undefined) errors.push(`version is missing (this playground reads version ${EXPERIMENT_VERSION})`);
  else if (json.version !== EXPERIMENT_VERSION) errors.push(`version must be ${EXPERIMENT_VERSION}, got ${describe(json.version)}`);

  let problem: Problem | undefined;
  let dimension: number | undefined;
  // a data problem's runs start, unless they say otherwise, from the model's default initialization
  let defaultStart: readonly number[] | undefined;
  if (json.problem === undefined) errors.push('problem is missing (give an "expression", a "surface" or a "dataset" with a "model")');
  else {
    const checked = checkProblem(json.problem, 'problem');
    const brokenText = brokenDatasetText(json.problem);
    if (checked.ok && brokenText.length === 0) ({ problem, dimension } = checked.value);
    else {
      if (!checked.ok) appendAll(errors, checked.errors);
      appendAll(errors, brokenText);
    }
    if (problem?.kind === 'data') defaultStart = problemSuggestedStarts(problem)[0];
    // an invalid data problem has its own messages; its runs' missing starts are not another
    else if (problem === undefined && isJsonObject(json.problem) && json.problem.dataset !== undefined) defaultStart = [];
  }

  const steps = json.steps === undefined ? DEFAULT_STEPS : json.steps;
  const seed = json.seed === undefined ? DEFAULT_SEED : json.seed;
  const noise = json.noise === undefined ? DEFAULT_NOISE : json.noise;
  pushDefined(errors, checkNumber(steps, STEPS_RANGE, 'steps'));
  pushDefined(errors, checkNumber(seed, SEED_RANGE, 'seed'));
  pushDefined(errors, checkNumber(noise, NOISE_RANGE, 'noise'));

  const runs: ExperimentRun[] = [];
  if (json.runs === undefined) errors.push('runs is missing (give at least one run)');
  else if (!Array.isArray(json.runs)) errors.push(`runs must be an array of runs, got ${describe(json.runs)}`);
  else if (json.runs.length > MAX_RUNS) errors.push(LIMITS.runs.message(json.runs.length));
  else if (json.runs.length < 1) {
    errors.push(`runs must hold 1 to ${MAX_RUNS} runs, got ${json.runs.length}`);
  } else {
    json.runs.forEach((run: unknown, index: number) => {
      const checked = checkRun(run, `runs[${index}]`, dimension, defaultStart);
      if (checked.ok) runs.push(checked.value);
      else appendAll(errors, checked.errors);
    });
  }

  if (problem !== undefined) appendAll(errors, runProblemMismatches(runs, problem));
  if (errors.length > 0 || problem === undefined) return { ok: false, errors };
  // steps, seed and noise passed checkNumber above
  const experiment: Experiment = { version: EXPERIMENT_VERSION, problem, steps: steps as number, seed: seed as number, noise: noise as number, runs };
  return { ok: true, experiment };
}

/** "runs[2].optimizer: Newton needs the Hessian ∇²f, which an MLP does not have here: ..." per run whose method the problem cannot serve. */
export function runProblemMismatches(runs: readonly ExperimentRun[], problem: Problem): string[] {
  const messages: string[] = [];
  runs.forEach((run, index) => {
    const method = getMethodSpec(run.optimizer);
    const mismatch = method ? methodProblemMismatch(method.needs, problem) : null;
    if (method && mismatch) messages.push(`runs[${index}].optimizer: ${method.name} ${mismatch}`);
  });
  return messages;
}

/** Fills the defaults of an experiment written with optional fields left out (steps, seed, noise, hyper, params). */
export function normalizeExperiment(input: ExperimentInput): Experiment {
  const given = input.problem;
  const problem: Problem =
    'expression' in given
      ? { ...given, kind: 'formula' }
      : 'dataset' in given
        ? { ...given, kind: 'data' }
        : { ...given, kind: 'surface', params: { ...(given.params ?? {}) } };
  return {
    version: EXPERIMENT_VERSION,
    problem,
    steps: input.steps ?? DEFAULT_STEPS,
    seed: input.seed ?? DEFAULT_SEED,
    noise: input.noise ?? DEFAULT_NOISE,
    runs: input.runs.map((run) => ({ ...run, hyper: { ...(run.hyper ?? {}) } })),
  };
}

/** An experiment as a person may write it: what has a default may be left out. */
export interface ExperimentInput {
  readonly version?: typeof EXPERIMENT_VERSION;
  readonly problem:
    | { readonly kind?: 'formula'; readonly expression: string; readonly domain?: Domain }
    | { readonly kind?: 'surface'; readonly surface: string; readonly params?: Readonly<Record<string, number>>; readonly dimension?: number; readonly domain?: Domain }
    | { readonly kind?: 'data'; readonly dataset: DatasetSpec; readonly model: ModelSpec; readonly batch_size?: number; readonly domain?: Domain };
  readonly steps?: number;
  readonly seed?: number;
  readonly noise?: number;
  readonly runs: readonly (Omit<ExperimentRun, 'hyper'> & { readonly hyper?: HyperValues })[];
}

/** A validated problem with the number of coordinates its start points need. */
export interface CheckedProblem {
  readonly problem: Problem;
  readonly dimension: number;
}

/** Validates a problem (any kind in engine/problems' registry) and says how many coordinates its starts need. */
export function checkProblem(value: unknown, path: string): Checked<CheckedProblem> {
  return withDimension(checkProblemSpec(value, path));
}

/** Validates a typed formula: it must compile (the compiler's message keeps its column). */
export function checkExpression(value: unknown, path: string): Checked<CheckedProblem> {
  return withDimension(checkFormulaText(value, path));
}

/** Validates a built-in surface id and the parameters given for it (those left out take the surface's defaults). */
export function checkSurface(id: unknown, params: unknown, idPath: string, paramsPath: string, dimension?: unknown, dimensionPath = 'dimension'): Checked<CheckedProblem> {
  return withDimension(checkSurfaceFields(id, params, dimension, { surface: idPath, params: paramsPath, dimension: dimensionPath }));
}

function withDimension(checked: Checked<Problem>): Checked<CheckedProblem> {
  return checked.ok ? { ok: true, value: { problem: checked.value, dimension: problemDimension(checked.value) } } : checked;
}

/**
 * Validates one run; `dimension` (unknown when the problem is invalid) fixes the start's length, and
 * `defaultStart` (a data problem's default initialization) stands in for a start left out.
 */
export function checkRun(value: unknown, path: string, dimension: number | undefined, defaultStart?: readonly number[]): Checked<ExperimentRun> {
  if (!isJsonObject(value)) return fail(`${path === '' ? 'a run' : path} must be an object like {"optimizer": "adam", "start": [-1, 1]}, got ${describe(value)}`);
  const errors = unknownKeys(value, RUN_KEYS, placeName(path));

  let optimizer: string | undefined;
  let hyper: HyperValues = {};
  const method = checkMethodId(value.optimizer, joinPath(path, 'optimizer'));
  if (!method.ok) appendAll(errors, method.errors);
  else {
    optimizer = method.value.id;
    const checked = checkHyper(optimizer, value.hyper === undefined ? {} : value.hyper, joinPath(path, 'hyper'));
    if (checked.ok) hyper = checked.value;
    else appendAll(errors, checked.errors);
  }

  const start = value.start === undefined && defaultStart !== undefined ? { ok: true as const, value: defaultStart.slice() } : checkStart(value.start, joinPath(path, 'start'), dimension);
  if (!start.ok) appendAll(errors, start.errors);

  let schedule: ScheduleSpec | undefined;
  if (value.schedule !== undefined) {
    const checked = checkSchedule(value.schedule, joinPath(path, 'schedule'));
    if (checked.ok) schedule = checked.value;
    else appendAll(errors, checked.errors);
  }
  let clip: ClipSpec | undefined;
  if (value.clip !== undefined) {
    const checked = checkClip(value.clip, joinPath(path, 'clip'));
    if (checked.ok) clip = checked.value;
    else appendAll(errors, checked.errors);
  }
  const label = value.label;
  if (label !== undefined && typeof label !== 'string') errors.push(`${joinPath(path, 'label')} must be a string, got ${describe(label)}`);
  else if (typeof label === 'string' && label.length > MAX_LABEL_LENGTH) {
    errors.push(LIMITS.labelLength.message(label.length, joinPath(path, 'label')));
  }
  if (typeof label === 'string') pushDefined(errors, brokenTextProblem(label, `${joinPath(path, 'label')}${runOrdinal(path)}`));

  const color = value.color === undefined ? undefined : checkColor(value.color, joinPath(path, 'color'));
  if (color && !color.ok) appendAll(errors, color.errors);
  const hidden = value.hidden === undefined ? undefined : checkHidden(value.hidden, joinPath(path, 'hidden'));
  if (hidden && !hidden.ok) appendAll(errors, hidden.errors);

  if (errors.length > 0 || optimizer === undefined || !start.ok) return { ok: false, errors };
  const run: ExperimentRun = {
    optimizer,
    hyper,
    start: start.value,
    ...(schedule && { schedule }),
    ...(clip && { clip }),
    ...(typeof label === 'string' && { label }),
    ...(color?.ok && { color: color.value }),
    // hidden: false is the same as leaving it out, so only true is kept (the URL writes it as a bare flag)
    ...(hidden?.ok && hidden.value && { hidden: true }),
  };
  return { ok: true, value: run };
}

/** Validates an optimizer id against the method registry and returns its definition. */
export function checkMethodId(value: unknown, path: string): Checked<MethodSpec> {
  if (value === undefined) return fail(`${path} is missing`);
  if (typeof value !== 'string') return fail(`${path} must be an optimizer id, got ${describe(value)}`);
  const definition = getMethodSpec(value);
  if (definition) return { ok: true, value: definition };
  const known = METHOD_SPECS.map((method) => method.id);
  return fail(`${path}: unknown optimizer '${shortened(value)}'${didYouMean(value, known)}; known: ${known.join(', ')}`);
}

/** Validates a run colour "#rrggbb" (hex digits in either case) and returns it in lower case. */
export function checkColor(value: unknown, path: string): Checked<string> {
  if (typeof value === 'string' && COLOR_PATTERN.test(value.toLowerCase())) return { ok: true, value: value.toLowerCase() };
  return fail(`${path} must be a colour written "#rrggbb", like "#e69f00", got ${describe(value)}`);
}

/** Validates a run's visibility flag: true hides the run from the map and the chart (it is still computed). */
export function checkHidden(value: unknown, path: string): Checked<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  return fail(`${path} must be true or false, got ${describe(value)}`);
}

/** Validates the hyperparameters given for an optimizer against its specs; keeps only what was given. */
export function checkHyper(optimizerId: string, value: unknown, path: string): Checked<HyperValues> {
  const definition = getMethodSpec(optimizerId);
  if (!definition) return fail(`unknown optimizer '${optimizerId}'`);
  if (!isJsonObject(value)) return fail(`${path} must be an object like {"lr": 0.01}, got ${describe(value)}`);
  const names = definition.hyperSpecs.map((spec) => spec.name);
  const errors = unknownKeys(value, names, placeName(path), `${definition.name} takes ${names.join(', ')}`);
  const hyper: Record<string, HyperValue> = {};
  for (const spec of definition.hyperSpecs) {
    if (value[spec.name] === undefined) continue;
    const given = value[spec.name];
    const message = checkHyperValue(given, spec, joinPath(path, spec.name));
    if (message) errors.push(message);
    else hyper[spec.name] = copyHyperValue(given as HyperValue);
  }
  if (errors.length > 0) return { ok: false, errors };
  // Cross-field rules (SGD's nesterov needs momentum) see the values the run will use.
  const crossFieldError = definition.validate?.(resolveHyper(definition, hyper));
  if (crossFieldError) return fail(`${placeName(path)}: ${crossFieldError}`);
  return { ok: true, value: hyper };
}

/** Validates a start point: `dimension` finite numbers. */
export function checkStart(value: unknown, path: string, dimension: number | undefined): Checked<number[]> {
  const expected = dimension === undefined ? 'an array of numbers' : `an array of ${dimension} numbers`;
  if (!Array.isArray(value)) return fail(`${path} must be ${expected} like [-1, 1], got ${describe(value)}`);
  if (dimension !== undefined && value.length !== dimension) return fail(`${path} must be ${expected}, got ${value.length}`);
  if (value.length > LIMITS.startLength.value) return fail(LIMITS.startLength.message(value.length, path));
  const errors: string[] = [];
  value.forEach((coordinate: unknown, index: number) => pushDefined(errors, checkNumber(coordinate, { min: -Infinity, max: Infinity }, `${path}[${index}]`)));
  // a start of 100,000 strings is one mistake, not 100,000 lines
  if (errors.length > 0) return { ok: false, errors: capProblems(errors) };
  return { ok: true, value: [...(value as number[])] };
}

/** Validates a learning-rate schedule against SCHEDULE_SPECS; missing parameters take their defaults. */
export function checkSchedule(value: unknown, path: string): Checked<ScheduleSpec> {
  const types = Object.keys(SCHEDULE_SPECS);
  if (!isJsonObject(value)) return fail(`${path} must be an object like {"type": "cosine", "T_max": 100}, got ${describe(value)}`);
  const type = value.type;
  const typePath = joinPath(path, 'type');
  if (typeof type !== 'string') return fail(`${typePath} must be one of ${types.join(', ')}, got ${describe(type)}`);
  if (!Object.hasOwn(SCHEDULE_SPECS, type)) return fail(`${typePath}: unknown schedule '${shortened(type)}'${didYouMean(type, types)}; known: ${types.join(', ')}`);
  const specs = SCHEDULE_SPECS[type as ScheduleSpec['type']];
  const names = specs.map((spec) => spec.name);
  const known = `${type} takes ${names.length === 0 ? 'no parameters' : names.join(', ')}`;
  const errors = unknownKeys(value, ['type', ...names], placeName(path), known);
  const schedule: Record<string, unknown> = { type };
  for (const spec of specs) {
    const given = value[spec.name] === undefined ? spec.defaultValue : value[spec.name];
    const message = checkHyperValue(given, spec, joinPath(path, spec.name));
    if (message) errors.push(message);
    else schedule[spec.name] = given;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: schedule as ScheduleSpec };
}

/** Validates gradient clipping: {"type": "norm", "max_norm": > 0} or {"type": "value", "clip_value": > 0}. */
export function checkClip(value: unknown, path: string): Checked<ClipSpec> {
  const shape = '{"type": "norm", "max_norm": 1} or {"type": "value", "clip_value": 0.5}';
  if (!isJsonObject(value)) return fail(`${path} must be ${shape}, got ${describe(value)}`);
  const type = value.type;
  if (type !== 'norm' && type !== 'value') {
    const hint = typeof type === 'string' ? didYouMean(type, ['norm', 'value']) : '';
    return fail(`${joinPath(path, 'type')} must be "norm" or "value", got ${describe(type)}${hint}`);
  }
  const key = type === 'norm' ? 'max_norm' : 'clip_value';
  const errors = unknownKeys(value, ['type', key], placeName(path));
  const message = checkNumber(value[key], { min: 0, max: Infinity, exclusiveMin: true }, joinPath(path, key));
  if (message) errors.push(message);
  if (errors.length > 0) return { ok: false, errors };
  const amount = value[key] as number;
  return { ok: true, value: type === 'norm' ? { type, max_norm: amount } : { type, clip_value: amount } };
}

/** The complete hyperparameters of a run: the ones given, torch's defaults for the rest. */
export function resolveHyper(definition: { readonly hyperSpecs: readonly HyperSpec[] }, given: HyperValues): HyperValues {
  const hyper: Record<string, HyperValue> = {};
  for (const spec of definition.hyperSpecs) hyper[spec.name] = given[spec.name] ?? spec.defaultValue;
  return hyper;
}


function pushDefined(errors: string[], message: string | undefined): void {
  if (message !== undefined) errors.push(message);
}

/** " (run 2)" for the path "runs[1]", so a message names the run as the page numbers it. */
function runOrdinal(path: string): string {
  const match = /^runs\[(\d+)\]$/.exec(path);
  return match ? ` (run ${Number(match[1]) + 1})` : '';
}

/** Lone surrogates in a CSV problem's own names (its file, target and feature columns): the formula's parser refuses them by itself. */
function brokenDatasetText(problem: unknown): string[] {
  if (!isJsonObject(problem) || !isJsonObject(problem.dataset)) return [];
  const { csv, target, features } = problem.dataset;
  const texts: [unknown, string][] = [
    [csv, 'problem.dataset.csv'],
    [target, 'problem.dataset.target'],
    ...(Array.isArray(features) ? features.map((feature, index): [unknown, string] => [feature, `problem.dataset.features[${index}]`]) : []),
  ];
  return texts.flatMap(([text, field]) => (typeof text === 'string' ? (brokenTextProblem(text, field) ?? []) : []));
}
