import { isJsonObject } from '../engine/check-values';
import { isBundledName } from './portable-problem';
import type { LinkFiles } from './url-field';

// The files a data problem in a link refers to by name. A link carries a bundled data set by its
// name (portable-problem.ts): the host loads the file first (the page fetches datasets/<name>.csv,
// the CLI reads it from the package) and the codec puts its text into `dataset.content` before the
// problem is validated, so decoding itself stays synchronous and pure. A CSV too large to travel is
// named alone, and reading says which file to open again.

/** The bundled data set a problem's JSON names without its text, which the host must load; else undefined. */
export function bundledSetToLoad(problem: unknown): string | undefined {
  if (!isJsonObject(problem) || !isJsonObject(problem.dataset)) return undefined;
  const { dataset } = problem;
  return dataset.content === undefined && isBundledName(dataset.name) ? (dataset.name as string) : undefined;
}

/**
 * A data problem's JSON with the text of the files it names put in (a bundled set from `files`), or
 * why it cannot be read: a CSV the link could not carry, a bundled set that did not load. Any other
 * problem comes back as it is.
 */
export function withLinkFiles(problem: unknown, files: LinkFiles): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!isJsonObject(problem) || !isJsonObject(problem.dataset)) return { ok: true, value: problem };
  const { dataset } = problem;
  if (typeof dataset.csv === 'string' && dataset.content === undefined && dataset.compressed === undefined) {
    return { ok: false, error: `this link used "${dataset.csv}", which is too large to travel in a link: open it again` };
  }
  const name = bundledSetToLoad(problem);
  if (name === undefined) return { ok: true, value: problem };
  const file = files.bundled.get(name);
  if (file === undefined) return { ok: false, error: `the bundled data set "${name}" was not loaded` };
  if (!file.ok) return { ok: false, error: `could not load the bundled data set "${name}": ${file.error}` };
  return { ok: true, value: { ...problem, dataset: { ...dataset, content: file.text } } };
}
