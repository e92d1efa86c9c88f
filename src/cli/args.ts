import { didYouMean } from '../engine/suggest';

// The command line, read into a command. Wrong input is a one-line message, never an exception.

/** Where a share URL points when --base is not given: the dev server's address. */
export const DEFAULT_BASE_URL = 'http://localhost:5173/';

/** What the user asked for. */
export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'run'; readonly input: string; readonly format: 'json' | 'csv'; readonly out?: string }
  | { readonly name: 'url'; readonly input: string; readonly base: string }
  /** One run at one step, as the step inspector shows it: `run` 1-based, `step` absent for the last. */
  | { readonly name: 'inspect'; readonly input: string; readonly run: number; readonly step?: number };

/** The command, or the one-line reason the command line is wrong. */
export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: string };

const COMMANDS = ['run', 'url', 'inspect', 'help'] as const;
/** Each command's options (all take a value); short aliases map to their long names. */
const OPTIONS: Readonly<Record<'run' | 'url' | 'inspect', readonly string[]>> = { run: ['--format', '--out'], url: ['--base'], inspect: ['--run', '--step'] };
const ALIASES: Readonly<Record<string, string>> = { '-o': '--out', '-f': '--format' };
const FORMATS = ['json', 'csv'] as const;

/** Reads argv (without node and the script): a command, its input and its options. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  if (argv.length === 0) return fail("no command given; try 'optimizer-playground --help'");
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { ok: true, command: { name: 'help' } };
  const [name, ...rest] = argv;
  if (name !== 'run' && name !== 'url' && name !== 'inspect') {
    const kind = name.startsWith('-') ? 'option' : 'command';
    return fail(`unknown ${kind} '${name}'${didYouMean(name.replace(/^-+/, ''), COMMANDS)}; try 'optimizer-playground --help'`);
  }

  const allowed = OPTIONS[name];
  const values = new Map<string, string>();
  const positional: string[] = [];
  let optionsEnded = false;
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index];
    // '-' alone is an input (stdin); '--' ends the options.
    if (optionsEnded || argument === '-' || !argument.startsWith('-')) {
      positional.push(argument);
      continue;
    }
    if (argument === '--') {
      optionsEnded = true;
      continue;
    }
    const equals = argument.indexOf('=');
    const given = equals < 0 ? argument : argument.slice(0, equals);
    const option = ALIASES[given] ?? given;
    if (!allowed.includes(option)) {
      const hint = didYouMean(option, allowed);
      const known = allowed.join(', ');
      return fail(`unknown option '${given}' for '${name}'${hint}; '${name}' takes ${known}`);
    }
    if (values.has(option)) return fail(`${option} is given twice`);
    const value = equals < 0 ? rest[++index] : argument.slice(equals + 1);
    if (value === undefined || value === '') return fail(`${option} needs a value`);
    values.set(option, value);
  }

  if (positional.length === 0) return fail(`'${name}' needs an experiment: a JSON file, a share URL, or '-' to read stdin`);
  if (positional.length > 1) return fail(`'${name}' takes one experiment, got ${positional.length}: ${positional.join(' ')}`);
  const input = positional[0];

  if (name === 'url') return { ok: true, command: { name, input, base: values.get('--base') ?? DEFAULT_BASE_URL } };
  if (name === 'inspect') {
    const run = wholeNumber(values.get('--run') ?? '1');
    if (run === null || run < 1) return fail(`--run must be a run number, 1 or more, got '${values.get('--run')}'`);
    const stepText = values.get('--step');
    const step = stepText === undefined ? undefined : wholeNumber(stepText);
    if (step === null || (step !== undefined && step < 0)) return fail(`--step must be a step number, 0 or more, got '${stepText}'`);
    return { ok: true, command: { name, input, run, ...(step !== undefined && { step }) } };
  }
  const format = values.get('--format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return fail(`--format must be json or csv, got '${format}'${didYouMean(format, FORMATS)}`);
  const out = values.get('--out');
  return { ok: true, command: { name, input, format, ...(out !== undefined && { out }) } };
}

/** A whole number written in decimal digits ("12"), or null. */
function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function fail(error: string): ParsedCommand {
  return { ok: false, error };
}
