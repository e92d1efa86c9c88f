import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import type { Dataset } from './dataset';
import { shuffledIndices, splitDataset, validationCount } from './split';

/** Rows whose features and target spell their index: row i is ([i, 10i], −i). */
function indexedDataset(rows: number): Dataset {
  const features = new Float64Array(rows * 2);
  for (let i = 0; i < rows; i++) {
    features[2 * i] = i;
    features[2 * i + 1] = 10 * i;
  }
  return { features, targets: Float64Array.from({ length: rows }, (_, i) => -i), rows, columns: 2, featureNames: ['a', 'b'], targetName: 'y', task: 'regression' };
}

describe('shuffledIndices (Fisher-Yates)', () => {
  it('is a permutation', () => {
    const random = new Random(5);
    for (const count of [0, 1, 2, 17, 1000]) {
      const permutation = Array.from(shuffledIndices(count, random));
      expect([...permutation].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });

  it('draws each of the 3! orders with probability 1/6 (within 4 standard errors over 60000 shuffles)', () => {
    const random = new Random(99);
    const counts = new Map<string, number>();
    const draws = 60000;
    for (let i = 0; i < draws; i++) {
      const key = Array.from(shuffledIndices(3, random)).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const standardError = Math.sqrt(draws * (1 / 6) * (5 / 6));
    for (const count of counts.values()) expect(Math.abs(count - draws / 6)).toBeLessThan(4 * standardError);
  });

  it('puts every index in every position equally often (n = 10, 20000 shuffles)', () => {
    const random = new Random(3);
    const draws = 20000;
    const atFirst = new Array<number>(10).fill(0);
    const atLast = new Array<number>(10).fill(0);
    for (let i = 0; i < draws; i++) {
      const permutation = shuffledIndices(10, random);
      atFirst[permutation[0]]++;
      atLast[permutation[9]]++;
    }
    const standardError = Math.sqrt(draws * 0.1 * 0.9);
    for (const count of [...atFirst, ...atLast]) expect(Math.abs(count - draws / 10)).toBeLessThan(4 * standardError);
  });
});

describe('splitDataset', () => {
  it('splits into disjoint train and validation rows covering every row, ⌈fraction·n⌉ for validation', () => {
    const data = indexedDataset(53);
    const split = splitDataset(data, 0.3, 8);
    expect(split.validation.rows).toBe(16);
    expect(split.train.rows).toBe(37);
    const all = [...split.trainIndices, ...split.validationIndices].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 53 }, (_, i) => i));
    // Each part carries its rows' features and targets.
    for (const [part, indices] of [
      [split.train, split.trainIndices],
      [split.validation, split.validationIndices],
    ] as const) {
      for (let i = 0; i < part.rows; i++) {
        expect(part.features[2 * i]).toBe(indices[i]);
        expect(part.features[2 * i + 1]).toBe(10 * indices[i]);
        expect(part.targets[i]).toBe(-indices[i]);
      }
      expect(part.featureNames).toEqual(['a', 'b']);
    }
  });

  it('is the same for the same seed and different for another', () => {
    const data = indexedDataset(40);
    expect(splitDataset(data, 0.25, 1).validationIndices).toEqual(splitDataset(data, 0.25, 1).validationIndices);
    expect(splitDataset(data, 0.25, 1).validationIndices).not.toEqual(splitDataset(data, 0.25, 2).validationIndices);
  });

  it('with fraction 0 keeps every row for training, in order; always leaves a training row', () => {
    const data = indexedDataset(5);
    const none = splitDataset(data, 0, 1);
    expect(none.train).toBe(data);
    expect(none.validation.rows).toBe(0);
    expect(Array.from(none.trainIndices)).toEqual([0, 1, 2, 3, 4]);
    expect(validationCount(5, 0.99)).toBe(4);
    expect(validationCount(1, 0.5)).toBe(0);
    expect(() => validationCount(5, 1)).toThrow(/\[0, 1\)/);
    expect(() => validationCount(5, -0.1)).toThrow();
  });
});
