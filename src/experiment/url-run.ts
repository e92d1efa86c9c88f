import type { ClipSpec } from '../engine/clipping';
import { SCHEDULE_SPECS, type ScheduleSpec } from '../engine/schedules';
import type { ExperimentRun } from './experiment';
import { didYouMean } from '../engine/suggest';
import {
  formatCall,
  formatHyperValue,
  formatNumber,
  namedArguments,
  parseCall,
  parseHyperValue,
  parseNumber,
  parseNumberList,
  type Parsed,
} from './url-grammar';
import { escapeText, unescapeText } from './url-text';
import { checkColor, checkRun } from './validate';

// One run in the share URL:
//   adam(lr=0.05,betas=0.9/0.999)@-1.5,2;schedule=cosine(T_max=300);clip=norm(1);label=Adam;color=e69f00;hidden
// optimizer(hyperparameters)@start first, then optional ';'-separated options. Only a label is
// free text, so only a label escapes ';'. The colour goes without its '#' (which would need
// escaping in a hash), and `hidden` is a bare flag, written only when the run is hidden.
// A bad colour or visibility only costs that option (the run keeps its palette colour, or is
// shown); anything else wrong drops the run, because the run would not be the one meant.

/** The options a run may carry after its head, in the order they are written. */
const RUN_OPTIONS = ['schedule', 'clip', 'label', 'color', 'hidden'] as const;
type RunOption = (typeof RUN_OPTIONS)[number];

/** Options that only change how a run looks: a bad value falls back for the option alone. */
const COSMETIC_FALLBACKS: Readonly<Record<string, string>> = {
  color: "using the palette's colour",
  hidden: 'showing the run',
};

/** A run read from the URL, with what was wrong in its cosmetic options; or why it could not be read. */
export type ParsedRun = { ok: true; value: ExperimentRun; problems: string[] } | { ok: false; error: string };

/** Writes a run as URL text; hyperparameters as given, schedule parameters that hold their default left out. */
export function formatRun(run: ExperimentRun): string {
  const hyper = Object.entries(run.hyper).map(([name, value]) => ({ name, value: formatHyperValue(value) }));
  let text = `${formatCall(run.optimizer, hyper)}@${run.start.map(formatNumber).join(',')}`;
  if (run.schedule) text += `;schedule=${formatSchedule(run.schedule)}`;
  if (run.clip) text += `;clip=${formatClip(run.clip)}`;
  if (run.label !== undefined) text += `;label=${escapeText(run.label, ';')}`;
  if (run.color !== undefined) text += `;color=${run.color.replace(/^#/, '').toLowerCase()}`;
  if (run.hidden) text += ';hidden';
  return text;
}

/** Reads a run written by `formatRun` (or by hand) and validates it for a problem of `dimension` coordinates. */
export function parseRun(text: string, dimension: number): ParsedRun {
  const [rawHead, ...rawOptions] = text.split(';');
  const head = unescapeText(rawHead);
  if (!head.ok) return head;
  const at = head.value.indexOf('@');
  if (at < 0) return { ok: false, error: `'${head.value}' has no start point (write it as optimizer(...)@x,y)` };
  const call = parseCall(head.value.slice(0, at));
  if (!call.ok) return call;
  const hyper = namedArguments(call.value, parseHyperValue);
  if (!hyper.ok) return hyper;
  const start = parseNumberList(head.value.slice(at + 1));
  if (!start.ok) return { ok: false, error: `start: ${start.error}` };

  const run: Record<string, unknown> = { optimizer: call.value.name, hyper: hyper.value, start: start.value };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rawOption of rawOptions) {
    const equals = rawOption.indexOf('=');
    const key = equals < 0 ? rawOption : rawOption.slice(0, equals);
    if (!(RUN_OPTIONS as readonly string[]).includes(key)) {
      return { ok: false, error: `unknown option '${key}'${didYouMean(key, RUN_OPTIONS)} (a run takes ${RUN_OPTIONS.join(', ')})` };
    }
    if (seen.has(key)) return { ok: false, error: `${key} is given twice` };
    seen.add(key);
    const value = unescapeText(rawOption.slice(equals + 1));
    const parsed = value.ok ? parseOption(key as RunOption, equals < 0 ? undefined : value.value) : value;
    if (parsed.ok) run[key] = parsed.value;
    else if (Object.hasOwn(COSMETIC_FALLBACKS, key)) problems.push(`${key}: ${parsed.error}; ${COSMETIC_FALLBACKS[key]}`);
    else return { ok: false, error: `${key}: ${parsed.error}` };
  }

  const checked = checkRun(run, '', dimension);
  return checked.ok ? { ok: true, value: checked.value, problems } : { ok: false, error: checked.errors.join('; ') };
}

/** Reads one option's (unescaped) value; `undefined` when it was written as a bare key. */
function parseOption(key: RunOption, text: string | undefined): Parsed<unknown> {
  switch (key) {
    case 'label':
      return { ok: true, value: text ?? '' };
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

/** "e69f00" (a leading '#', escaped or not, is allowed too) as "#e69f00". */
function parseColor(text: string): Parsed<string> {
  const checked = checkColor(text.startsWith('#') ? text : `#${text}`, 'color');
  return checked.ok ? checked : { ok: false, error: `'${text}' is not a colour written as six hex digits, like e69f00` };
}

/** A bare flag means true; "hidden=true" and "hidden=false" are read too. */
function parseFlag(text: string | undefined): Parsed<boolean> {
  if (text === undefined || text === 'true') return { ok: true, value: true };
  if (text === 'false') return { ok: true, value: false };
  return { ok: false, error: `'${text}' is not true or false (write just ;hidden to hide the run)` };
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

function parseSchedule(text: string): Parsed<Record<string, unknown>> {
  const call = parseCall(text);
  if (!call.ok) return call;
  const args = namedArguments(call.value, parseNumber);
  if (!args.ok) return args;
  return { ok: true, value: { type: call.value.name, ...args.value } };
}

/** "norm(1)" or "value(0.5)": clip_grad_norm_'s max_norm or clip_grad_value_'s clip_value. */
function formatClip(clip: ClipSpec): string {
  const amount = clip.type === 'norm' ? clip.max_norm : clip.clip_value;
  return formatCall(clip.type, [{ value: formatNumber(amount) }]);
}

function parseClip(text: string): Parsed<Record<string, unknown>> {
  const call = parseCall(text);
  if (!call.ok) return call;
  const { name, args } = call.value;
  if (name !== 'norm' && name !== 'value') return { ok: true, value: { type: name } }; // validation names the bad type
  const key = name === 'norm' ? 'max_norm' : 'clip_value';
  if (args.length !== 1) return { ok: false, error: `write it as ${name}(amount), e.g. ${name}(1)` };
  const [arg] = args;
  if (arg.name !== undefined && arg.name !== key) return { ok: false, error: `${name}(...) takes ${key}, not ${arg.name}` };
  const amount = parseNumber(arg.value);
  if (!amount.ok) return amount;
  return { ok: true, value: { type: name, [key]: amount.value } };
}
