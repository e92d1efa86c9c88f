import { describe, expect, it } from 'vitest';
import type { Dataset } from '../engine/data/dataset';
import { createModel } from '../engine/models';
import { classColor, columnExtent, dataLayout, fittedCurve, gridRows, modelInputs, predictedClasses, predictRaw, regionColors } from './data-fit';

const dataset = (features: number[], columns: number, targets: number[], task: Dataset['task'] = 'classification'): Dataset => ({
  features: Float64Array.from(features),
  targets: Float64Array.from(targets),
  rows: targets.length,
  columns,
  featureNames: Array.from({ length: columns }, (_, index) => `x${index + 1}`),
  targetName: 'y',
  task,
  classNames: task === 'classification' ? ['0', '1'] : undefined,
});

describe('data view arithmetic', () => {
  it('pads a column’s extent by the margin, and gives one value a unit around it', () => {
    const data = dataset([0, 10, 4, 20], 2, [0, 1]);
    expect(columnExtent(data, 0, 0.1)).toEqual([-0.4, 4.4]);
    expect(columnExtent(data, 1, 0)).toEqual([10, 20]);
    expect(columnExtent(data, -1, 0)).toEqual([0, 1]);
    expect(columnExtent(dataset([3], 1, [0]), 0)).toEqual([2, 4]);
  });

  it('lays the grid out row 0 at the top, cell centres, the other features at rest', () => {
    const raw = gridRows([0, 2], [0, 2], 2, 2, 3, [0, 2], [9, 7, 9]);
    // row 0 is the top (largest y): cells at y = 1.5, x = 0.5 and 1.5; feature 1 stays at 7
    expect(Array.from(raw.subarray(0, 6))).toEqual([0.5, 7, 1.5, 1.5, 7, 1.5]);
    expect(Array.from(raw.subarray(6, 12))).toEqual([0.5, 7, 0.5, 1.5, 7, 0.5]);
  });

  it('standardizes inputs as the model was trained: (x − mean) / scale per column', () => {
    const scaled = modelInputs(Float64Array.from([1, 10, 3, 30]), 2, {
      featureMeans: Float64Array.from([1, 20]),
      featureScales: Float64Array.from([2, 10]),
      targetMean: 0,
      targetScale: 1,
    });
    expect(Array.from(scaled)).toEqual([0, -1, 1, 1]);
  });

  it('predicts the logistic model’s side of its line, and colours the regions by the sure class', () => {
    // logistic regression on two features: parameters [w1, w2, b]; P(1) = σ(x1 − x2)
    const model = createModel({ kind: 'logistic' }, 2);
    const parameters = [10, -10, 0];
    const outputs = predictRaw(model, parameters, Float64Array.from([1, 0, 0, 1, 0.5, 0.5]), null);
    expect(Array.from(predictedClasses(outputs, 1, 2))).toEqual([1, 0, 1]);
    const rgba = new Uint8ClampedArray(12);
    regionColors(outputs, 1, 2, rgba);
    // a sure class 1 leans to orange (red > blue), a sure class 0 to blue; P = 0.5 is white
    expect(rgba[0]).toBeGreaterThan(rgba[2]);
    expect(rgba[6]).toBeGreaterThan(rgba[4]);
    expect(Array.from(rgba.subarray(8, 12))).toEqual([255, 255, 255, 255]);
    expect(classColor(1)).toBe('#f59322');
  });

  it('draws a line’s fitted values in the data’s units', () => {
    const model = createModel({ kind: 'linear' }, 1);
    // y = 2x + 1, trained on standardized x (mean 3, scale 2): the raw line is y = (x − 3) + 1
    const { x, y } = fittedCurve(model, [2, 1], [1, 5], 3, { featureMeans: Float64Array.from([3]), featureScales: Float64Array.from([2]), targetMean: 0, targetScale: 1 });
    expect(Array.from(x)).toEqual([1, 3, 5]);
    expect(Array.from(y)).toEqual([-1, 1, 3]);
  });

  it('chooses images for the digits, a line for one feature, a scatter otherwise', () => {
    expect(dataLayout(dataset(new Array(64).fill(0), 64, [0]), 'digits')).toBe('images');
    expect(dataLayout(dataset([1, 2], 1, [0, 1]), 'linear_1d')).toBe('line');
    expect(dataLayout(dataset([1, 2], 2, [0]), 'two_moons')).toBe('scatter');
  });
});
