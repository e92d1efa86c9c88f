import { fail, type Checked } from '../check-values';
import type { Dataset } from './dataset';

// TEMPORARY stub, replaced by the CSV reader at merge.

/** Which columns a CSV data set uses. */
export interface CsvSelection {
  readonly target?: string;
  readonly features?: readonly string[];
  readonly task?: 'regression' | 'classification';
}

/** Reads a CSV text into a data set. */
export function csvToDataset(_text: string, _selection: CsvSelection): Checked<Dataset> {
  return fail('CSV reading is not built yet');
}
