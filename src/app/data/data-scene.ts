// What the data panel draws, from a resolved data problem and the runs: the rows in data units (the
// scene, once per data set) and each frame's fit (decision regions, curves, predicted classes and
// the picture in words). Pure, tested in Node; the panel only schedules and draws.
import { featureAt } from '../../engine/data/dataset';
import { accuracyOf, fitMetrics } from '../../engine/data/fit-metrics';
import type { Model } from '../../engine/models';
import type { ResolvedData } from '../../engine/problems/resolved-data';
import { classesOf, columnExtent, dataLayout, featureMeans, fittedCurve, gridRows, predictedClasses, predictRaw, regionColors } from '../../views/data-fit';
import type { DataCurve, DataFit, DataScene } from '../../views/data-view';

/** Cells across (and down) the decision regions' grid: 4,096 forward passes a frame. */
export const REGION_CELLS = 64;
/** Samples along a fitted curve. */
const CURVE_SAMPLES = 160;
/** Digit images shown. */
export const IMAGE_COUNT = 40;

/** The scene with what the fit needs of it: the data, a model instance and the decision grid's inputs. */
export interface PreparedScene {
  readonly scene: DataScene;
  readonly data: ResolvedData;
  readonly model: Model;
  /** Row index into data.all of each point or image. */
  readonly rows: Uint32Array;
  /** The decision grid's raw inputs (two-feature classification only). */
  readonly grid: Float64Array | null;
}

/** The scene of a resolved data problem (`name`: its data set's name, for the digits' images). */
export function prepareScene(data: ResolvedData, name: string | undefined): PreparedScene {
  const { all } = data;
  const layout = dataLayout(all, name);
  const classes = classesOf(all);
  const validation = new Uint8Array(all.rows);
  for (const row of data.validationIndices) validation[row] = 1;
  const model = data.createModel();
  if (layout === 'images') {
    // held-out rows first: those show what the model learnt rather than what it remembers
    const order = [...data.validationIndices, ...data.trainIndices].slice(0, IMAGE_COUNT);
    const rows = Uint32Array.from(order);
    let maximum = 0;
    for (const value of all.features) if (value > maximum) maximum = value;
    const pixels = order.map((row) => all.features.slice(row * all.columns, (row + 1) * all.columns));
    return {
      scene: {
        layout,
        xTitle: '',
        yTitle: '',
        xExtent: [0, 1],
        yExtent: [0, 1],
        x: [],
        y: [],
        target: order.map((row) => all.targets[row]),
        validation: order.map((row) => validation[row]),
        classes,
        images: { pixels, maximum: maximum > 0 ? maximum : 1 },
      },
      data,
      model,
      rows,
      grid: null,
    };
  }
  const rows = Uint32Array.from({ length: all.rows }, (_, index) => index);
  const x = Float64Array.from(rows, (row) => featureAt(all, row, 0));
  const line = layout === 'line' || all.task === 'regression';
  const y = line ? Float64Array.from(all.targets) : Float64Array.from(rows, (row) => featureAt(all, row, 1));
  const xExtent = columnExtent(all, 0);
  // a 0/1 target gets room for the probability curve's whole range
  const yExtent = line ? (classes > 0 ? ([-0.1, 1.1] as const) : columnExtent(all, -1)) : columnExtent(all, 1);
  const grid =
    !line && classes > 0 && all.columns === 2
      ? gridRows(xExtent, yExtent, REGION_CELLS, REGION_CELLS, all.columns, [0, 1], data.standardization?.featureMeans ?? featureMeans(all))
      : null;
  return {
    scene: {
      layout: line ? 'line' : 'scatter',
      xTitle: all.featureNames[0] ?? 'x1',
      yTitle: line ? all.targetName : (all.featureNames[1] ?? 'x2'),
      xExtent,
      yExtent,
      x,
      y,
      target: all.targets,
      validation,
      classes,
    },
    data,
    model,
    rows,
    grid,
  };
}

/** A visible run at the step shown: its name, colour, parameters there and whether it is the selected run. */
export interface RunAtStep {
  readonly label: string;
  readonly color: string;
  readonly parameters: Float64Array;
  readonly selected: boolean;
  readonly step: number;
}

/** Two decimals for the description. */
function two(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : 'undefined';
}

/** The fit shown at the step: regions or predictions of the selected run, curves of every run, and the description. */
export function fitAt(prepared: PreparedScene, runs: readonly RunAtStep[]): DataFit {
  const { scene, data, model, rows, grid } = prepared;
  const selected = runs.find((run) => run.selected) ?? runs[0];
  if (!selected) return { regions: null, curves: [], predicted: null, description: describeEmpty(scene) };
  const { all } = data;
  const classes = scene.classes;
  // the rows the description's accuracy is measured on: held out when there are any
  const measured = data.validation.rows > 0 ? data.validation : data.train;
  const which = data.validation.rows > 0 ? 'validation' : 'training';
  if (classes > 0) {
    const accuracy = accuracyOf(model, selected.parameters, measured, new Float64Array(measured.rows * model.outputCount));
    const what = `${which} accuracy ${two(accuracy)}`;
    const rowFeatures = (indices: Uint32Array) => {
      const raw = new Float64Array(indices.length * all.columns);
      indices.forEach((row, index) => raw.set(all.features.subarray(row * all.columns, (row + 1) * all.columns), index * all.columns));
      return raw;
    };
    if (scene.layout === 'images') {
      const predicted = predictedClasses(predictRaw(model, selected.parameters, rowFeatures(rows), data.standardization), model.outputCount, classes);
      return { regions: null, curves: [], predicted, description: `Digits with the labels ${selected.label} predicts at step ${selected.step}, ${what}` };
    }
    if (grid !== null) {
      const outputs = predictRaw(model, selected.parameters, grid, data.standardization);
      return {
        regions: { columns: REGION_CELLS, rows: REGION_CELLS, paint: (rgba) => regionColors(outputs, model.outputCount, classes, rgba) },
        curves: [],
        predicted: null,
        description: `Decision regions of ${selected.label} at step ${selected.step}, ${what}`,
      };
    }
    if (scene.layout === 'line') {
      const curves = runs.map((run) => curveOf(prepared, run));
      return { regions: null, curves, predicted: null, description: `P(class 1) of each run over ${scene.xTitle}; ${selected.label} at step ${selected.step}, ${what}` };
    }
    // more than two features: the points coloured by the class the selected run predicts
    const predicted = predictedClasses(predictRaw(model, selected.parameters, all.features, data.standardization), model.outputCount, classes);
    return { regions: null, curves: [], predicted, description: `${scene.xTitle} against ${scene.yTitle}, coloured by the class ${selected.label} predicts at step ${selected.step}, ${what}` };
  }
  const metrics = fitMetrics(model, selected.parameters, measured);
  const what = `${which} R² ${two(metrics.rSquared ?? NaN)}`;
  if (all.columns === 1) {
    return { regions: null, curves: runs.map((run) => curveOf(prepared, run)), predicted: null, description: `Fitted line of each run; ${selected.label} at step ${selected.step}, ${what}` };
  }
  // several features: each run's prediction per row, over the first feature
  const curves = runs.map((run): DataCurve => {
    const outputs = predictRaw(model, run.parameters, all.features, data.standardization);
    const targetMean = data.standardization?.targetMean ?? 0;
    const targetScale = data.standardization?.targetScale ?? 1;
    return { label: run.label, color: run.color, x: scene.x, y: outputs.map((value) => targetMean + targetScale * value), selected: run.selected, dots: true };
  });
  return { regions: null, curves, predicted: null, description: `${scene.yTitle} and each run's predictions against ${scene.xTitle}; ${selected.label} at step ${selected.step}, ${what}` };
}

function curveOf(prepared: PreparedScene, run: RunAtStep): DataCurve {
  const { x, y } = fittedCurve(prepared.model, run.parameters, prepared.scene.xExtent, CURVE_SAMPLES, prepared.data.standardization);
  return { label: run.label, color: run.color, x, y, selected: run.selected };
}

function describeEmpty(scene: DataScene): string {
  return scene.layout === 'images' ? 'Digits of the data set' : `${scene.yTitle} against ${scene.xTitle}: the data, before any run`;
}

/**
 * The row a click adds, in data units: [x1, x2, class] on a two-feature scatter, [x, target] on one
 * feature (the class, 0 or 1, for a two-class target); null where a click cannot say every feature.
 */
export function clickedRow(scene: DataScene, featureCount: number, x: number, y: number, chosenClass: number): number[] | null {
  if (scene.layout === 'images') return null;
  if (scene.classes > 0) {
    if (scene.layout === 'scatter' && featureCount === 2) return [x, y, chosenClass];
    if (scene.layout === 'line' && featureCount === 1) return [x, chosenClass];
    return null;
  }
  return featureCount === 1 ? [x, y] : null;
}
