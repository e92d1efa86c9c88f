import { describe, expect, it } from 'vitest';
import { checkHyperValue } from '../../checks';
import { classCount } from '../dataset';
import { DATASET_GENERATORS, findGenerator, generateDataset, validateDatasetParams } from './index';

describe('the data set registry', () => {
  it('lists the nine generators of issue 11 under unique names, each with samples and its noise control', () => {
    const names = DATASET_GENERATORS.map((generator) => generator.name);
    expect(names).toEqual(['linear_1d', 'polynomial', 'regression', 'two_moons', 'circles', 'spiral', 'xor', 'blobs', 'classification']);
    for (const generator of DATASET_GENERATORS) {
      const specs = generator.paramSpecs.map((spec) => spec.name);
      expect(new Set(specs).size, generator.name).toBe(specs.length);
      expect(specs, generator.name).toContain('samples');
      expect(specs, generator.name).toContain(generator.noiseParameter);
      for (const spec of generator.paramSpecs) expect(checkHyperValue(spec.defaultValue, spec, spec.name), `${generator.name}.${spec.name}`).toBeUndefined();
    }
  });

  it.each(DATASET_GENERATORS.map((generator) => [generator.name, generator] as const))('%s with its defaults: a consistent data set', (name, generator) => {
    const data = generateDataset(name, {}, 1);
    const samples = generator.paramSpecs.find((spec) => spec.name === 'samples')?.defaultValue;
    expect(data.rows).toBe(samples);
    expect(data.task).toBe(generator.task);
    expect(data.features.length).toBe(data.rows * data.columns);
    expect(data.targets.length).toBe(data.rows);
    expect(data.featureNames.length).toBe(data.columns);
    for (const value of data.features) expect(Number.isFinite(value)).toBe(true);
    if (data.task === 'classification') {
      const classes = classCount(data);
      expect(classes).toBeGreaterThanOrEqual(2);
      const seen = new Set(data.targets);
      for (const label of seen) expect(Number.isInteger(label) && label >= 0 && label < classes).toBe(true);
      expect(seen.size).toBe(classes); // every class present at the defaults
    } else {
      for (const value of data.targets) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('refuses unknown names and parameters, out-of-range values and inconsistent combinations, naming the field', () => {
    expect(() => generateDataset('moons', {}, 1)).toThrow(/unknown data set "moons"/);
    expect(() => generateDataset('two_moons', { n_samples: 10 }, 1)).toThrow(/dataset.n_samples is not a parameter of two_moons/);
    expect(() => generateDataset('two_moons', { samples: 0 }, 1)).toThrow(/dataset.samples must be a whole number from 1 to 100000, got 0/);
    expect(() => generateDataset('two_moons', { samples: 2.5 }, 1)).toThrow(/dataset.samples/);
    expect(() => generateDataset('circles', { factor: 1 }, 1)).toThrow(/dataset.factor/);
    expect(() => generateDataset('two_moons', { noise: -0.1 }, 1)).toThrow(/dataset.noise/);
    const regression = findGenerator('regression');
    const classification = findGenerator('classification');
    const line = findGenerator('linear_1d');
    if (!regression || !classification || !line) throw new Error('missing generator');
    expect(validateDatasetParams(regression, { n_features: 2, n_informative: 3 })).toEqual(['dataset: n_informative (3) must be ≤ n_features (2)']);
    expect(validateDatasetParams(classification, { n_features: 3, n_informative: 2, n_redundant: 2 })[0]).toMatch(/n_informative \+ n_redundant \(4\) must be ≤ n_features \(3\)/);
    // sklearn's rule: n_classes · n_clusters_per_class ≤ 2^n_informative (4 ≤ 4 passes, 6 > 4 fails).
    expect(validateDatasetParams(classification, { n_classes: 2, n_clusters_per_class: 2 })).toEqual([]);
    expect(validateDatasetParams(classification, { n_classes: 3, n_clusters_per_class: 2 })[0]).toMatch(/must be ≤ 2\^n_informative/);
    expect(validateDatasetParams(line, { x_range: [1, 1] })[0]).toMatch(/x_range must have low < high/);
  });
});
