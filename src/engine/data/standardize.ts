import type { Dataset } from './dataset';

// z-scores fitted on the training rows only (so nothing of the validation rows leaks into training)
// and applied to both, as sklearn's StandardScaler: the population standard deviation (ddof = 0), and
// a scale of 1 for a constant column. Regression targets may be standardized too; the target's mean
// and scale map predictions back to the data's units.

/** The shift and scale of each feature (and of the target), from the training rows. */
export interface Standardization {
  readonly featureMeans: Float64Array;
  readonly featureScales: Float64Array;
  /** 0 and 1 when the targets are left as they are (always for classification). */
  readonly targetMean: number;
  readonly targetScale: number;
}

/** Fits the standardization to a data set's rows; targets only when asked and the task is regression. */
export function fitStandardization(train: Dataset, options: { readonly targets?: boolean } = {}): Standardization {
  const { rows, columns, features } = train;
  const featureMeans = new Float64Array(columns);
  const featureScales = new Float64Array(columns);
  for (let j = 0; j < columns; j++) {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++) column[i] = features[i * columns + j];
    [featureMeans[j], featureScales[j]] = meanAndScale(column);
  }
  const [targetMean, targetScale] = options.targets && train.task === 'regression' ? meanAndScale(train.targets) : [0, 1];
  return { featureMeans, featureScales, targetMean, targetScale };
}

/** The data set in z-scores: (x − mean) / scale per column, and the target likewise. */
export function applyStandardization(dataset: Dataset, standardization: Standardization): Dataset {
  const { rows, columns } = dataset;
  const { featureMeans, featureScales, targetMean, targetScale } = standardization;
  if (featureMeans.length !== columns) throw new RangeError(`standardization has ${featureMeans.length} columns, the data ${columns}`);
  const features = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) features[i * columns + j] = (dataset.features[i * columns + j] - featureMeans[j]) / featureScales[j];
  }
  const targets = dataset.targets.map((target) => (target - targetMean) / targetScale);
  return { ...dataset, features, targets };
}

/** A standardized prediction in the data's units: mean + scale · z. */
export function unstandardizeTarget(value: number, standardization: Standardization): number {
  return standardization.targetMean + standardization.targetScale * value;
}

/** Fits on `train`, applies to train and validation. */
export function standardizeSplit(
  train: Dataset,
  validation: Dataset,
  options: { readonly targets?: boolean } = {},
): { readonly train: Dataset; readonly validation: Dataset; readonly standardization: Standardization } {
  const standardization = fitStandardization(train, options);
  return { train: applyStandardization(train, standardization), validation: applyStandardization(validation, standardization), standardization };
}

/** Mean and population standard deviation (two-pass), the deviation 1 where it is 0 or there are no rows. */
function meanAndScale(values: Float64Array): [number, number] {
  if (values.length === 0) return [0, 1];
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  const deviation = Math.sqrt(squares / values.length);
  return [mean, deviation > 0 ? deviation : 1];
}
