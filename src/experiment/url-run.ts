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
import { checkRun } from './validate';

// One run in the share URL:
//   adam(lr=0.05,betas=0.9/0.999)@-1.5,2;schedule=cosine(T_max=300);clip=norm(1);label=Adam
// optimizer(hyperparameters)@start first, then optional ';'-separated options. Only a label is
// free text, so only a label escapes ';'.

/** The options a run may carry after its head, in the order they are written. */
const RUN_OPTIONS = ['schedule', 'clip', 'label'] as const;

/** Writes a run as URL text; hyperparameters as given, schedule parameters that hold their default left out. */
export function formatRun(run: ExperimentRun): string {
  const hyper = Object.entries(run.hyper).map(([name, value]) => ({ name, value: formatHyperValue(value) }));
  let text = `${formatCall(run.optimizer, hyper)}@${run.start.map(formatNumber).join(',')}`;
  if (run.schedule) text += `;schedule=${formatSchedule(run.schedule)}`;
  if (run.clip) text += `;clip=${formatClip(run.clip)}`;
  if (run.label !== undefined) text += `;label=${escapeText(run.label, ';')}`;
  return text;
}

/** Reads a run written by `formatRun` (or by hand) and validates it for a problem of `dimension` coordinates. */
export function parseRun(text: string, dimension: number): Parsed<ExperimentRun> {
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
  for (const rawOption of rawOptions) {
    const equals = rawOption.indexOf('=');
    const key = equals < 0 ? rawOption : rawOption.slice(0, equals);
    if (!(RUN_OPTIONS as readonly string[]).includes(key)) {
      return { ok: false, error: `unknown option '${key}'${didYouMean(key, RUN_OPTIONS)} (a run takes ${RUN_OPTIONS.join(', ')})` };
    }
    if (key in run) return { ok: false, error: `${key} is given twice` };
    const value = unescapeText(rawOption.slice(equals + 1));
    if (!value.ok) return { ok: false, error: `${key}: ${value.error}` };
    const parsed = key === 'label' ? ({ ok: true, value: value.value } as const) : key === 'schedule' ? parseSchedule(value.value) : parseClip(value.value);
    if (!parsed.ok) return { ok: false, error: `${key}: ${parsed.error}` };
    run[key] = parsed.value;
  }

  const checked = checkRun(run, '', dimension);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, error: checked.errors.join('; ') };
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
