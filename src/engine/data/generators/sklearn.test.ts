import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitStandardization, applyStandardization } from '../standardize';
import { validationCount } from '../split';
import type { Dataset } from '../dataset';
import { generateDataset } from './index';

/*
 * The oracle is sklearn 1.2.1 (scripts/references/sklearn_datasets.py): what it builds without
 * randomness. make_moons and make_circles with noise=None and shuffle=False are fully deterministic,
 * so every coordinate is compared (to 1 ulp-ish: numpy's cos/sin and V8's may differ in the last
 * bit); make_blobs and make_classification with shuffle=False and flip_y=0 have deterministic labels,
 * which fix how the rows are dealt to clusters and classes.
 */
interface Golden {
  moons: { samples: number; features: number[]; targets: number[] }[];
  circles: { samples: number; factor: number; features: number[]; targets: number[] }[];
  blobs: { samples: number; centers: number; n_features: number; targets: number[] }[];
  classification: { samples: number; n_classes: number; n_clusters_per_class: number; n_informative: number; targets: number[] }[];
  splits: { rows: number; fraction: number; validation: number }[];
  scaler: { train: number[]; validation: number[]; columns: number; mean: number[]; scale: number[]; train_z: number[]; validation_z: number[] };
}

const golden = JSON.parse(readFileSync(new URL('../sklearn.golden.json', import.meta.url), 'utf8')) as Golden;

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `entry ${i}`).toBeLessThanOrEqual(tolerance);
}

describe('generated data sets against sklearn (noise-free, shuffle=False)', () => {
  it.each(golden.moons.map((moons) => [moons.samples, moons] as const))('make_moons, %i samples', (samples, reference) => {
    const dataset = generateDataset('two_moons', { samples, noise: 0 }, 1);
    expectClose(dataset.features, reference.features, 4e-16);
    expect(Array.from(dataset.targets)).toEqual(reference.targets);
  });

  it.each(golden.circles.map((circles) => [circles.samples, circles.factor, circles] as const))('make_circles, %i samples, factor %f', (samples, factor, reference) => {
    const dataset = generateDataset('circles', { samples, noise: 0, factor }, 1);
    expectClose(dataset.features, reference.features, 4e-16);
    expect(Array.from(dataset.targets)).toEqual(reference.targets);
  });

  it.each(golden.blobs.map((blobs) => [blobs.samples, blobs.centers, blobs] as const))('make_blobs labels, %i samples, %i centers', (samples, centers, reference) => {
    const dataset = generateDataset('blobs', { samples, centers, n_features: reference.n_features }, 1);
    expect(Array.from(dataset.targets)).toEqual(reference.targets);
    expect(dataset.columns).toBe(reference.n_features);
  });

  it.each(golden.classification.map((c) => [c.samples, c.n_classes, c.n_clusters_per_class, c] as const))(
    'make_classification labels, %i samples, %i classes, %i clusters per class',
    (samples, classes, perClass, reference) => {
      const dataset = generateDataset(
        'classification',
        { samples, n_classes: classes, n_clusters_per_class: perClass, n_informative: reference.n_informative, n_features: reference.n_informative, flip_y: 0 },
        1,
      );
      expect(Array.from(dataset.targets)).toEqual(reference.targets);
    },
  );

  it('train_test_split sizes: ⌈fraction · rows⌉ validation rows', () => {
    for (const { rows, fraction, validation } of golden.splits) expect(validationCount(rows, fraction), `${rows} × ${fraction}`).toBe(validation);
  });

  it('StandardScaler: means, scales (1 for a constant column) and z-scores of train and validation', () => {
    const { columns } = golden.scaler;
    const asDataset = (values: number[]): Dataset => ({
      features: Float64Array.from(values),
      targets: new Float64Array(values.length / columns),
      rows: values.length / columns,
      columns,
      featureNames: ['a', 'b', 'c'],
      targetName: 'y',
      task: 'regression',
    });
    const standardization = fitStandardization(asDataset(golden.scaler.train));
    expectClose(standardization.featureMeans, golden.scaler.mean, 1e-14);
    expectClose(standardization.featureScales, golden.scaler.scale, 1e-14);
    expectClose(applyStandardization(asDataset(golden.scaler.train), standardization).features, golden.scaler.train_z, 1e-13);
    expectClose(applyStandardization(asDataset(golden.scaler.validation), standardization).features, golden.scaler.validation_z, 1e-13);
  });
});
