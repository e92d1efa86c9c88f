// A data set as the models see it: a dense float64 design matrix and one target per row.

/** What the targets mean: a real value to predict, or a class index 0..k−1. */
export type DatasetTask = 'regression' | 'classification';

/** Rows of features with one target each; features are row-major (row i, column j at i·columns + j). */
export interface Dataset {
  readonly features: Float64Array;
  /** A value per row (regression) or a class index 0..k−1 (classification). */
  readonly targets: Float64Array;
  readonly rows: number;
  readonly columns: number;
  readonly featureNames: readonly string[];
  readonly targetName: string;
  readonly task: DatasetTask;
  /** The name of each class index (classification only). */
  readonly classNames?: readonly string[];
}

/** Feature j of row i. */
export function featureAt(dataset: Dataset, row: number, column: number): number {
  return dataset.features[row * dataset.columns + column] ?? Number.NaN;
}

/** The number of classes of a classification data set (0 for regression). */
export function classCount(dataset: Dataset): number {
  return dataset.task === 'classification' ? (dataset.classNames?.length ?? 0) : 0;
}

/** A data set of the given rows, in the given order (rows may repeat); names and task are kept. */
export function selectRows(dataset: Dataset, indices: ArrayLike<number>): Dataset {
  const { columns } = dataset;
  const features = new Float64Array(indices.length * columns);
  const targets = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i] ?? 0;
    if (!Number.isInteger(row) || row < 0 || row >= dataset.rows) throw new RangeError(`row ${row} is outside 0..${dataset.rows - 1}`);
    features.set(dataset.features.subarray(row * columns, (row + 1) * columns), i * columns);
    targets[i] = dataset.targets[row] ?? Number.NaN;
  }
  return { ...dataset, features, targets, rows: indices.length };
}

/** Default feature names x1..xn, as the data view labels its axes. */
export function numberedNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
}
