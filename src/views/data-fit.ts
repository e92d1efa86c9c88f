// The data view's arithmetic, apart from the drawing so it can be tested without a DOM: where the
// points lie (in the data's own units, as loaded), the model's class probabilities on a grid over two
// features (the decision regions), its fitted curve over one feature, and the colours of both. The
// model sees standardized inputs when the problem asks for them, so every input is scaled here with
// the training rows' standardization before the model is asked, and every regression output is
// mapped back.
import { classCount, type Dataset } from '../engine/data/dataset';
import { predictedClass } from '../engine/data/fit-metrics';
import type { Standardization } from '../engine/data/standardize';
import type { Model } from '../engine/models';

/** A closed interval of a data axis. */
export type Extent = readonly [number, number];

/** Colours of the classes: blue and orange for two (as TensorFlow Playground), then a categorical palette. */
export const CLASS_COLORS = ['#0877bd', '#f59322', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;

/** The colour of class `index`. */
export function classColor(index: number): string {
  return CLASS_COLORS[((index % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}

/** The range of column `column` of a data set (its values are features, or the targets with column −1), widened by `margin` of its width on each side. */
export function columnExtent(dataset: Dataset, column: number, margin = 0.08): Extent {
  let low = Infinity;
  let high = -Infinity;
  for (let row = 0; row < dataset.rows; row++) {
    const value = column < 0 ? dataset.targets[row] : dataset.features[row * dataset.columns + column];
    if (!Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!Number.isFinite(low)) return [-1, 1];
  // one distinct value: a unit around it
  if (high <= low) return [low - 1, high + 1];
  const pad = margin * (high - low);
  return [low - pad, high + pad];
}

/** The model's inputs for rows of raw feature values, standardized as the model was trained. */
export function modelInputs(raw: Float64Array, columns: number, standardization: Standardization | null): Float64Array {
  if (standardization === null) return raw;
  const { featureMeans, featureScales } = standardization;
  const scaled = new Float64Array(raw.length);
  for (let index = 0; index < raw.length; index++) {
    const column = index % columns;
    scaled[index] = (raw[index] - featureMeans[column]) / featureScales[column];
  }
  return scaled;
}

/**
 * The cell centres of a columns × rows grid over two features (row 0 at the top, the largest second
 * feature), as raw feature rows of `featureCount` values: the pair's columns vary, the others stay at
 * `rest` (their training means, so a slice through the middle of the data).
 */
export function gridRows(
  xExtent: Extent,
  yExtent: Extent,
  columns: number,
  rows: number,
  featureCount: number,
  pair: readonly [number, number],
  rest: ArrayLike<number>,
): Float64Array {
  const raw = new Float64Array(columns * rows * featureCount);
  for (let row = 0; row < rows; row++) {
    const y = yExtent[1] - ((row + 0.5) / rows) * (yExtent[1] - yExtent[0]);
    for (let column = 0; column < columns; column++) {
      const x = xExtent[0] + ((column + 0.5) / columns) * (xExtent[1] - xExtent[0]);
      const offset = (row * columns + column) * featureCount;
      for (let feature = 0; feature < featureCount; feature++) raw[offset + feature] = rest[feature] ?? 0;
      raw[offset + pair[0]] = x;
      raw[offset + pair[1]] = y;
    }
  }
  return raw;
}

/** The model's outputs on raw feature rows (rows × outputCount). */
export function predictRaw(model: Model, parameters: ArrayLike<number>, raw: Float64Array, standardization: Standardization | null): Float64Array {
  const rows = raw.length / model.featureCount;
  const outputs = new Float64Array(rows * model.outputCount);
  if (rows > 0) model.predict(parameters, modelInputs(raw, model.featureCount, standardization), rows, outputs);
  return outputs;
}

/** The predicted class of each row from the model's outputs. */
export function predictedClasses(outputs: Float64Array, outputCount: number, classes: number): Uint8Array {
  const rows = outputs.length / outputCount;
  const predicted = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) predicted[row] = predictedClass(outputs, row, outputCount, classes);
  return predicted;
}

function rgb(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** How far toward the full class colour the most certain cell goes: the points on top must stay visible. */
const REGION_STRENGTH = 0.6;

/**
 * The decision regions' colours, as TensorFlow Playground's output map: each cell blends white toward
 * its predicted class's colour by how sure the model is, from white at chance (P = 1/k) to
 * REGION_STRENGTH of the colour at certainty. One output (two classes) is P(class 1).
 */
export function regionColors(outputs: Float64Array, outputCount: number, classes: number, rgba: Uint8ClampedArray): void {
  const cells = outputs.length / outputCount;
  const palette = Array.from({ length: Math.max(classes, 2) }, (_, index) => rgb(classColor(index)));
  const chance = 1 / Math.max(classes, 2);
  for (let cell = 0; cell < cells; cell++) {
    let best = 0;
    let probability: number;
    if (outputCount === 1) {
      const p = Math.min(1, Math.max(0, outputs[cell]));
      best = p >= 0.5 ? 1 : 0;
      probability = best === 1 ? p : 1 - p;
    } else {
      for (let c = 1; c < outputCount; c++) if (outputs[cell * outputCount + c] > outputs[cell * outputCount + best]) best = c;
      probability = outputs[cell * outputCount + best];
    }
    const certainty = Number.isFinite(probability) ? Math.max(0, Math.min(1, (probability - chance) / (1 - chance))) : 0;
    const strength = REGION_STRENGTH * certainty;
    const [r, g, b] = palette[best] ?? palette[0];
    rgba[cell * 4] = 255 + (r - 255) * strength;
    rgba[cell * 4 + 1] = 255 + (g - 255) * strength;
    rgba[cell * 4 + 2] = 255 + (b - 255) * strength;
    rgba[cell * 4 + 3] = 255;
  }
}

/**
 * The model's curve over one feature at `samples` evenly spaced x values: the predicted value in the
 * data's units (regression), or P(class 1) (a two-class model, drawn over the 0/1 targets).
 */
export function fittedCurve(
  model: Model,
  parameters: ArrayLike<number>,
  xExtent: Extent,
  samples: number,
  standardization: Standardization | null,
): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(samples);
  for (let index = 0; index < samples; index++) x[index] = xExtent[0] + (index / Math.max(1, samples - 1)) * (xExtent[1] - xExtent[0]);
  const outputs = predictRaw(model, parameters, x, standardization);
  const y = new Float64Array(samples);
  const targetMean = standardization?.targetMean ?? 0;
  const targetScale = standardization?.targetScale ?? 1;
  for (let index = 0; index < samples; index++) {
    // k class probabilities: the curve is P(class 1)
    y[index] = model.outputCount > 1 ? outputs[index * model.outputCount + 1] : targetMean + targetScale * outputs[index];
  }
  return { x, y };
}

/** What the data view draws of a data set: points over two features, one feature against the target, or digit images. */
export type DataLayout = 'scatter' | 'line' | 'images';

/** The layout for a data set: images for 8x8 digits, a line for one feature, else a scatter of the first two. */
export function dataLayout(dataset: Dataset, name: string | undefined): DataLayout {
  if (name === 'digits' && dataset.columns === 64) return 'images';
  return dataset.columns === 1 ? 'line' : 'scatter';
}

/** The mean of each feature over the rows of `dataset`. */
export function featureMeans(dataset: Dataset): Float64Array {
  const means = new Float64Array(dataset.columns);
  for (let row = 0; row < dataset.rows; row++) for (let column = 0; column < dataset.columns; column++) means[column] += dataset.features[row * dataset.columns + column] / dataset.rows;
  return means;
}

/** The number of classes a classification data set has (at least 2), 0 for regression. */
export function classesOf(dataset: Dataset): number {
  return dataset.task === 'classification' ? Math.max(classCount(dataset), 2) : 0;
}
