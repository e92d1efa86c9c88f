import { describe, expect, it } from 'vitest';
import { getMethod, METHODS } from '../engine/methods';
import { createModel } from '../engine/models';
import { methodMemory } from './method-memory';
import { resolveHyper } from './validate';

// The counts are the algorithms' own (MeZO, Malladi et al. 2023: SGD keeps nothing, momentum one
// vector, Adam two; ZO-SGD nothing beyond the parameters, and no backward pass), checked here on a
// 2-8-8-1 MLP (105 parameters; 17 units past the input, the widest 8).

const mlp = createModel({ kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'cross_entropy' }, 2);
const memoryOf = (id: string, hyper = {}, rows = 10) => {
  const method = getMethod(id);
  if (!method) throw new Error(id);
  return methodMemory(id, resolveHyper(method, hyper), mlp, rows);
};

describe('methodMemory', () => {
  it('counts the state a torch optimizer keeps from its update rule', () => {
    expect(mlp.parameterCount).toBe(105);
    expect(memoryOf('sgd').stateFloats).toBe(0);
    expect(memoryOf('sgd', { momentum: 0.9 }).stateFloats).toBe(105);
    expect(memoryOf('rmsprop').stateFloats).toBe(105);
    expect(memoryOf('adam').stateFloats).toBe(210);
    expect(memoryOf('adam', { amsgrad: true }).stateFloats).toBe(315);
  });

  it('gives a backward pass every unit of every row, a forward-only pass the widest layer', () => {
    expect(memoryOf('adam', {}, 10)).toMatchObject({ passFloats: 170, backward: true });
    expect(memoryOf('zo_sgd', {}, 10)).toEqual({ stateFloats: 0, passFloats: 80, backward: false });
  });

  it('has a count for every registered method', () => {
    for (const method of METHODS) {
      const memory = methodMemory(method.id, resolveHyper(method, {}), mlp, 10);
      expect(Number.isFinite(memory.stateFloats) && memory.stateFloats >= 0, method.id).toBe(true);
      expect(memory.backward, method.id).toBe(method.needs.gradient);
    }
  });
});
