import type { ClipSpec } from '../engine/clipping';
import { shortened } from '../engine/checks';
import type { MethodSpec } from '../engine/methods/catalogue';
import type { HyperValues } from '../engine/methods/hyperparameters';
import { SCHEDULE_SPECS, type ScheduleSpec } from '../engine/schedules';
import { MAX_LABEL_LENGTH, type ExperimentRun } from './experiment';
import { didYouMean } from '../engine/suggest';
import { appendAll } from '../engine/check-values';
import { LIMITS } from '../engine/limits';
import { defaultFallback, readArguments, type ReadArguments } from './url-arguments';
import { formatCall, formatHyperValue, formatNumber, parseCall, parseNumber, parseNumberList, type Call, type Parsed } from './url-grammar';
import { escapeText, unescapeText } from './url-text';
import { checkClip, checkColor, checkMethodId, checkRun, checkSchedule, checkStart, resolveHyper } from './validate';

// One run in the share URL:
//   adam(lr=0.05,betas=0.9/0.999)@-1.5,2;schedule=cosine(T_max=300);clip=norm(1);label=Adam;color=e69f00;hidden
// optimizer(hyperparameters)@start first, then optional ';'-separated options. Only a label is
// free text, so only a label escapes ';'. The colour goes without its '#' (which would need
// escaping in a hash), and `hidden` is a bare flag, written only when the run is hidden. A run
// without a label is named by its settings where it is shown (run-name.ts), so no name is written for it.
// Reading is forgiving field by field, as the README promises: a bad hyperparameter takes its
// default, a bad schedule parameter its default, a bad schedule, clip, label, colour or flag
// costs that option, and an unknown one is ignored; each says so. Only a run whose optimizer or
// start cannot be read is dropped, because without them there is no run to keep. A data problem's
// run may leave out `@start`: it then starts from the model's default initialization, and a run
// starting there is written without one (an MLP has hundreds of weights).

/** The options a run may carry after its head, in the order they are written. */
const RUN_OPTIONS = ['schedule', 'clip', 'label', 'color', 'hidden'] as const;
type RunOption = (typeof RUN_OPTIONS)[number];

/** What each option falls back to when its value cannot be used. */
const OPTION_FALLBACKS: Readonly<Record<RunOption, string>> = {
  schedule: 'using a constant learning rate',
  clip: 'not clipping the gradient',
  label: "using the run's default name",
  color: "using the palette's colour",
  hidden: 'showing the run',
};

/** A run read from the URL, with what fell back in it; or why it could not be read at all. */
export type ParsedRun = { ok: true; value: ExperimentRun; problems: string[] } | { ok: false; error: string };

/** An option read from its text, with the parts of it that fell back alone (a schedule's parameters). */
type OptionRead = { ok: true; value: unknown; problems?: readonly string[] } | { ok: false; error: string };

/**
 * Writes a run as URL text; hyperparameters as given, schedule parameters that hold their default
 * left out, and the start left out when it is `defaultStart` (a data problem's initialization).
 */
export function formatRun(run: ExperimentRun, defaultStart?: readonly number[]): string {
  const hyper = Object.entries(run.hyper).map(([name, value]) => ({ name, value: formatHyperValue(value) }));
  let text = formatCall(run.optimizer, hyper);
  if (defaultStart === undefined || !sameNumbers(run.start, defaultStart)) text += `@${run.start.map(formatNumber).join(',')}`;
  if (run.schedule) text += `;schedule=${formatSchedule(run.schedule)}`;
  if (run.clip) text += `;clip=${formatClip(run.clip)}`;
  if (run.label !== undefined) text += `;label=${escapeText(run.label, ';')}`;
  if (run.color !== undefined) text += `;color=${run.color.replace(/^#/, '').toLowerCase()}`;
  if (run.hidden) text += ';hidden';
  return text;
}

/**
 * Reads a run written by `formatRun` (or by hand) for a problem of `dimension` coordinates. A bad
 * field falls back alone and is listed in `problems`; the run is refused only when its optimizer
 * or its start cannot be read. Without `@start` the run starts at `defaultStart` when the problem
 * has one (a data problem), else it is refused.
 */
export function parseRun(text: string, dimension: number, defaultStart?: readonly number[]): ParsedRun {
  const [rawHead, ...rawOptions] = text.split(';');
  const head = unescapeText(rawHead);
  if (!head.ok) return head;
  const at = head.value.indexOf('@');
  if (at < 0 && defaultStart === undefined) return { ok: false, error: `'${shortened(head.value)}' has no start point (write it as optimizer(...)@x,y)` };
  const method = readMethod(at < 0 ? head.value : head.value.slice(0, at));
  if (!method.ok) return method;
  const start = at < 0 ? { ok: true as const, value: (defaultStart ?? []).slice() } : readStart(head.value.slice(at + 1), dimension);
  if (!start.ok) return start;

  const { definition, call, problems } = method.value;
  const hyper = call === undefined ? { values: {}, problems: [] } : readHyper(definition, call);
  appendAll(problems, hyper.problems);
  const run: Record<string, unknown> = { optimizer: definition.id, hyper: hyper.values, start: start.value };
  for (const [key, option] of readOptions(rawOptions, problems)) {
    const value = option === undefined ? { ok: true as const, value: undefined } : unescapeText(option);
    const read = value.ok ? readOption(key, value.value) : value;
    if (read.ok) {
      run[key] = read.value;
      appendAll(problems, read.problems ?? []);
    } else problems.push(`${key}: ${read.error}; ${OPTION_FALLBACKS[key]}`);
  }

  // every field was checked on its own above; this is the same validation a JSON file gets
  const checked = checkRun(run, '', dimension);
  return checked.ok ? { ok: true, value: checked.value, problems } : { ok: false, error: checked.errors.join('; ') };
}

/** The coordinates after '@', checked against the problem's dimension. */
function readStart(text: string, dimension: number): Parsed<number[]> {
  const coordinates = parseNumberList(text);
  if (!coordinates.ok) return { ok: false, error: `start: ${coordinates.error}` };
  const start = checkStart(coordinates.value, 'start', dimension);
  return start.ok ? start : { ok: false, error: start.errors.join('; ') };
}

/** Same length and the same numbers (by Object.is, so -0 is written where it was given). */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/** The optimizer of a run's head, and its arguments when they can be read ("adam(lr=0.1" cannot). */
function readMethod(text: string): Parsed<{ definition: MethodSpec; call: Call | undefined; problems: string[] }> {
  const call = parseCall(text);
  const open = text.indexOf('(');
  const name = call.ok ? call.value.name : text.slice(0, open < 0 ? text.length : open);
  if (name === '') return { ok: false, error: `optimizer: missing before '@' (write the run as optimizer(...)@x,y)` };
  const method = checkMethodId(name, 'optimizer');
  if (!method.ok) return { ok: false, error: method.errors.join('; ') };
  const definition = method.value;
  const problems = call.ok ? [] : [`hyperparameters: ${call.error}; using ${definition.name}'s defaults`];
  return { ok: true, value: { definition, call: call.ok ? call.value : undefined, problems } };
}

/**
 * Reads an optimizer's hyperparameters, each alone. When the values are fine one by one but break
 * a rule between them (SGD's nesterov needs momentum), the value whose default mends it falls back:
 * the last such in the spec order, since later hyperparameters (nesterov) qualify earlier ones.
 */
function readHyper(definition: MethodSpec, call: Call): ReadArguments {
  const { values, problems } = readArguments(call.args, definition.hyperSpecs, { owner: definition.name, path: '' });
  const hyper: Record<string, unknown> = { ...values };
  const crossFieldError = () => definition.validate?.(resolveHyper(definition, hyper as HyperValues)) ?? null;
  for (let error = crossFieldError(); error !== null; error = crossFieldError()) {
    const given = definition.hyperSpecs.filter((spec) => Object.hasOwn(hyper, spec.name)).reverse();
    if (given.length === 0) break; // the defaults themselves break the rule; checkRun will say so
    const mending = given.find((spec) => definition.validate?.(resolveHyper(definition, withoutKey(hyper, spec.name) as HyperValues)) === null) ?? given[0];
    delete hyper[mending.name];
    problems.push(`${mending.name}: ${error}; ${defaultFallback(mending)}`);
  }
  return { values: hyper as HyperValues, problems };
}

function withoutKey(values: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = values;
  return rest;
}

/**
 * The options of a run by key, as raw text (undefined for a bare key such as `hidden`); an
 * unknown option is reported and ignored, and a repeated one reads its last value.
 */
function readOptions(rawOptions: readonly string[], problems: string[]): Map<RunOption, string | undefined> {
  const options = new Map<RunOption, string | undefined>();
  for (const rawOption of rawOptions) {
    if (rawOption === '') continue; // a stray ';' says nothing
    const equals = rawOption.indexOf('=');
    const key = equals < 0 ? rawOption : rawOption.slice(0, equals);
    if (!(RUN_OPTIONS as readonly string[]).includes(key)) {
      problems.push(`unknown option '${shortened(key)}'${didYouMean(key, RUN_OPTIONS)} (a run takes ${RUN_OPTIONS.join(', ')}); ignored`);
      continue;
    }
    if (options.has(key as RunOption)) problems.push(`${key}: given twice; reading the last`);
    options.set(key as RunOption, equals < 0 ? undefined : rawOption.slice(equals + 1));
  }
  return options;
}

/** Reads one option's (unescaped) value; `undefined` when it was written as a bare key. */
function readOption(key: RunOption, text: string | undefined): OptionRead {
  switch (key) {
    case 'label':
      return parseLabel(text ?? '');
    case 'schedule':
      return parseSchedule(text ?? '');
    case 'clip':
      return parseClip(text ?? '');
    case 'color':
      return parseColor(text ?? '');
    case 'hidden':
      return parseFlag(text);
  }
}

function parseLabel(text: string): Parsed<string> {
  if (text.length <= MAX_LABEL_LENGTH) return { ok: true, value: text };
  return { ok: false, error: LIMITS.labelLength.over(text.length) };
}

/** "e69f00" (a leading '#', escaped or not, is allowed too) as "#e69f00". */
function parseColor(text: string): Parsed<string> {
  const checked = checkColor(text.startsWith('#') ? text : `#${text}`, 'color');
  return checked.ok ? checked : { ok: false, error: `'${shortened(text)}' is not a colour written as six hex digits, like e69f00` };
}

/** A bare flag means true; "hidden=true" and "hidden=false" are read too. */
function parseFlag(text: string | undefined): Parsed<boolean> {
  if (text === undefined || text === 'true') return { ok: true, value: true };
  if (text === 'false') return { ok: true, value: false };
  return { ok: false, error: `'${shortened(text)}' is not true or false (write just ;hidden to hide the run)` };
}

/** "cosine(T_max=300)": the type, then the parameters that differ from SCHEDULE_SPECS' defaults. */
function formatSchedule(schedule: ScheduleSpec): string {
  const values = schedule as unknown as Readonly<Record<string, number>>;
  const specs = SCHEDULE_SPECS[schedule.type];
  const args = specs
    .filter((spec) => values[spec.name] !== undefined && !Object.is(values[spec.name], spec.defaultValue))
    .map((spec) => ({ name: spec.name, value: formatNumber(values[spec.name]) }));
  return formatCall(schedule.type, args);
}

/** A schedule's type must be known; each of its parameters then falls back to its default alone. */
function parseSchedule(text: string): OptionRead {
  const call = parseCall(text);
  if (!call.ok) return call;
  const { name: type, args } = call.value;
  const types = Object.keys(SCHEDULE_SPECS);
  if (!Object.hasOwn(SCHEDULE_SPECS, type)) return { ok: false, error: `unknown schedule '${shortened(type)}'${didYouMean(type, types)}; known: ${types.join(', ')}` };
  const { values, problems } = readArguments(args, SCHEDULE_SPECS[type as ScheduleSpec['type']], { owner: type, path: 'schedule' });
  const checked = checkSchedule({ type, ...values }, 'schedule');
  return checked.ok ? { ok: true, value: checked.value, problems } : { ok: false, error: checked.errors.join('; ') };
}

/** "norm(1)" or "value(0.5)": clip_grad_norm_'s max_norm or clip_grad_value_'s clip_value. */
function formatClip(clip: ClipSpec): string {
  const amount = clip.type === 'norm' ? clip.max_norm : clip.clip_value;
  return formatCall(clip.type, [{ value: formatNumber(amount) }]);
}

/** A clip is its type and its one amount; with either unreadable there is no clipping meant, so none is done. */
function parseClip(text: string): Parsed<ClipSpec> {
  const call = parseCall(text);
  if (!call.ok) return call;
  const { name, args } = call.value;
  if (name !== 'norm' && name !== 'value') return { ok: false, error: `'${shortened(name)}' is not norm or value${didYouMean(name, ['norm', 'value'])}` };
  const key = name === 'norm' ? 'max_norm' : 'clip_value';
  if (args.length !== 1) return { ok: false, error: `write it as ${name}(amount), e.g. ${name}(1)` };
  const [arg] = args;
  if (arg.name !== undefined && arg.name !== key) return { ok: false, error: `${name}(...) takes ${key}, not ${arg.name}` };
  const amount = parseNumber(arg.value);
  if (!amount.ok) return amount;
  const checked = checkClip({ type: name, [key]: amount.value }, ''); // messages name max_norm or clip_value, after "clip: "
  return checked.ok ? checked : { ok: false, error: checked.errors.join('; ') };
}
