import { didYouMean } from '../engine/suggest';
import { shortened } from '../engine/checks';
import { appendAll } from '../engine/check-values';
import { LIMITS, capProblems, grouped } from '../engine/limits';
import { NO_ANALYSIS_SETTINGS } from './analysis-settings';
import { DEFAULT_EXPERIMENT, type Experiment } from './experiment';
import { DEFAULT_URL_VIEW, NO_LINK_FILES, type DecodedUrlState, type LinkFiles, type UrlDraft, type UrlField, type UrlPart, type UrlState } from './url-field';
import { ANALYSIS_FIELDS } from './url-fields-analyses';
import { CLASSROOM_FIELDS } from './url-fields-classroom';
import { EXPERIMENT_FIELDS } from './url-fields-experiment';
import { RESERVED_VIEW_KEYS, VIEW_FIELDS } from './url-fields-view';
import { unescapeText } from './url-text';
import { bundledSetToLoad } from './url-data-files';

// The share URL: a readable, hand-editable hash in the style of TensorFlow Playground,
//   #v=1&surface=himmelblau&steps=100&run=adam(lr=0.05)@-1.5,2&view=-8,8,-8,8&step=25&basin=1,128,minimum
// the experiment's keys (url-fields-experiment.ts), then the view's (url-fields-view.ts), then the
// analyses' (url-fields-analyses.ts). One table of fields drives both directions. A field that
// holds its default is left out; a field that cannot be read falls back to its default alone and
// says so in `problems`. Decoding never throws: a pasted URL always opens something.

export { DEFAULT_URL_VIEW, NO_LINK_FILES, type DecodedUrlState, type LinkFiles, type LoadedFile, type UrlState, type UrlView } from './url-field';

/** The fields of the hash, in the order they are written and read. Add a field here and both directions know it. */
const URL_FIELDS: readonly UrlField[] = [...EXPERIMENT_FIELDS, ...VIEW_FIELDS, ...CLASSROOM_FIELDS, ...ANALYSIS_FIELDS];

/** Every key the table reads and writes, in table order. */
export const URL_KEYS: readonly string[] = URL_FIELDS.map((field) => field.key);

/** The share-URL hash (without '#') for a state: each field in table order, defaults left out. */
export function encodeUrlState(state: UrlState): string {
  const pairs: string[] = [];
  for (const field of URL_FIELDS) {
    for (const text of field.write(state)) pairs.push(`${field.key}=${text}`);
  }
  return pairs.join('&');
}

/**
 * Reads a share-URL hash (with or without '#') and the page's query string, whose `?engine=`
 * wins over the hash's `engine=` (it is the override typed in front of a shared link). `files` are
 * the files the link names that the host loaded first (linkBundledSets). Never throws: what cannot
 * be read falls back and is listed in `problems`.
 */
export function decodeUrlState(hash: string, search = '', files: LinkFiles = NO_LINK_FILES): DecodedUrlState {
  const queryEngine = queryParameter(search, 'engine');
  return decodeFields(hash, URL_FIELDS, queryEngine === undefined ? {} : { engine: [queryEngine] }, files);
}

/** The hash of an experiment alone, with no view or analyses (the CLI, the recent-experiments menu). */
export function encodeExperiment(experiment: Experiment): string {
  return encodeUrlState({ experiment, view: DEFAULT_URL_VIEW, analyses: NO_ANALYSIS_SETTINGS });
}

/**
 * The experiment a hash opens, and what was wrong in the experiment's keys; the view and analysis
 * keys are accepted but not read (the CLI reproduces the experiment and refuses a link with problems).
 */
export function decodeExperiment(hash: string, files: LinkFiles = NO_LINK_FILES): { experiment: Experiment; problems: string[] } {
  const { experiment, problems } = decodeFields(hash, fieldsOf('experiment'), {}, files);
  return { experiment, problems };
}

/**
 * The bundled data sets a hash's problem names without their text (a link carries them by name):
 * the host loads each (the page fetches datasets/<name>.csv) and passes them to decodeUrlState.
 */
export function linkBundledSets(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.length > LIMITS.linkLength.value) return []; // decodeFields refuses the whole link
  // the field reads the last problem= given
  const text = body
    .split('&')
    .filter((pair) => pair.startsWith('problem='))
    .map((pair) => unescapeText(pair.slice('problem='.length)))
    .at(-1);
  if (text === undefined || !text.ok) return [];
  try {
    const name = bundledSetToLoad(JSON.parse(text.value));
    return name === undefined ? [] : [name];
  } catch {
    return []; // the problem field says it is not JSON
  }
}

/** The fields of one part, in table order. */
function fieldsOf(part: UrlPart): readonly UrlField[] {
  return URL_FIELDS.filter((field) => field.part === part);
}

/** Reads `fields` from a hash into a draft that starts at the defaults; `overrides` replace a key's values from the hash. */
function decodeFields(hash: string, fields: readonly UrlField[], overrides: Readonly<Record<string, string[]>>, files: LinkFiles): DecodedUrlState {
  const problems: string[] = [];
  const texts = new Map<string, string[]>(fields.map((field) => [field.key, []]));
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const draft: UrlDraft = { experiment: { ...DEFAULT_EXPERIMENT }, view: { ...DEFAULT_URL_VIEW }, analyses: { ...NO_ANALYSIS_SETTINGS } };
  // a link longer than any the playground writes is refused whole, before any work is spent on it
  if (body.length > LIMITS.linkLength.value) return { ...draft, problems: [`${LIMITS.linkLength.message(body.length)}; opened the default experiment instead`] };
  let unknownCount = 0;

  // '&' and '=' are split before unescaping, so an escaped "%26" inside a formula stays inside it.
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawKey = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    const key = unescapeText(rawKey);
    if (!key.ok) problems.push(`${key.error}; ignored`);
    else if (texts.has(key.value)) texts.get(key.value)?.push(value);
    else if (URL_KEYS.includes(key.value)) continue; // a key of a part not read here
    else if (RESERVED_VIEW_KEYS.includes(key.value)) {
      const unescaped = unescapeText(value);
      if (!unescaped.ok) problems.push(`${key.value}: ${unescaped.error}; ignored`);
    } else if (++unknownCount > LIMITS.listedProblems.value) continue; // counted, not listed (and no suggestion computed)
    else if (equals < 0) problems.push(`'${shortened(pair)}' is not a key=value pair; ignored`);
    else problems.push(`unknown key '${shortened(key.value)}'${didYouMean(key.value, URL_KEYS)}; ignored`);
  }
  const unlisted = unknownCount - LIMITS.listedProblems.value;
  if (unlisted > 0) problems.push(`… and ${grouped(unlisted)} more unknown ${unlisted === 1 ? 'key' : 'keys'}; ignored`);
  for (const [key, values] of Object.entries(overrides)) texts.set(key, values);

  // a formula and a surface are two problems; the formula, typed by hand, is the one meant
  if ((texts.get('f') ?? []).length > 0 && (texts.get('surface') ?? []).length > 0) {
    problems.push('surface: ignored because the URL also gives a formula (f)');
    texts.set('surface', []);
  }

  for (const field of fields) appendAll(problems, field.read(texts.get(field.key) ?? [], draft, files));
  return { ...draft, problems: capProblems(problems) };
}

/**
 * The first value of `name` in a query string ("?lang=en&engine=js"), as URL text for a field to
 * unescape ('+' is a space in a query string); undefined when it is not there.
 */
function queryParameter(search: string, name: string): string | undefined {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const equals = pair.indexOf('=');
    const key = unescapeText((equals < 0 ? pair : pair.slice(0, equals)).replaceAll('+', ' '));
    if (key.ok && key.value === name) return equals < 0 ? '' : pair.slice(equals + 1).replaceAll('+', '%20');
  }
  return undefined;
}
