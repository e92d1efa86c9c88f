import type { Experiment } from '../experiment/experiment';
import { decodeExperiment, linkBundledSets } from '../experiment/url-codec';
import { parseExperiment } from '../experiment/validate';
import { experimentFolder, readLinkFiles, withDataFiles } from './data-files';
import { fileErrorText, type CliIo } from './io';
import { grouped, listProblems, problemCount } from '../engine/limits';
import { locateJsonError } from './json-location';

// Where `run` and `url` get their experiment: a JSON file, a share URL, or stdin holding either.
// A data problem's file (a CSV, a bundled data set) is read before validation (data-files.ts).

/** The experiment, or the one-line reason it could not be had. */
export type LoadedExperiment = { ok: true; experiment: Experiment } | { ok: false; error: string };

/** Loads the experiment an argument names: '-' (stdin), a share URL or bare hash, else a JSON file path. */
export async function loadExperiment(input: string, io: CliIo): Promise<LoadedExperiment> {
  if (input === '-') {
    let text: string;
    try {
      text = await io.readStdin();
    } catch (error) {
      return { ok: false, error: `cannot read stdin: ${fileErrorText(error)}` };
    }
    const untrimmed = stripByteOrderMark(text);
    const trimmed = untrimmed.trim();
    // the untrimmed text keeps the line numbers of JSON errors right
    if (trimmed.startsWith('{')) return fromJsonText(untrimmed, 'stdin', io);
    if (isShareUrl(trimmed)) return fromShareUrl(trimmed, io);
    return { ok: false, error: 'stdin holds neither experiment JSON nor a share URL' };
  }
  if (isShareUrl(input)) return fromShareUrl(input, io);
  let text: string;
  try {
    text = await io.readFile(input);
  } catch (error) {
    return { ok: false, error: `cannot read '${input}': ${fileErrorText(error)}` };
  }
  return fromJsonText(stripByteOrderMark(text), input, io);
}

/** True for "http://host/#v=1&...", "#v=1&..." and a bare "v=1&..." hash. */
export function isShareUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('#') || text.startsWith('v=');
}

/**
 * Parses and validates experiment JSON; errors say where (line and column) or which fields. A data
 * problem's CSV path is relative to the file `source` names (the working directory for stdin).
 */
export async function fromJsonText(text: string, source: string, io: CliIo): Promise<LoadedExperiment> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const location = locateJsonError(text);
    const where = location ? ` at line ${location.line}, column ${location.column}: ${location.reason}` : `: ${(error as Error).message}`;
    return { ok: false, error: `${source}: invalid JSON${where}` };
  }
  const withFiles = await withDataFiles(json, experimentFolder(source), io);
  if (!withFiles.ok) return { ok: false, error: `${source}: ${withFiles.error}` };
  const parsed = parseExperiment(withFiles.json);
  if (parsed.ok) return parsed;
  const total = problemCount(parsed.errors);
  const count = total === 1 ? '1 problem' : `${grouped(total)} problems`;
  return { ok: false, error: `${source}: invalid experiment (${count}): ${listProblems(parsed.errors)}` };
}

/**
 * Decodes a share URL. The playground opens a URL with problems anyway (falling back field by
 * field), but the CLI is for reproducing results, so any problem is an error here. A bundled data
 * set the link names is read from the package first.
 */
export async function fromShareUrl(url: string, io: CliIo): Promise<LoadedExperiment> {
  const hashStart = url.indexOf('#');
  const hash = hashStart >= 0 ? url.slice(hashStart + 1) : url.startsWith('v=') ? url : undefined;
  if (hash === undefined) return { ok: false, error: `the URL has no '#' part with an experiment (a share URL looks like http://localhost:5173/#v=1&...)` };
  const { experiment, problems } = decodeExperiment(hash, await readLinkFiles(linkBundledSets(hash), io));
  if (problems.length > 0) return { ok: false, error: `the share URL could not be read in full: ${listProblems(problems)}` };
  return { ok: true, experiment };
}

function stripByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
