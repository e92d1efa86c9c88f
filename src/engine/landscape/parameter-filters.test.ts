import { describe, expect, it } from 'vitest';
import { createModel } from '../models';
import { parameterFilters } from './parameter-filters';

describe('parameterFilters', () => {
  it("cuts an MLP's parameters into one weight row per unit and each layer's biases, covering every parameter once", () => {
    const model = createModel({ kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'mse' }, 2);
    const { filters, biases } = parameterFilters(model);
    expect(filters.length).toBe(8 + 8 + 1);
    expect(filters[0]).toEqual({ start: 0, length: 2 });
    expect(biases[0]).toEqual({ start: 16, length: 8 });
    expect(filters[8]).toEqual({ start: 24, length: 8 });
    const covered = new Array(model.parameterCount).fill(0);
    for (const { start, length } of [...filters, ...biases]) for (let i = start; i < start + length; i++) covered[i]++;
    expect(covered.every((count) => count === 1)).toBe(true);
  });

  it('gives softmax regression one row per class and linear regression its weight vector', () => {
    const softmax = parameterFilters(createModel({ kind: 'softmax' }, 4, 3));
    expect(softmax.filters).toEqual([
      { start: 0, length: 4 },
      { start: 4, length: 4 },
      { start: 8, length: 4 },
    ]);
    expect(softmax.biases).toEqual([{ start: 12, length: 3 }]);
    expect(parameterFilters(createModel({ kind: 'linear' }, 3))).toEqual({ filters: [{ start: 0, length: 3 }], biases: [{ start: 3, length: 1 }] });
  });
});
