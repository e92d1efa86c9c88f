import type { Model } from '../models/model';
import { classCount, type Dataset } from './dataset';

// How well a model with given parameters fits rows of data: the mean loss, and for classes the
// accuracy and the confusion matrix, for values R² and the root mean squared error, as sklearn.metrics
// defines them (accuracy_score, confusion_matrix, r2_score, mean_squared_error ** 0.5).

/** The numbers the metrics panel shows for one set of rows. */
export interface FitMetrics {
  readonly rows: number;
  /** The model's mean loss (its training objective, penalty included). */
  readonly loss: number;
  /** Fraction of rows whose predicted class is the target (classification). */
  readonly accuracy?: number;
  /** confusion[true][predicted] counts (classification). */
  readonly confusion?: readonly (readonly number[])[];
  /** 1 − SS_res / SS_tot (regression; NaN for constant targets). */
  readonly rSquared?: number;
  /** √(mean squared error) (regression). */
  readonly rootMeanSquaredError?: number;
}

/**
 * The class a model predicts from its outputs for one row: the most probable of k, P(y = 1) ≥ 0.5 for
 * two classes, or the value rounded to the nearer class for a regression output on class targets.
 */
export function predictedClass(outputs: Float64Array, row: number, outputCount: number, classes: number): number {
  if (outputCount === 1) {
    const value = outputs[row];
    if (classes <= 2) return value >= 0.5 ? 1 : 0;
    return Math.min(classes - 1, Math.max(0, Math.round(value)));
  }
  let best = 0;
  for (let c = 1; c < outputCount; c++) if (outputs[row * outputCount + c] > outputs[row * outputCount + best]) best = c;
  return best;
}

/** The model's outputs on every row of `dataset` (rows × outputCount). */
export function predictRows(model: Model, parameters: ArrayLike<number>, dataset: Dataset): Float64Array {
  const outputs = new Float64Array(dataset.rows * model.outputCount);
  if (dataset.rows > 0) model.predict(parameters, dataset.features, dataset.rows, outputs);
  return outputs;
}

/** Loss and the task's metrics of `parameters` on the rows of `dataset` (NaNs for no rows). */
export function fitMetrics(model: Model, parameters: ArrayLike<number>, dataset: Dataset): FitMetrics {
  const { rows } = dataset;
  if (rows === 0) return { rows, loss: NaN };
  const loss = model.loss(parameters, dataset.features, dataset.targets, rows);
  const outputs = predictRows(model, parameters, dataset);
  if (dataset.task === 'classification') {
    const classes = Math.max(classCount(dataset), 2);
    const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
    let correct = 0;
    for (let row = 0; row < rows; row++) {
      const predicted = predictedClass(outputs, row, model.outputCount, classes);
      const actual = dataset.targets[row];
      confusion[actual][predicted]++;
      if (predicted === actual) correct++;
    }
    return { rows, loss, accuracy: correct / rows, confusion };
  }
  let mean = 0;
  for (let row = 0; row < rows; row++) mean += dataset.targets[row] / rows;
  let residual = 0;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    residual += (outputs[row] - dataset.targets[row]) ** 2;
    total += (dataset.targets[row] - mean) ** 2;
  }
  return { rows, loss, rSquared: total > 0 ? 1 - residual / total : NaN, rootMeanSquaredError: Math.sqrt(residual / rows) };
}

/** Accuracy only (classification), without the confusion matrix: what the loss chart plots per step. */
export function accuracyOf(model: Model, parameters: ArrayLike<number>, dataset: Dataset, outputs: Float64Array): number {
  if (dataset.rows === 0) return NaN;
  model.predict(parameters, dataset.features, dataset.rows, outputs);
  const classes = Math.max(classCount(dataset), 2);
  let correct = 0;
  for (let row = 0; row < dataset.rows; row++) if (predictedClass(outputs, row, model.outputCount, classes) === dataset.targets[row]) correct++;
  return correct / dataset.rows;
}

/** Per recorded point of a run (trajectory flattened points × dimension): the validation loss and, for classes, the accuracy on `dataset`. */
export function seriesOn(model: Model, trajectory: Float64Array, dimension: number, dataset: Dataset): { loss: Float64Array; accuracy: Float64Array | null } {
  const points = Math.floor(trajectory.length / dimension);
  const loss = new Float64Array(points);
  const accuracy = dataset.task === 'classification' ? new Float64Array(points) : null;
  const outputs = new Float64Array(dataset.rows * model.outputCount);
  for (let k = 0; k < points; k++) {
    const parameters = trajectory.subarray(k * dimension, (k + 1) * dimension);
    loss[k] = dataset.rows === 0 ? NaN : model.loss(parameters, dataset.features, dataset.targets, dataset.rows);
    if (accuracy !== null) accuracy[k] = accuracyOf(model, parameters, dataset, outputs);
  }
  return { loss, accuracy };
}
