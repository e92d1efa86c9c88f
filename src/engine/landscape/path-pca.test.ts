import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evenIndices, pathPrincipalComponents } from './path-pca';

const golden = JSON.parse(readFileSync(new URL('./path-pca.golden.json', import.meta.url), 'utf8')) as {
  cases: { points: number; dimension: number; path: number[]; components: number[][]; explained_variance_ratio: number[] }[];
};

describe('pathPrincipalComponents', () => {
  for (const { points, dimension, path, components, explained_variance_ratio: ratio } of golden.cases) {
    it(`equals numpy's SVD of the centred deviations (${points} points, ${dimension} dimensions), components up to sign`, () => {
      const pca = pathPrincipalComponents(Float64Array.from(path), dimension);
      for (let c = 0; c < 2; c++) {
        expect(Math.abs(pca.explainedVarianceRatio[c] - ratio[c])).toBeLessThan(1e-10);
        const sign = Math.sign(pca.components[c].reduce((sum, value, i) => sum + value * components[c][i], 0));
        const difference = Math.max(...components[c].map((value, i) => Math.abs(sign * pca.components[c][i] - value)));
        expect(difference).toBeLessThan(1e-10);
      }
    });
  }

  it('gives zero components for a path that never moves', () => {
    const pca = pathPrincipalComponents(new Float64Array(12).fill(3), 3);
    expect(pca.explainedVarianceRatio).toEqual([0, 0]);
    expect(Array.from(pca.components[0])).toEqual([0, 0, 0]);
  });

  it('explains all the variance with one component for a straight path, and leaves out non-finite points', () => {
    const path = [0, 0, 1, 2, 2, 4, NaN, NaN, 3, 6];
    const pca = pathPrincipalComponents(Float64Array.from(path), 2);
    expect(pca.explainedVarianceRatio[0]).toBeCloseTo(1, 12);
    expect(pca.explainedVarianceRatio[1]).toBe(0);
    expect(Math.abs(pca.components[0][0])).toBeCloseTo(1 / Math.sqrt(5), 12);
  });
});

describe('evenIndices', () => {
  it('keeps every index when there are few, else spreads count of them with both ends', () => {
    expect(evenIndices(3, 5)).toEqual([0, 1, 2]);
    expect(evenIndices(101, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(new Set(evenIndices(1000, 200)).size).toBe(200);
  });
});
