import { describe, expect, it } from 'vitest';
import type { HyperValues } from '../../methods/hyperparameters';
import { featureAt } from '../dataset';
import { DATASET_GENERATORS, generateDataset } from './index';

// With noise, the noise itself is recovered (the noisy data minus the noise-free construction, or
// minus the known truth) and its mean and variance are compared with the distribution's, within 4
// standard errors: for N(0, σ²), the mean of n draws has SE σ/√n and the mean of squares σ²·√(2/n);
// for U[−a, a), the variance is a²/3 and the mean of squares has SE √(4a⁴/45 / n).

function expectNoise(residuals: readonly number[], variance: number, fourthMoment: number): void {
  const n = residuals.length;
  const mean = residuals.reduce((sum, value) => sum + value, 0) / n;
  const meanSquare = residuals.reduce((sum, value) => sum + value * value, 0) / n;
  expect(Math.abs(mean), 'mean').toBeLessThan(4 * Math.sqrt(variance / n));
  expect(Math.abs(meanSquare - variance), 'variance').toBeLessThan(4 * Math.sqrt((fourthMoment - variance * variance) / n));
}

/** Checks N(0, σ²) residuals: E x⁴ = 3σ⁴. */
function expectGaussian(residuals: readonly number[], sigma: number): void {
  expectNoise(residuals, sigma * sigma, 3 * sigma * sigma * sigma * sigma);
}

describe('noise statistics', () => {
  it('linear_1d: residuals y − (slope·x + intercept) are N(0, noise²); x is uniform on x_range', () => {
    const data = generateDataset('linear_1d', { samples: 5000, noise: 0.7, slope: 1.5, intercept: -2, x_range: [0, 4] }, 13);
    expectGaussian(Array.from(data.targets, (y, i) => y - (1.5 * data.features[i] - 2)), 0.7);
    // x − 2 is U[−2, 2): variance 4/3, E x⁴ = 16/5.
    expectNoise(Array.from(data.features, (x) => x - 2), 4 / 3, 16 / 5);
  });

  it('polynomial: residuals from the seeded curve are N(0, noise²)', () => {
    const data = generateDataset('polynomial', { samples: 5000, noise: 0.2, degree: 2 }, 17);
    const [c0, c1, c2] = data.truth.coefficients ?? [];
    expectGaussian(Array.from(data.targets, (y, i) => y - (c0 + c1 * data.features[i] + c2 * data.features[i] * data.features[i])), 0.2);
  });

  it('regression: X is N(0, 1) entrywise and y − X·w − bias is N(0, noise²)', () => {
    const data = generateDataset('regression', { samples: 3000, n_features: 3, n_informative: 2, noise: 5, bias: 1 }, 19);
    expectGaussian(Array.from(data.features), 1);
    const w = data.truth.coefficients ?? new Float64Array(3);
    expectGaussian(
      Array.from(data.targets, (y, i) => y - 1 - featureAt(data, i, 0) * w[0] - featureAt(data, i, 1) * w[1] - featureAt(data, i, 2) * w[2]),
      5,
    );
  });

  it.each([
    ['two_moons', {}],
    ['circles', { factor: 0.4 }],
  ] as const)('%s: noisy minus noise-free coordinates are N(0, noise²)', (name, extra) => {
    const noisy = generateDataset(name, { samples: 3000, noise: 0.15, ...extra }, 23);
    const clean = generateDataset(name, { samples: 3000, noise: 0, ...extra }, 23);
    expectGaussian(Array.from(noisy.features, (value, i) => value - clean.features[i]), 0.15);
    expect(noisy.targets).toEqual(clean.targets);
  });

  it('spiral: noisy minus noise-free coordinates are U[−noise, noise)', () => {
    const a = 0.5;
    const noisy = generateDataset('spiral', { samples: 4000, noise: a }, 29);
    const clean = generateDataset('spiral', { samples: 4000, noise: 0 }, 29);
    const residuals = Array.from(noisy.features, (value, i) => value - clean.features[i]);
    for (const residual of residuals) expect(Math.abs(residual)).toBeLessThanOrEqual(a);
    expectNoise(residuals, (a * a) / 3, (a * a * a * a) / 5);
  });

  it('blobs: each cluster is its center + N(0, cluster_std²), centers inside center_box', () => {
    const k = 4;
    const data = generateDataset('blobs', { samples: 4000, centers: k, n_features: 3, cluster_std: 0.8, center_box: [-5, 5] }, 31);
    const centers = data.truth.centers ?? new Float64Array();
    expect(centers.length).toBe(k * 3);
    for (const value of centers) expect(value >= -5 && value < 5).toBe(true);
    for (let cluster = 0; cluster < k; cluster++) {
      const residuals: number[] = [];
      for (let i = 0; i < data.rows; i++) {
        if (data.targets[i] !== cluster) continue;
        for (let j = 0; j < 3; j++) residuals.push(featureAt(data, i, j) - centers[cluster * 3 + j]);
      }
      expect(residuals.length).toBe(3000);
      expectGaussian(residuals, 0.8);
    }
  });

  it('classification: useless features are N(0, 1); cluster means sit at their vertices; flip_y redraws that share', () => {
    const params = { samples: 20000, n_features: 4, n_informative: 2, n_redundant: 0, n_classes: 2, n_clusters_per_class: 2, class_sep: 2 };
    const data = generateDataset('classification', { ...params, flip_y: 0 }, 37);
    const useless: number[] = [];
    for (let i = 0; i < data.rows; i++) useless.push(featureAt(data, i, 2), featureAt(data, i, 3));
    expectGaussian(useless, 1);
    // Rows come in cluster order, 5000 per cluster; x·A with |A_mj| ≤ 1 has variance ≤ 2 per coordinate.
    const centers = data.truth.centers ?? new Float64Array();
    for (let cluster = 0; cluster < 4; cluster++) {
      for (let j = 0; j < 2; j++) {
        let sum = 0;
        for (let i = cluster * 5000; i < (cluster + 1) * 5000; i++) sum += featureAt(data, i, j);
        expect(Math.abs(sum / 5000 - centers[cluster * 2 + j])).toBeLessThan(4 * Math.sqrt(2 / 5000));
      }
    }
    // The flips are drawn after everything else: same seed, same features, and a label differs where
    // it was redrawn to another class, probability flip_y·(1 − 1/k).
    const flipped = generateDataset('classification', { ...params, flip_y: 0.2 }, 37);
    expect(flipped.features).toEqual(data.features);
    let changed = 0;
    for (let i = 0; i < data.rows; i++) if (flipped.targets[i] !== data.targets[i]) changed++;
    const p = 0.2 * 0.5;
    expect(Math.abs(changed - p * data.rows)).toBeLessThan(4 * Math.sqrt(data.rows * p * (1 - p)));
  });
});

describe('determinism', () => {
  it.each(DATASET_GENERATORS.map((generator) => [generator.name] as const))('%s: the same seed gives the same data, another seed other data', (name) => {
    const params: HyperValues = name === 'spiral' || name === 'xor' ? { noise: 0.3 } : {};
    const first = generateDataset(name, params, 42);
    const again = generateDataset(name, params, 42);
    const other = generateDataset(name, params, 43);
    expect(again.features).toEqual(first.features);
    expect(again.targets).toEqual(first.targets);
    expect(other.features).not.toEqual(first.features);
  });
});
