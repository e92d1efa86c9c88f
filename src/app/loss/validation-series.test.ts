import { describe, expect, it } from 'vitest';
import { checkProblem, problemSuggestedStarts } from '../../engine/problems';
import { resolveData, type DataProblem } from '../../engine/problems/data-problem';
import { seriesOn } from '../../engine/data/fit-metrics';
import { cutSeries, dataSeries, denseSeries, sampledIndices, seriesPoints } from './validation-series';

describe('validation series', () => {
  it('samples evenly with both ends, or every point when there are few', () => {
    expect(Array.from(sampledIndices(5, 10))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(sampledIndices(101, 5))).toEqual([0, 25, 50, 75, 100]);
    expect(sampledIndices(0, 5).length).toBe(0);
  });

  it('keeps every point of a small model and at least the minimum of a large one', () => {
    expect(seriesPoints(300, 40, 105)).toBe(300);
    expect(seriesPoints(5000, 40, 105)).toBe(357);
    expect(seriesPoints(5000, 360, 2410)).toBe(30);
  });

  it('fills between sampled points with straight lines and cuts at a count', () => {
    expect(Array.from(denseSeries({ index: [0, 2, 4], value: [0, 1, 0] }, 5))).toEqual([0, 0.5, 1, 0.5, 0]);
    expect(cutSeries({ index: [0, 2, 4], value: [0, 1, 0] }, 3)).toEqual({ index: [0, 2], value: [0, 1] });
  });

  it('equals seriesOn over every point where the budget allows them all', () => {
    const checked = checkProblem(
      { dataset: { name: 'two_moons', params: { samples: 60 }, validation: 0.25 }, model: { kind: 'mlp', hidden: [4], activation: 'tanh', loss: 'cross_entropy' } },
      'problem',
    );
    if (!checked.ok) throw new Error(checked.errors.join('; '));
    const problem = checked.value as DataProblem;
    const data = resolveData(problem);
    const start = Float64Array.from(problemSuggestedStarts(problem)[0]);
    const dimension = start.length;
    // three points: the start and two nudges of it
    const trajectory = new Float64Array(3 * dimension);
    for (let k = 0; k < 3; k++) for (let i = 0; i < dimension; i++) trajectory[k * dimension + i] = start[i] + 0.1 * k * (i % 3);
    const series = dataSeries({ trajectory, dimension, loss: [1, 1, 1] }, data, true);
    const reference = seriesOn(data.createModel(), trajectory, dimension, data.validation);
    expect(Array.from(series.validationLoss!.value)).toEqual(Array.from(reference.loss));
    expect(Array.from(series.validationAccuracy!.value)).toEqual(Array.from(reference.accuracy!));
    expect(series.trainAccuracy!.value.length).toBe(3);
  });
});
