import { describe, expect, it } from 'vitest';
import { checkProblem, problemSuggestedStarts } from '../../engine/problems';
import { createModel } from '../../engine/models';
import { resolveData, type DataProblem } from '../../engine/problems/data-problem';
import { clickedRow, fitAt, prepareScene, REGION_CELLS } from './data-scene';

function problemOf(json: unknown): DataProblem {
  const checked = checkProblem(json, 'problem');
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.value as DataProblem;
}

const MOONS = problemOf({ dataset: { name: 'two_moons', params: { samples: 40 }, validation: 0.25, standardize: true }, model: { kind: 'mlp', hidden: [4], activation: 'tanh', loss: 'cross_entropy' } });

describe('data scene', () => {
  it('draws two moons as a scatter with its validation rows marked and a 64 × 64 decision grid', () => {
    const prepared = prepareScene(resolveData(MOONS), 'two_moons');
    expect(prepared.scene.layout).toBe('scatter');
    expect(prepared.scene.x.length).toBe(40);
    expect(Array.from(prepared.scene.validation).filter((flag) => flag === 1).length).toBe(10);
    expect(prepared.grid!.length).toBe(REGION_CELLS * REGION_CELLS * 2);
  });

  it('describes the selected run’s regions at the step with its validation accuracy', () => {
    const prepared = prepareScene(resolveData(MOONS), 'two_moons');
    const parameters = Float64Array.from(problemSuggestedStarts(MOONS)[0]);
    const fit = fitAt(prepared, [{ label: 'Adam', color: '#000', parameters, selected: true, step: 7 }]);
    expect(fit.description).toMatch(/^Decision regions of Adam at step 7, validation accuracy \d\.\d\d$/);
    const rgba = new Uint8ClampedArray(REGION_CELLS * REGION_CELLS * 4);
    fit.regions!.paint(rgba);
    expect(rgba[3]).toBe(255);
  });

  it('draws one feature against its target with a fitted line per run', () => {
    const problem = problemOf({ dataset: { name: 'linear_1d', params: { samples: 20 } }, model: { kind: 'linear' } });
    const prepared = prepareScene(resolveData(problem), 'linear_1d');
    expect(prepared.scene.layout).toBe('line');
    const fit = fitAt(prepared, [
      { label: 'GD', color: '#111', parameters: Float64Array.from([2, 1]), selected: true, step: 3 },
      { label: 'Adam', color: '#222', parameters: Float64Array.from([0, 0]), selected: false, step: 3 },
    ]);
    expect(fit.curves.map((curve) => curve.label)).toEqual(['GD', 'Adam']);
    // the line y = 2x + 1 (no standardizing)
    expect(fit.curves[0].y[0]).toBeCloseTo(2 * fit.curves[0].x[0] + 1, 12);
    expect(fit.description).toMatch(/R² /);
  });

  it('adds a clicked row as [x1, x2, class] or [x, y], and none where a click cannot give every feature', () => {
    const scatter = prepareScene(resolveData(MOONS), 'two_moons').scene;
    expect(clickedRow(scatter, 2, 0.5, -0.25, 1)).toEqual([0.5, -0.25, 1]);
    expect(clickedRow({ ...scatter, layout: 'line', classes: 0 }, 1, 2, 3, 0)).toEqual([2, 3]);
    expect(clickedRow(scatter, 4, 0.5, -0.25, 1)).toBeNull();
  });
});

describe('digits', () => {
  it('shows held-out images first with the predicted label of each, 8 × 8 values per image', () => {
    const rows = 50;
    const features = Float64Array.from({ length: rows * 64 }, (_, index) => index % 17);
    const targets = Float64Array.from({ length: rows }, (_, index) => index % 10);
    const all = { features, targets, rows, columns: 64, featureNames: [], targetName: 'digit', task: 'classification' as const, classNames: Array.from({ length: 10 }, (_, index) => String(index)) };
    const validationIndices = Uint32Array.from({ length: 10 }, (_, index) => 40 + index);
    const trainIndices = Uint32Array.from({ length: 40 }, (_, index) => index);
    const model = { kind: 'softmax' } as const;
    const data = {
      all,
      train: all,
      validation: all,
      trainIndices,
      validationIndices,
      standardization: null,
      model,
      createModel: () => createModel(model, 64, 10),
    };
    const prepared = prepareScene(data, 'digits');
    expect(prepared.scene.layout).toBe('images');
    expect(prepared.scene.images!.pixels).toHaveLength(40);
    expect(prepared.scene.images!.pixels[0]).toHaveLength(64);
    expect(prepared.scene.images!.maximum).toBe(16);
    // held-out row 40 first, its target 0
    expect(prepared.rows[0]).toBe(40);
    expect(prepared.scene.validation[0]).toBe(1);
    const parameters = new Float64Array(65 * 10);
    // a bias for class 3 alone: every image is predicted 3
    parameters[64 * 10 + 3] = 1;
    const fit = fitAt(prepared, [{ label: 'Softmax', color: '#000', parameters, selected: true, step: 2 }]);
    expect(Array.from(fit.predicted!).every((label) => label === 3)).toBe(true);
    expect(fit.description).toMatch(/^Digits with the labels Softmax predicts at step 2, validation accuracy 0\.\d\d$/);
  });
});
