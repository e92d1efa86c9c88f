import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJsonObject } from '../engine/check-values';
import { BUNDLED_DATASETS } from '../engine/data/bundled';
import type { LinkFiles, LoadedFile } from '../experiment/url-codec';
import { isBundledName } from '../experiment/portable-problem';
import { fileErrorText, type CliIo } from './io';

// The files a data problem names, read from disk before the experiment is validated (the engine
// stays pure: it reads `dataset.content`). A CSV's path is relative to the experiment file (to the
// working directory for stdin); a bundled set is read from the package's public/datasets/, the
// folder the page fetches it from. That folder lies two levels above both this source file
// (src/cli/) and the bundle scripts/build-cli.mjs makes of it (dist/cli/), so one relative URL
// serves the tests and the installed command alike.
const DATASETS_FOLDER = new URL('../../public/datasets/', import.meta.url);

/** The file-system path of a bundled data set's CSV file (iris → <package>/public/datasets/iris.csv). */
export function bundledCsvPath(name: string): string {
  const fileName = BUNDLED_DATASETS.find((entry) => entry.name === name)?.fileName ?? `${name}.csv`;
  return fileURLToPath(new URL(fileName, DATASETS_FOLDER));
}

/** Reads a bundled data set's file; a reason naming the path when it cannot be read. */
export async function readBundledFile(name: string, io: CliIo): Promise<LoadedFile> {
  const path = bundledCsvPath(name);
  try {
    return { ok: true, text: await io.readFile(path) };
  } catch (error) {
    return { ok: false, error: `cannot read '${path}': ${fileErrorText(error)}` };
  }
}

/** The bundled files a share link names, read from the package (decodeExperiment puts them in). */
export async function readLinkFiles(names: readonly string[], io: CliIo): Promise<LinkFiles> {
  const files = await Promise.all(names.map((name) => readBundledFile(name, io)));
  return { bundled: new Map(names.map((name, index) => [name, files[index]])) };
}

/**
 * Experiment JSON with its data problem's file put in as `dataset.content`: the CSV at `dataset.csv`
 * (relative to `folder`) or the bundled set's file, unless the JSON already holds the text
 * (`content`, or `compressed` from an exported file). Any other JSON comes back as it is; a file
 * that cannot be read is an error naming its path and the field that named it.
 */
export async function withDataFiles(json: unknown, folder: string, io: CliIo): Promise<{ ok: true; json: unknown } | { ok: false; error: string }> {
  if (!isJsonObject(json) || !isJsonObject(json.problem) || !isJsonObject(json.problem.dataset)) return { ok: true, json };
  const { problem } = json;
  const dataset = problem.dataset as Record<string, unknown>;
  if (dataset.content !== undefined || dataset.compressed !== undefined) return { ok: true, json };
  let text: string;
  if (typeof dataset.csv === 'string' && dataset.csv !== '') {
    const path = resolve(folder, dataset.csv);
    try {
      text = await io.readFile(path);
    } catch (error) {
      return { ok: false, error: `problem.dataset.csv: cannot read '${path}': ${fileErrorText(error)}` };
    }
  } else if (isBundledName(dataset.name)) {
    const file = await readBundledFile(dataset.name as string, io);
    if (!file.ok) return { ok: false, error: `problem.dataset.name: the bundled data set "${String(dataset.name)}": ${file.error}` };
    text = file.text;
  } else return { ok: true, json };
  return { ok: true, json: { ...json, problem: { ...problem, dataset: { ...dataset, content: text } } } };
}

/** The folder a CSV path in an experiment is relative to: the experiment file's, or the working directory for stdin. */
export function experimentFolder(source: string): string {
  return source === 'stdin' ? process.cwd() : dirname(resolve(source));
}
