import { fail, type Checked } from '../check-values';
import { didYouMean } from '../suggest';
import { columnLabel, DEFAULT_CSV_LIMITS, grouped, parseCsvTable, ProblemList, quoteCell, readCell, type CsvDelimiter, type CsvLimits, type CsvTable } from './csv-table';
import type { Dataset, DatasetTask } from './dataset';

// "Your own data": a CSV text read into a Dataset in two steps, so the page can show the columns and
// let the user choose before anything is built. inspectCsv says what the columns hold; csvToDataset
// builds the data set from a choice of target and features. Neither throws: a text that cannot be
// used is refused with messages naming the line and column as an editor shows them ("line 7, column
// "price" (3): "abc" is not a number"), at most MAX_LISTED_PROBLEMS of them.

export { DEFAULT_CSV_LIMITS, MAX_CSV_BLANK_LINES, MAX_CSV_BYTES, MAX_CSV_COLUMNS, MAX_CSV_ROWS, MAX_LISTED_PROBLEMS } from './csv-table';
export type { CsvDelimiter, CsvLimits } from './csv-table';

/** A numeric target with at most this many distinct values, all integers, is read as class labels. */
export const MAX_INTEGER_CLASSES = 20;
/** How many distinct values a column summary shows. */
export const SAMPLE_VALUES = 5;

/** What a column holds, as the column picker shows it. */
export interface CsvColumn {
  readonly name: string;
  /** 0-based position in the file. */
  readonly index: number;
  /** Every cell is a number or missing, and at least one is a number. */
  readonly numeric: boolean;
  readonly numberCount: number;
  readonly textCount: number;
  readonly missingCount: number;
  /** Distinct non-missing values (numbers compared as numbers: 1 and 1.0 are one value). */
  readonly distinctCount: number;
  /** The first SAMPLE_VALUES distinct non-missing cells, as written. */
  readonly sample: readonly string[];
  /** What a data set with this column as its target would be (see csvToDataset). */
  readonly targetTask: DatasetTask;
}

/** What inspectCsv finds: the columns, the number of data rows, and the default choice. */
export interface CsvInspection {
  readonly columns: readonly CsvColumn[];
  readonly rows: number;
  readonly header: boolean;
  readonly delimiter: CsvDelimiter;
  /** The default target: the last column. */
  readonly target: string;
  /** The default features: every other column whose cells are mostly numbers. */
  readonly features: readonly string[];
}

/** Which columns to use; each missing field takes the default that inspectCsv reports. */
export interface CsvSelection {
  readonly target?: string;
  readonly features?: readonly string[];
  readonly task?: DatasetTask;
}

/**
 * Reads a CSV text and summarises its columns, or refuses it (empty, header only, over a size
 * limit, ragged rows). Text in a numeric column is not refused here: it shows in textCount, and
 * csvToDataset names the cells when the column is used.
 */
export function inspectCsv(text: string, limits: CsvLimits = DEFAULT_CSV_LIMITS): Checked<CsvInspection> {
  const table = parseCsvTable(text, limits);
  if (!table.ok) return table;
  return { ok: true, value: inspectTable(table.value) };
}

/**
 * The data set a CSV text holds for this choice of columns, or the reasons it cannot be built.
 * The target defaults to the last column, the features to every other column whose cells are mostly
 * numbers. The task defaults to classification for a target holding text or at most
 * MAX_INTEGER_CLASSES distinct integers, regression otherwise. Classes are the distinct labels
 * sorted (numbers in numeric order first, then text by code unit), and each target is its class
 * index. Refused: an unknown column name, a feature that is the target or listed twice, text in a
 * feature (or regression target), missing values in a used column, a single class.
 */
export function csvToDataset(text: string, selection: CsvSelection = {}, limits: CsvLimits = DEFAULT_CSV_LIMITS): Checked<Dataset> {
  const parsed = parseCsvTable(text, limits);
  if (!parsed.ok) return parsed;
  const table = parsed.value;
  const inspection = inspectTable(table);
  const chosen = chooseColumns(table, inspection, selection);
  if (!chosen.ok) return chosen;
  const { target, features } = chosen.value;
  const targetColumn = inspection.columns[target];
  const task = selection.task ?? targetColumn.targetTask;
  if (task === 'regression' && targetColumn.textCount > 0) {
    const row = table.rows.findIndex((cells) => readCell(cells[target], table.delimiter).kind === 'text');
    const where = `line ${table.lines[row]}, ${columnLabel(table.names, target, table.header)}`;
    return fail(`${where}: ${quoteCell(table.rows[row][target])} is not a number, and a regression target must be numeric`);
  }

  const rows = table.rows.length;
  const columns = features.length;
  const values = new Float64Array(rows * columns);
  const targets = new Float64Array(rows);
  const labels: string[] = new Array<string>(rows);
  const problems = new ProblemList();
  for (let i = 0; i < rows; i++) {
    const cells = table.rows[i];
    const where = (column: number): string => `line ${table.lines[i]}, ${columnLabel(table.names, column, table.header)}`;
    for (let j = 0; j < columns; j++) {
      const cell = readCell(cells[features[j]], table.delimiter);
      if (cell.kind === 'number') values[i * columns + j] = cell.value;
      else problems.add(`${where(features[j])}: ${cell.kind === 'missing' ? missingText(cells[features[j]]) : `${quoteCell(cells[features[j]])} is not a number`}`);
    }
    const cell = readCell(cells[target], table.delimiter);
    if (cell.kind === 'missing') problems.add(`${where(target)}: ${missingText(cells[target])} in the target`);
    else if (task === 'regression') targets[i] = cell.kind === 'number' ? cell.value : Number.NaN;
    else labels[i] = cell.kind === 'number' ? String(cell.value) : cells[target];
  }
  if (problems.count > 0) return fail(...problems.messages());

  const dataset = {
    features: values,
    targets,
    rows,
    columns,
    featureNames: features.map((index) => table.names[index]),
    targetName: targetColumn.name,
  };
  if (task === 'regression') return { ok: true, value: { ...dataset, task } };
  const classNames = sortedLabels(labels);
  if (classNames.length < 2) return fail(`the target ${quoteCell(targetColumn.name)} has a single class (${quoteCell(classNames[0] ?? '')}); classification needs at least two`);
  const classIndex = new Map(classNames.map((name, index) => [name, index]));
  for (let i = 0; i < rows; i++) targets[i] = classIndex.get(labels[i]) ?? Number.NaN;
  return { ok: true, value: { ...dataset, task, classNames } };
}

/** The default features for another target: every other column whose cells are mostly numbers (for the column picker). */
export function defaultFeatureNames(inspection: CsvInspection, target: string): string[] {
  const targetIndex = inspection.columns.findIndex((column) => column.name === target);
  return defaultFeatures(inspection.columns, targetIndex).map((index) => inspection.columns[index].name);
}

function inspectTable(table: CsvTable): CsvInspection {
  const columns = table.names.map((name, index) => summarizeColumn(table, name, index));
  const targetColumn = columns[columns.length - 1];
  return {
    columns,
    rows: table.rows.length,
    header: table.header,
    delimiter: table.delimiter,
    target: targetColumn.name,
    features: defaultFeatures(columns, targetColumn.index).map((index) => columns[index].name),
  };
}

function summarizeColumn(table: CsvTable, name: string, index: number): CsvColumn {
  let numberCount = 0;
  let textCount = 0;
  let missingCount = 0;
  let integers = true;
  // numbers compared as numbers (1 and 1.0 are one value), text as text ("1.0" in a text cell is not 1)
  const distinctNumbers = new Set<number>();
  const distinctTexts = new Set<string>();
  const sample: string[] = [];
  for (const cells of table.rows) {
    const cell = readCell(cells[index], table.delimiter);
    if (cell.kind === 'missing') {
      missingCount++;
      continue;
    }
    const distinctBefore = distinctNumbers.size + distinctTexts.size;
    if (cell.kind === 'number') {
      numberCount++;
      integers &&= Number.isInteger(cell.value);
      distinctNumbers.add(cell.value);
    } else {
      textCount++;
      distinctTexts.add(cells[index]);
    }
    if (sample.length < SAMPLE_VALUES && distinctNumbers.size + distinctTexts.size > distinctBefore) sample.push(cells[index]);
  }
  const distinctCount = distinctNumbers.size + distinctTexts.size;
  const labels = textCount > 0 || (numberCount > 0 && integers && distinctCount <= MAX_INTEGER_CLASSES);
  return {
    name,
    index,
    numeric: numberCount > 0 && textCount === 0,
    numberCount,
    textCount,
    missingCount,
    distinctCount,
    sample,
    targetTask: labels ? 'classification' : 'regression',
  };
}

// "Mostly numbers" rather than "only numbers": a numeric column with a stray "abc" is still offered,
// so the user gets the line of the stray cell instead of a column that silently disappears.
function defaultFeatures(columns: readonly CsvColumn[], target: number): number[] {
  return columns.filter((column) => column.index !== target && column.numberCount > column.textCount).map((column) => column.index);
}

function chooseColumns(table: CsvTable, inspection: CsvInspection, selection: CsvSelection): Checked<{ target: number; features: number[] }> {
  const errors: string[] = [];
  const indexOf = (name: string, role: string): number => {
    const index = table.names.indexOf(name);
    if (index < 0) errors.push(`${role}: no column named ${quoteCell(name)}${didYouMean(name, table.names)}${knownColumns(table.names)}`);
    return index;
  };
  const target = indexOf(selection.target ?? inspection.target, 'target');
  let features: number[];
  if (selection.features === undefined) {
    features = target < 0 ? [] : defaultFeatures(inspection.columns, target);
    if (target >= 0 && features.length === 0) errors.push(`no numeric column besides the target ${quoteCell(table.names[target])} to use as a feature`);
  } else {
    features = selection.features.map((name) => indexOf(name, 'feature'));
    if (selection.features.length === 0) errors.push('choose at least one feature column');
    selection.features.forEach((name, position) => {
      if (name === table.names[target]) errors.push(`feature ${quoteCell(name)} is also the target`);
      else if (selection.features?.indexOf(name) !== position) errors.push(`feature ${quoteCell(name)} is listed twice`);
    });
  }
  return errors.length > 0 ? fail(...errors) : { ok: true, value: { target, features } };
}

function knownColumns(names: readonly string[]): string {
  const shown = names.slice(0, 10).map((name) => quoteCell(name));
  return ` (the columns are ${shown.join(', ')}${names.length > 10 ? ` and ${grouped(names.length - 10)} more` : ''})`;
}

function missingText(cell: string): string {
  return cell === '' ? 'missing value (empty cell)' : `missing value (${quoteCell(cell)})`;
}

// Numeric labels in numeric order (so "10" follows "9"), then text labels by code unit: the same
// order in every locale.
function sortedLabels(labels: readonly string[]): string[] {
  const distinct = [...new Set(labels)];
  const numbers = distinct.filter((label) => readCell(label, ',').kind === 'number').sort((a, b) => Number(a) - Number(b));
  const texts = distinct.filter((label) => readCell(label, ',').kind !== 'number').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...numbers, ...texts];
}
