import { fail, type Checked } from '../check-values';
import type { Dataset, DatasetTask } from './dataset';

// TEMPORARY stub, replaced by the CSV reader at merge.
// dataui branch: inspectCsv, CsvColumn, CsvInspection, MAX_CSV_BYTES and defaultFeatureNames added as
// STUBS with the real reader's signatures (csvdata branch), so the problem panel compiles; the lead
// takes the real csv.ts at merge.

/** Largest CSV text accepted, in bytes (stub: the real reader's limit). */
export const MAX_CSV_BYTES = 5_000_000;

/** What a column holds, as the column picker shows it (stub). */
export interface CsvColumn {
  readonly name: string;
  readonly index: number;
  readonly numeric: boolean;
  readonly numberCount: number;
  readonly textCount: number;
  readonly missingCount: number;
  readonly distinctCount: number;
  readonly sample: readonly string[];
  readonly targetTask: DatasetTask;
}

/** What inspectCsv finds (stub). */
export interface CsvInspection {
  readonly columns: readonly CsvColumn[];
  readonly rows: number;
  readonly header: boolean;
  readonly delimiter: ',' | ';' | '\t';
  readonly target: string;
  readonly features: readonly string[];
}

/** Which columns a CSV data set uses. */
export interface CsvSelection {
  readonly target?: string;
  readonly features?: readonly string[];
  readonly task?: 'regression' | 'classification';
}

/** Summarises a CSV text's columns (stub: refuses every text). */
export function inspectCsv(_text: string): Checked<CsvInspection> {
  return fail('CSV reading is not built yet');
}

/** The default features for another target (stub: every other numeric column). */
export function defaultFeatureNames(inspection: CsvInspection, target: string): string[] {
  return inspection.columns.filter((column) => column.name !== target && column.numeric).map((column) => column.name);
}

/** Reads a CSV text into a data set. */
export function csvToDataset(_text: string, _selection: CsvSelection): Checked<Dataset> {
  return fail('CSV reading is not built yet');
}
