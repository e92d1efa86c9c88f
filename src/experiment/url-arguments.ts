import { checkHyperValue, shortened } from '../engine/checks';
import { joinPath } from '../engine/check-values';
import type { HyperSpec, HyperValue, HyperValues } from '../engine/methods/hyperparameters';
import { didYouMean } from '../engine/suggest';
import { formatHyperValue, parseNumber, type CallArgument, type Parsed } from './url-grammar';

// The named arguments of a call in a link, read against the specs of what they set: an
// optimizer's hyperparameters ("adam(lr=abc,betas=0.9/0.999)") or a schedule's parameters
// ("cosine(T_max=0)"). Each argument stands alone: one that cannot be read, is out of range,
// is unknown or has no name costs that argument, and the rest of the call is kept. An argument
// left out takes its spec's default later, where the run is resolved.

/** Arguments read from a call: the good values by name, and one sentence per argument that fell back. */
export interface ReadArguments {
  readonly values: HyperValues;
  readonly problems: string[];
}

/** Where the arguments belong, for messages: the owner's name ("Adam", "cosine") and the path before each name ("" or "schedule"). */
export interface ArgumentsPlace {
  readonly owner: string;
  readonly path: string;
}

/** Reads each named argument against its spec; a bad one falls back to the spec's default alone. */
export function readArguments(args: readonly CallArgument[], specs: readonly HyperSpec[], place: ArgumentsPlace): ReadArguments {
  const names = specs.map((spec) => spec.name);
  const takes = names.length === 0 ? 'it takes none' : `it takes ${names.join(', ')}`;
  const where = place.path === '' ? '' : `${place.path}: `;
  const problems: string[] = [];
  // the last of a repeated argument wins, as with a repeated key of the hash
  const texts = new Map<string, string>();
  for (const arg of args) {
    if (arg.name === undefined) problems.push(`${where}'${shortened(arg.value)}' has no name (write it as ${names[0] ?? 'name'}=${shortened(arg.value)}); ignored`);
    else if (!names.includes(arg.name)) problems.push(`${where}${place.owner} has no parameter '${shortened(arg.name)}'${didYouMean(arg.name, names) || ` (${takes})`}; ignored`);
    else {
      if (texts.has(arg.name)) problems.push(`${joinPath(place.path, arg.name)}: given twice; reading the last`);
      texts.set(arg.name, arg.value);
    }
  }
  const values: Record<string, HyperValue> = {};
  for (const [name, text] of texts) {
    const spec = specs.find((candidate) => candidate.name === name) as HyperSpec;
    const path = joinPath(place.path, name);
    const parsed = parseArgument(text, spec);
    const error = parsed.ok ? checkHyperValue(parsed.value, spec, path) : `${path}: ${parsed.error}`;
    if (error === undefined && parsed.ok) values[name] = parsed.value;
    else problems.push(`${error}; ${defaultFallback(spec)}`);
  }
  return { values, problems };
}

/** What a bad argument costs: "using the default 0.001". */
export function defaultFallback(spec: HyperSpec): string {
  return `using the default ${formatHyperValue(spec.defaultValue)}`;
}

/** Reads an argument's text as its spec's kind says: a number, true/false, or a pair "0.9/0.999". */
function parseArgument(text: string, spec: HyperSpec): Parsed<HyperValue> {
  switch (spec.kind) {
    case 'number':
      return parseNumber(text);
    case 'boolean':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return { ok: false, error: `'${shortened(text)}' is not true or false` };
    case 'choice':
      // checkHyperValue names the options
      return { ok: true, value: text };
    case 'pair': {
      const parts = text.split('/');
      const first = parseNumber(parts[0]);
      const second = parseNumber(parts[1] ?? '');
      if (parts.length === 2 && first.ok && second.ok) return { ok: true, value: [first.value, second.value] };
      return { ok: false, error: `'${shortened(text)}' is not a pair of numbers like ${formatHyperValue(spec.defaultValue)}` };
    }
  }
}
