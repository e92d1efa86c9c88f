// A data problem's held-out loss and the accuracies per run, for the loss chart. The engine records
// the training loss at every point; these need a pass over other rows per point, so they are
// computed here on the main thread, at evenly spaced points only (every point while that stays
// cheap), and kept per run result. Measured (Node, this machine): an 8-8 tanh MLP on 40 held-out
// rows takes 0.14-0.2 ms a point (a 5,000-step run would take 0.7 s at every point); a 64-32-10 MLP
// on the digits' 360 held-out rows 10 ms a point. So a run gets as many points as about 1.5 M
// rows × parameters allow (~40 ms), never under MIN_SERIES_POINTS; the chart draws a few hundred
// distinct x positions anyway. Digits-sized models would be better served by the engine worker.
import { accuracyOf, seriesOn } from '../../engine/data/fit-metrics';
import type { Dataset } from '../../engine/data/dataset';
import type { Model } from '../../engine/models';
import type { ResolvedData } from '../../engine/problems/resolved-data';
import type { SampledSeries } from '../../views/loss-series';

/** Rows × parameters × points one run's series may take: ~40 ms of a main thread (see above). */
export const SERIES_WORK_BUDGET = 1.5e6;
/** Fewest points a series keeps, whatever the budget: the curve's shape needs them. */
export const MIN_SERIES_POINTS = 30;

/** `count` indices 0..total−1, evenly spaced, first and last included (all of them when count ≥ total). */
export function sampledIndices(total: number, count: number): Uint32Array {
  if (total <= 0) return new Uint32Array(0);
  if (count >= total) return Uint32Array.from({ length: total }, (_, index) => index);
  const wanted = Math.max(2, count);
  const indices = new Set<number>();
  for (let index = 0; index < wanted; index++) indices.add(Math.round((index * (total - 1)) / (wanted - 1)));
  return Uint32Array.from([...indices].sort((a, b) => a - b));
}

/** How many points of a run to evaluate on `rows` rows with a model of `parameterCount` parameters. */
export function seriesPoints(total: number, rows: number, parameterCount: number): number {
  const perPoint = Math.max(1, rows * parameterCount);
  return Math.min(total, Math.max(MIN_SERIES_POINTS, Math.floor(SERIES_WORK_BUDGET / perPoint)));
}

/** The held-out series of one run: loss and accuracy on the validation rows, accuracy on the training rows, at the same points. */
export interface DataSeries {
  readonly validationLoss: SampledSeries | null;
  readonly validationAccuracy: SampledSeries | null;
  readonly trainAccuracy: SampledSeries | null;
}

/** A run's recorded points (flattened trajectory) on some rows: loss and accuracy at `indices`. */
function on(model: Model, trajectory: Float64Array, dimension: number, indices: Uint32Array, dataset: Dataset) {
  const points = new Float64Array(indices.length * dimension);
  indices.forEach((point, index) => points.set(trajectory.subarray(point * dimension, (point + 1) * dimension), index * dimension));
  return seriesOn(model, points, dimension, dataset);
}

/** The run's series: validation loss (and the accuracies when `accuracy`), at sampled points. */
export function dataSeries(run: { readonly trajectory: Float64Array; readonly dimension: number; readonly loss: ArrayLike<number> }, data: ResolvedData, accuracy: boolean): DataSeries {
  const model = data.createModel();
  const total = run.loss.length;
  const classes = data.all.task === 'classification';
  let validationLoss: SampledSeries | null = null;
  let validationAccuracy: SampledSeries | null = null;
  if (data.validation.rows > 0) {
    const index = sampledIndices(total, seriesPoints(total, data.validation.rows, model.parameterCount));
    const series = on(model, run.trajectory, run.dimension, index, data.validation);
    validationLoss = { index, value: series.loss };
    if (series.accuracy) validationAccuracy = { index, value: series.accuracy };
  }
  let trainAccuracy: SampledSeries | null = null;
  if (accuracy && classes) {
    const index = sampledIndices(total, seriesPoints(total, data.train.rows, model.parameterCount));
    const outputs = new Float64Array(data.train.rows * model.outputCount);
    const value = Float64Array.from(index, (point) => accuracyOf(model, run.trajectory.subarray(point * run.dimension, (point + 1) * run.dimension), data.train, outputs));
    trainAccuracy = { index, value };
  }
  return { validationLoss, validationAccuracy, trainAccuracy };
}

/** A sampled series as one value per point 0..count−1, straight lines between the sampled points (the chart's solid curve needs every point). */
export function denseSeries(series: SampledSeries, count: number): Float64Array {
  const dense = new Float64Array(count).fill(NaN);
  const { index, value } = series;
  let next = 0;
  for (let point = 0; point < count; point++) {
    while (next < index.length - 1 && index[next + 1] <= point) next++;
    const left = index[next];
    if (point === left || next === index.length - 1) {
      dense[point] = point >= left ? value[next] : NaN;
      continue;
    }
    const right = index[next + 1];
    const t = (point - left) / (right - left);
    dense[point] = value[next] + t * (value[next + 1] - value[next]);
  }
  return dense;
}

/** The part of a series within a run's first `count` points (a budget's cut). */
export function cutSeries(series: SampledSeries | null, count: number): SampledSeries | null {
  if (series === null) return null;
  let end = 0;
  while (end < series.index.length && series.index[end] < count) end++;
  if (end === series.index.length) return series;
  return { index: Array.prototype.slice.call(series.index, 0, end) as number[], value: Array.prototype.slice.call(series.value, 0, end) as number[] };
}

// per run result and data: the same result is asked for again on every re-render
const cache = new WeakMap<object, { data: ResolvedData; accuracy: boolean; series: DataSeries }>();

/** dataSeries, kept per run result (a result with accuracy serves a request without). */
export function cachedDataSeries(run: { readonly trajectory: Float64Array; readonly dimension: number; readonly loss: ArrayLike<number> }, data: ResolvedData, accuracy: boolean): DataSeries {
  const kept = cache.get(run);
  if (kept && kept.data === data && (kept.accuracy || !accuracy)) return kept.series;
  const series = dataSeries(run, data, accuracy);
  cache.set(run, { data, accuracy, series });
  return series;
}
