import { describe, expect, it } from 'vitest';
import { generateDataset } from './generators/index';
import { splitDataset } from './split';
import { standardizeSplit, unstandardizeTarget } from './standardize';

// sklearn's StandardScaler itself is the oracle in generators/sklearn.test.ts; these are the
// properties: training z-scores have mean 0 and population variance 1, validation rows use the
// training statistics, and predictions map back.

function columnMoments(values: Float64Array, rows: number, columns: number, column: number): [number, number] {
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += values[i * columns + column];
  const mean = sum / rows;
  let squares = 0;
  for (let i = 0; i < rows; i++) squares += (values[i * columns + column] - mean) * (values[i * columns + column] - mean);
  return [mean, squares / rows];
}

describe('standardize', () => {
  const data = generateDataset('regression', { samples: 200, n_features: 3, n_informative: 3, bias: 50, noise: 3 }, 4);
  const split = splitDataset(data, 0.25, 6);

  it('fits on the training rows only: their z-scores have mean 0 and variance 1, the validation rows use the same shift and scale', () => {
    const { train, validation, standardization } = standardizeSplit(split.train, split.validation, { targets: true });
    for (let j = 0; j < 3; j++) {
      const [mean, variance] = columnMoments(train.features, train.rows, 3, j);
      expect(Math.abs(mean)).toBeLessThan(1e-14);
      expect(Math.abs(variance - 1)).toBeLessThan(1e-13);
      for (let i = 0; i < validation.rows; i++) {
        const raw = split.validation.features[i * 3 + j];
        expect(validation.features[i * 3 + j]).toBe((raw - standardization.featureMeans[j]) / standardization.featureScales[j]);
      }
      // The training statistics, not the validation rows' own.
      const [validationMean] = columnMoments(validation.features, validation.rows, 3, j);
      expect(validationMean).not.toBe(0);
    }
    const [targetMean, targetVariance] = columnMoments(train.targets, train.rows, 1, 0);
    expect(Math.abs(targetMean)).toBeLessThan(1e-14);
    expect(Math.abs(targetVariance - 1)).toBeLessThan(1e-13);
    for (let i = 0; i < validation.rows; i++) {
      expect(Math.abs(unstandardizeTarget(validation.targets[i], standardization) - split.validation.targets[i])).toBeLessThan(1e-12);
    }
  });

  it('leaves targets alone unless asked, and always for classification; the inputs are not modified', () => {
    const before = Float64Array.from(split.train.features);
    const featuresOnly = standardizeSplit(split.train, split.validation);
    expect(featuresOnly.train.targets).toEqual(split.train.targets);
    expect(featuresOnly.standardization.targetMean).toBe(0);
    expect(featuresOnly.standardization.targetScale).toBe(1);
    expect(split.train.features).toEqual(before);
    const moons = splitDataset(generateDataset('two_moons', {}, 2), 0.2, 2);
    const standardized = standardizeSplit(moons.train, moons.validation, { targets: true });
    expect(standardized.train.targets).toEqual(moons.train.targets);
  });

  it('maps a constant column to 0 with scale 1, and empty validation sets through', () => {
    const line = generateDataset('linear_1d', { samples: 10, noise: 0, slope: 0, intercept: 3, x_range: [0, 1] }, 1);
    const constant = { ...line, features: line.targets }; // x := y = 3 everywhere
    const { train, validation, standardization } = standardizeSplit(constant, splitDataset(line, 0, 1).validation, { targets: true });
    expect(standardization.featureScales[0]).toBe(1);
    expect(standardization.targetScale).toBe(1);
    expect(Array.from(train.features)).toEqual(new Array(10).fill(0));
    expect(validation.rows).toBe(0);
  });
});
