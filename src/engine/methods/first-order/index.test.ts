import { describe, expect, it } from 'vitest';
import { getOptimizer, OPTIMIZERS, validateHyperValues } from './index';
import { defaultHyperValues } from './hyper';

describe('OPTIMIZERS', () => {
  it('has the ten first-order optimizers, each findable by its unique id', () => {
    expect(OPTIMIZERS.map((optimizer) => optimizer.id)).toEqual(['sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion']);
    for (const optimizer of OPTIMIZERS) expect(getOptimizer(optimizer.id)).toBe(optimizer);
    expect(getOptimizer('adamm')).toBeUndefined();
  });

  it.each(OPTIMIZERS.map((optimizer) => [optimizer.id, optimizer] as const))('%s: defaults are valid, specs described, update rule given', (_id, optimizer) => {
    expect(validateHyperValues(optimizer, defaultHyperValues(optimizer.hyperSpecs))).toBeNull();
    expect(optimizer.updateRule.length).toBeGreaterThan(10);
    for (const spec of optimizer.hyperSpecs) expect(spec.description.length).toBeGreaterThan(3);
    expect(optimizer.hyperSpecs[0].name).toBe('lr');
  });
});

describe('validateHyperValues', () => {
  const sgd = getOptimizer('sgd')!;
  const adam = getOptimizer('adam')!;
  const sgdDefaults = defaultHyperValues(sgd.hyperSpecs);

  it('enforces ranges, naming the field', () => {
    expect(validateHyperValues(sgd, { ...sgdDefaults, lr: 0 })).toMatch(/^lr must be > 0/);
    expect(validateHyperValues(adam, { ...defaultHyperValues(adam.hyperSpecs), betas: [0.9, 1] })).toMatch(/^betas\[1\] must be < 1/);
    expect(validateHyperValues(adam, { ...defaultHyperValues(adam.hyperSpecs), amsgrad: 1 })).toMatch(/^amsgrad must be true or false/);
  });

  it("applies torch's rule that nesterov needs momentum > 0 and dampening = 0", () => {
    expect(validateHyperValues(sgd, { ...sgdDefaults, nesterov: true })).toBe('nesterov requires momentum > 0');
    expect(validateHyperValues(sgd, { ...sgdDefaults, nesterov: true, momentum: 0.9, dampening: 0.1 })).toBe('nesterov requires dampening = 0');
    expect(validateHyperValues(sgd, { ...sgdDefaults, nesterov: true, momentum: 0.9 })).toBeNull();
  });
});
