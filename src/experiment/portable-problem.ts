import { BUNDLED_DATASETS } from '../engine/data/bundled';
import { compressText } from '../engine/data/compressed-text';
import type { DatasetSpec } from '../engine/data/dataset-spec';
import type { Experiment, Problem } from './experiment';

// A data problem as it travels: in a share link and in an exported file. The page holds a data set's
// CSV text in `dataset.content`; what is written instead is
//   a bundled set: its name alone (every copy of the playground ships the file: datasets/<name>.csv);
//   the user's CSV: `compressed` (raw DEFLATE in base64url, engine/data/compressed-text.ts) when it
//     fits, else its file name alone, and whoever opens it is asked to open the file again.
// Reading needs nothing of this module: checkDatasetSpec inflates `compressed` into `content`.

/**
 * Most characters of compressed CSV a share link carries: 8 KiB of base64url (6 KiB of DEFLATE
 * data: sklearn's wine, 11 KB of decimals, takes 5,691 characters; diabetes, 19 KB, 9,938), which
 * keeps a link within what chat and mail clients pass on unbroken; a longer one names the file instead.
 */
export const MAX_LINK_CSV_CHARACTERS = 8_192;

/** The last text compressed and its compressed form: the link is rewritten on every change of the store. */
let lastCompressed: { readonly text: string; readonly compressed: string } | null = null;

/** `compressText(text)`, remembered for the last text. */
function compressedOf(text: string): string {
  if (lastCompressed?.text !== text) lastCompressed = { text, compressed: compressText(text) };
  return lastCompressed.compressed;
}

/** True when the name is a bundled data set's (which every copy of the playground ships). */
export function isBundledName(name: unknown): boolean {
  return typeof name === 'string' && BUNDLED_DATASETS.some((entry) => entry.name === name);
}

/**
 * A data set as written out: a bundled set without its text, a CSV with its text compressed when the
 * compressed form has at most `maxCompressed` characters (else with its file name alone), a
 * generated set as it is.
 */
export function portableDatasetSpec(spec: DatasetSpec, maxCompressed = Infinity): DatasetSpec {
  const { content, compressed: _compressed, ...rest } = spec;
  if (spec.csv !== undefined) {
    if (content === undefined) return rest;
    const compressed = compressedOf(content);
    return compressed.length <= maxCompressed ? { ...rest, compressed } : rest;
  }
  return isBundledName(spec.name) ? rest : spec;
}

/** The problem as written out (portableDatasetSpec for a data problem; any other kind as it is). */
export function portableProblem(problem: Problem, maxCompressed = Infinity): Problem {
  if (problem.kind !== 'data') return problem;
  return { ...problem, dataset: portableDatasetSpec(problem.dataset, maxCompressed) };
}

/** The experiment as an exported file holds it: a bundled set named, a CSV embedded compressed, whatever its size. */
export function portableExperiment(experiment: Experiment): Experiment {
  return { ...experiment, problem: portableProblem(experiment.problem) };
}

/** Whether a link wrote this data set by its file name alone (a CSV too large to travel in it). */
export function csvLeftOut(spec: DatasetSpec): boolean {
  return spec.csv !== undefined && spec.content === undefined && spec.compressed === undefined;
}
