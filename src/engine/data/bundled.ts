import type { Dataset } from './dataset';
import { csvToDataset } from './csv';

// TEMPORARY stub, replaced at merge.

/** A bundled data set. */
export interface BundledDataset {
  readonly name: string;
  readonly title: string;
  readonly task: 'regression' | 'classification';
  readonly rows: number;
  readonly columns: number;
  readonly classNames?: readonly string[];
  readonly fileName: string;
  readonly citation: string;
}

/** Every bundled data set. */
export const BUNDLED_DATASETS: readonly BundledDataset[] = [];

/** The bundled data set from its CSV text. */
export function bundledDataset(name: string, csvText: string): Dataset {
  const read = csvToDataset(csvText, { target: 'target' });
  if (!read.ok) throw new Error(`${name}: ${read.errors.join('; ')}`);
  return read.value;
}
