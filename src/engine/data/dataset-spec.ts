import { checkNumber, describe } from '../checks';
import { fail, isJsonObject, joinPath, unknownKeys, type Checked, type JsonObject } from '../check-values';
import type { HyperValues } from '../methods/hyperparameters';
import { BUNDLED_DATASETS, bundledDataset, findBundledDataset } from './bundled';
import { inflateText } from './compressed-text';
import { csvToDataset } from './csv';
import { classCount, type Dataset } from './dataset';
import { DATASET_GENERATORS, findGenerator, generateDataset, validateDatasetParams } from './generators';

// The `"dataset": {...}` of a data problem: where the rows come from (a seeded generator, a bundled
// real data set, or the user's CSV), points added by clicking, the validation fraction and
// standardizing. A CSV (and a bundled set) is text the host loads: the CLI reads `csv` from disk, the
// page the file the user opened, and both put it in `content` before validation, so the engine stays
// pure and synchronous. A share URL or an exported file carries a CSV as `compressed` (raw DEFLATE in
// base64url, compressed-text.ts), which checking inflates into `content`.

/** Where a data problem's rows come from, and how they are held out and scaled. */
export interface DatasetSpec {
  /** A generated data set ("two_moons") or a bundled one ("iris"); absent for a CSV. */
  readonly name?: string;
  /** The generator's parameters the user set (samples, noise, ...); the others take their defaults. */
  readonly params?: HyperValues;
  /** uint32 seed of the generator (0 when absent). */
  readonly seed?: number;
  /** The CSV file's name (the user's own data). */
  readonly csv?: string;
  /** The CSV text of a `csv` or bundled data set, put here by the host that loaded it. */
  readonly content?: string;
  /**
   * In JSON only: a CSV's text as written into links and exports (raw DEFLATE, base64url); checking
   * inflates it into `content`, so a checked spec never has it.
   */
  readonly compressed?: string;
  /** A CSV's target column (the last one when absent). */
  readonly target?: string;
  /** A CSV's feature columns (every other numeric column when absent). */
  readonly features?: readonly string[];
  /** Fraction of the rows held out for validation by a seeded shuffle, in [0, 1) (0 when absent). */
  readonly validation?: number;
  /** z-score every feature on the training rows (false when absent). */
  readonly standardize?: boolean;
  /** Rows added by clicking the data view: the features, then the target (a class index for classes). */
  readonly added?: readonly (readonly number[])[];
}

/** The keys every kind of data set may have. */
const COMMON_KEYS = ['validation', 'standardize', 'added'];
/** Largest uint32 seed. */
const MAX_SEED = 0xffff_ffff;
/** Most rows a click may add. */
export const MAX_ADDED_ROWS = 1_000;

/**
 * Validates a dataset spec. A generator's parameters may be written flat beside `name` (as
 * `{"name": "two_moons", "samples": 200, "noise": 0.1}`) or under `params`; the result has them under
 * `params`. Checking reads the data (to know its columns and classes), so a broken CSV is named here.
 */
export function checkDatasetSpec(value: unknown, path: string): Checked<{ spec: DatasetSpec; dataset: Dataset }> {
  const at = (key: string) => joinPath(path, key);
  const known = [...DATASET_GENERATORS.map((generator) => generator.name), ...BUNDLED_DATASETS.map((entry) => entry.name)];
  if (!isJsonObject(value)) return fail(`${path} must be an object with a "name" (${known.join(', ')}) or a "csv" file, got ${describe(value)}`);
  if ((value.name === undefined) === (value.csv === undefined)) {
    return fail(`${path} must have a "name" (${known.join(', ')}) or a "csv" file${value.name !== undefined ? ', not both' : ''}`);
  }
  const errors: string[] = [];
  const common = checkCommon(value, path, errors);
  let spec: DatasetSpec;
  if (value.csv !== undefined) {
    errors.push(...unknownKeys(value, ['csv', 'content', 'compressed', 'target', 'features', ...COMMON_KEYS], path));
    if (typeof value.csv !== 'string' || value.csv === '') errors.push(`${at('csv')} must be a file name, got ${describe(value.csv)}`);
    if (value.target !== undefined && typeof value.target !== 'string') errors.push(`${at('target')} must be a column name, got ${describe(value.target)}`);
    const features = value.features;
    if (features !== undefined && !(Array.isArray(features) && features.every((name) => typeof name === 'string'))) {
      errors.push(`${at('features')} must be a list of column names, got ${describe(features)}`);
    }
    const content = csvContent(value, path, errors);
    spec = {
      csv: value.csv as string,
      ...(content !== undefined && { content }),
      ...(typeof value.target === 'string' && { target: value.target }),
      ...(Array.isArray(features) && { features: (features as string[]).slice() }),
      ...common,
    };
  } else if (typeof value.name === 'string' && findBundledDataset(value.name) !== undefined) {
    errors.push(...unknownKeys(value, ['name', 'content', ...COMMON_KEYS], path, 'a bundled data set takes validation, standardize'));
    if (typeof value.content !== 'string') errors.push(`${path}: the bundled data set "${value.name}" is not loaded yet`);
    spec = { name: value.name, ...(typeof value.content === 'string' && { content: value.content }), ...common };
  } else {
    const generator = typeof value.name === 'string' ? findGenerator(value.name) : undefined;
    if (generator === undefined) return fail(`${at('name')} must be one of ${known.map((name) => `"${name}"`).join(', ')}, got ${describe(value.name)}`);
    const ownKeys = ['name', 'params', 'seed', ...COMMON_KEYS];
    const flat: JsonObject = {};
    for (const [key, parameter] of Object.entries(value)) if (!ownKeys.includes(key)) flat[key] = parameter;
    const nested = value.params === undefined ? {} : value.params;
    if (!isJsonObject(nested)) return fail(`${at('params')} must be an object of ${generator.name}'s parameters, got ${describe(nested)}`);
    const params = { ...nested, ...flat } as HyperValues;
    errors.push(...validateDatasetParams(generator, params, path));
    if (value.seed !== undefined) pushDefined(errors, checkNumber(value.seed, { min: 0, max: MAX_SEED, integer: true }, at('seed')));
    spec = {
      name: generator.name,
      params,
      ...(value.seed !== undefined && value.seed !== 0 && { seed: value.seed as number }),
      ...common,
    };
  }
  if (errors.length > 0) return { ok: false, errors };
  const dataset = readDataset(spec, path);
  if (!dataset.ok) return dataset;
  const added = checkAdded(spec.added, dataset.value, at('added'));
  if (added !== undefined) return fail(added);
  return { ok: true, value: { spec, dataset: dataset.value } };
}

/** Every row of the data set a valid spec names (generated, bundled or CSV), with the clicked rows appended. */
export function loadDataset(spec: DatasetSpec): Dataset {
  const read = readDataset(spec, 'dataset');
  if (!read.ok) throw new Error(read.errors.join('; '));
  return read.value;
}

function readDataset(spec: DatasetSpec, path: string): Checked<Dataset> {
  let dataset: Dataset;
  if (spec.csv !== undefined) {
    const read = csvToDataset(spec.content ?? '', { ...(spec.target !== undefined && { target: spec.target }), ...(spec.features && { features: spec.features }) });
    if (!read.ok) return fail(...read.errors.map((message) => `${path} (${spec.csv}): ${message}`));
    dataset = read.value;
  } else if (spec.name !== undefined && findBundledDataset(spec.name) !== undefined) {
    const read = bundledDataset(spec.name, spec.content ?? '');
    if (!read.ok) return fail(...read.errors.map((message) => `${path} (${spec.name}): ${message}`));
    dataset = read.value;
  } else {
    dataset = generateDataset(spec.name ?? '', spec.params ?? {}, spec.seed ?? 0);
  }
  return { ok: true, value: spec.added && spec.added.length > 0 ? appendRows(dataset, spec.added) : dataset };
}

/** A CSV's text: its `content`, or its `compressed` form inflated; undefined (and a message) when neither is there or usable. */
function csvContent(value: JsonObject, path: string, errors: string[]): string | undefined {
  const file = typeof value.csv === 'string' ? `"${value.csv}" ` : '';
  if (value.content !== undefined && value.compressed !== undefined) {
    errors.push(`${path} must have the CSV text as "content" or as "compressed", not both`);
    return undefined;
  }
  if (value.compressed !== undefined) {
    if (typeof value.compressed !== 'string') {
      errors.push(`${joinPath(path, 'compressed')} must be the file's text compressed (raw DEFLATE, base64url), got ${describe(value.compressed)}`);
      return undefined;
    }
    const inflated = inflateText(value.compressed);
    const named = typeof value.csv === 'string' ? ` (${value.csv})` : '';
    if (!inflated.ok) errors.push(...inflated.errors.map((message) => `${joinPath(path, 'compressed')}${named} ${message}`));
    return inflated.ok ? inflated.value : undefined;
  }
  if (typeof value.content === 'string') return value.content;
  if (value.content !== undefined) errors.push(`${joinPath(path, 'content')} must be the file's text, got ${describe(value.content)}`);
  else errors.push(`${path}: the file ${file}is not loaded (open it again; the CLI reads it from the path)`);
  return undefined;
}

/** `validation`, `standardize` and `added`, checked, as they go into the spec. */
function checkCommon(value: JsonObject, path: string, errors: string[]): Pick<DatasetSpec, 'validation' | 'standardize' | 'added'> {
  const at = (key: string) => joinPath(path, key);
  const common: { validation?: number; standardize?: boolean; added?: number[][] } = {};
  if (value.validation !== undefined) {
    const problem = checkNumber(value.validation, { min: 0, max: 1, exclusiveMax: true }, at('validation'));
    if (problem !== undefined) errors.push(problem);
    else if (value.validation !== 0) common.validation = value.validation as number;
  }
  if (value.standardize !== undefined) {
    if (typeof value.standardize !== 'boolean') errors.push(`${at('standardize')} must be true or false, got ${describe(value.standardize)}`);
    else if (value.standardize) common.standardize = true;
  }
  if (value.added !== undefined) {
    const added = value.added;
    if (!Array.isArray(added) || added.length > MAX_ADDED_ROWS) {
      errors.push(`${at('added')} must be a list of at most ${MAX_ADDED_ROWS} rows [features..., target], got ${describe(added)}`);
    } else {
      const rowProblem = added.findIndex((row) => !Array.isArray(row) || !row.every((entry) => typeof entry === 'number' && Number.isFinite(entry)));
      if (rowProblem >= 0) errors.push(`${at('added')}[${rowProblem}] must be a list of finite numbers, got ${describe(added[rowProblem])}`);
      else if (added.length > 0) common.added = (added as number[][]).map((row) => row.slice());
    }
  }
  return common;
}

/** A message when the clicked rows do not fit the data (width, class index), else undefined. */
function checkAdded(added: DatasetSpec['added'], dataset: Dataset, path: string): string | undefined {
  if (added === undefined) return undefined;
  const classes = classCount(dataset);
  for (let index = 0; index < added.length; index++) {
    const row = added[index];
    // appended rows are already in `dataset`; only their shape and class are checked here
    if (row.length !== dataset.columns + 1) return `${path}[${index}] must have ${dataset.columns} features and a target, got ${row.length} numbers`;
    const target = row[row.length - 1];
    if (dataset.task === 'classification' && !(Number.isInteger(target) && target >= 0 && target < classes)) {
      return `${path}[${index}]: the class must be 0 to ${classes - 1}, got ${target}`;
    }
  }
  return undefined;
}

/** The data set with rows [features..., target] appended (rows of the wrong width are skipped; checkAdded names them). */
function appendRows(dataset: Dataset, rows: readonly (readonly number[])[]): Dataset {
  const { columns } = dataset;
  const fitting = rows.filter((row) => row.length === columns + 1);
  const features = new Float64Array((dataset.rows + fitting.length) * columns);
  const targets = new Float64Array(dataset.rows + fitting.length);
  features.set(dataset.features);
  targets.set(dataset.targets);
  fitting.forEach((row, index) => {
    for (let j = 0; j < columns; j++) features[(dataset.rows + index) * columns + j] = row[j];
    targets[dataset.rows + index] = row[columns];
  });
  return { ...dataset, features, targets, rows: dataset.rows + fitting.length };
}

function pushDefined(errors: string[], message: string | undefined): void {
  if (message !== undefined) errors.push(message);
}
