import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { createModel } from './index';
import { LogisticRegression } from './logistic';
import { Mlp } from './mlp';
import { SoftmaxRegression } from './softmax';

describe('initialParameters', () => {
  it('is zeros for linear, logistic and softmax regression', () => {
    expect(Array.from(createModel({ kind: 'linear' }, 3).initialParameters(7))).toEqual([0, 0, 0, 0]);
    expect(Array.from(createModel({ kind: 'logistic' }, 2).initialParameters(7))).toEqual([0, 0, 0]);
    expect(Array.from(createModel({ kind: 'softmax' }, 2, 3).initialParameters(7))).toEqual(new Array(9).fill(0));
  });

  it('draws Glorot-uniform MLP weights layer by layer from new Random(seed), with zero biases', () => {
    const model = new Mlp({ featureCount: 2, hidden: [8, 8], activation: 'tanh', loss: 'mse' });
    const parameters = model.initialParameters(42);
    expect(parameters.length).toBe(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
    // the same draws by hand: U(−b, b) with b = √(6 / (in + out)), in the layout order
    const random = new Random(42);
    const expected: number[] = [];
    for (const [inputs, outputs] of [[2, 8], [8, 8], [8, 1]]) {
      const bound = Math.sqrt(6 / (inputs + outputs));
      for (let i = 0; i < inputs * outputs; i++) expected.push((2 * random.nextFloat() - 1) * bound);
      for (let i = 0; i < outputs; i++) expected.push(0);
    }
    expect(Array.from(parameters)).toEqual(expected);
  });

  it('stays within the Glorot bound of each layer and fills it', () => {
    const model = new Mlp({ featureCount: 3, hidden: [64, 5], activation: 'relu', loss: 'cross_entropy', classCount: 4 });
    const parameters = model.initialParameters(3);
    let offset = 0;
    for (const [inputs, outputs] of [[3, 64], [64, 5], [5, 4]]) {
      const bound = Math.sqrt(6 / (inputs + outputs));
      const weights = parameters.subarray(offset, offset + inputs * outputs);
      const largest = Math.max(...Array.from(weights, Math.abs));
      expect(largest).toBeLessThanOrEqual(bound);
      if (inputs * outputs >= 20) expect(largest).toBeGreaterThan(0.8 * bound); // spread over the interval
      expect(Array.from(parameters.subarray(offset + inputs * outputs, offset + inputs * outputs + outputs))).toEqual(
        new Array(outputs).fill(0),
      );
      offset += outputs * (inputs + 1);
    }
    expect(offset).toBe(model.parameterCount);
  });

  it('is deterministic in the seed and differs between seeds', () => {
    const model = new Mlp({ featureCount: 2, hidden: [4], activation: 'sigmoid', loss: 'mse' });
    expect(Array.from(model.initialParameters(5))).toEqual(Array.from(model.initialParameters(5)));
    expect(Array.from(model.initialParameters(5))).not.toEqual(Array.from(model.initialParameters(6)));
  });
});

describe('losses stay finite where a naive formula overflows', () => {
  it('logistic: log(1 + e^z) at z = ±1000', () => {
    const model = new LogisticRegression(1);
    const features = Float64Array.of(1000, -1000);
    const gradient = new Float64Array(2);
    // w = 1, b = 0: logits 1000 (label 0, loss 1000) and −1000 (label 0, loss e^−1000 ≈ 0)
    const loss = model.lossAndGradient([1, 0], features, Float64Array.of(0, 0), 2, gradient);
    expect(loss).toBe(500);
    expect(Array.from(gradient)).toEqual([500, 0.5]);
  });

  it('softmax: logits of 1000 and more', () => {
    const model = new SoftmaxRegression(1, 3);
    // W = (1000, 1001, 0), b = 0, x = 1: −log softmax picks out 1 + log(1 + e^−1 + e^−1001)
    const loss = model.loss([1000, 1001, 0, 0, 0, 0], Float64Array.of(1), Float64Array.of(0), 1);
    // logsumexp ≈ 1001.31 minus the logit 1000 keeps the absolute error of numbers near 1000 (1e-13)
    expect(loss).toBeCloseTo(1 + Math.log1p(Math.exp(-1)), 12);
  });
});

describe('data layout', () => {
  it('uses only the first `rows` rows', () => {
    const model = new Mlp({ featureCount: 2, hidden: [3], activation: 'tanh', loss: 'mse' });
    const parameters = model.initialParameters(1);
    const features = Float64Array.of(0.5, -1, 2, 0.25, 99, 99);
    const targets = Float64Array.of(1, -1, 1e6);
    const full = model.loss(parameters, features, targets, 2);
    expect(model.loss(parameters, features.slice(0, 4), targets.slice(0, 2), 2)).toBe(full);
  });

  it('predicts probabilities that sum to 1 for k classes', () => {
    const model = new Mlp({ featureCount: 2, hidden: [5, 5], activation: 'relu', loss: 'cross_entropy', classCount: 3 });
    const out = new Float64Array(6);
    model.predict(model.initialParameters(9), Float64Array.of(1, 2, -3, 0.5), 2, out);
    expect(out[0] + out[1] + out[2]).toBeCloseTo(1, 15);
    expect(out[3] + out[4] + out[5]).toBeCloseTo(1, 15);
  });

  it('counts the floats a backward pass keeps per row', () => {
    expect(new Mlp({ featureCount: 2, hidden: [8, 8], activation: 'tanh', loss: 'mse' }).activationsPerRow).toBe(17);
  });
});

describe('MLP options are checked', () => {
  const base = { featureCount: 2, hidden: [4], activation: 'tanh', loss: 'mse' } as const;
  it.each([
    ['no hidden layer', { ...base, hidden: [] }],
    ['five hidden layers', { ...base, hidden: [2, 2, 2, 2, 2] }],
    ['65 units', { ...base, hidden: [65] }],
    ['0 units', { ...base, hidden: [0] }],
    ['a negative weight_decay', { ...base, weightDecay: -1 }],
    ['one class', { ...base, loss: 'cross_entropy', classCount: 1 }],
  ] as const)('refuses %s', (_name, options) => {
    expect(() => new Mlp(options)).toThrow();
  });

  it('accepts the largest network: 4 hidden layers of 64', () => {
    expect(new Mlp({ ...base, hidden: [64, 64, 64, 64] }).parameterCount).toBe(64 * 3 + 3 * 64 * 65 + 65);
  });
});
