import { describe, expect, it } from 'vitest';
import { batchSizeChoices, batchText, lossConvention, taskText } from './data-labels';
import { generatorSliderRange } from './data-param-ranges';

describe('the conventions the panel states', () => {
  it('names each model\'s loss as the engine computes it', () => {
    expect(lossConvention({ kind: 'linear' }, 0)).toBe('Loss: mean squared error (no ½)');
    expect(lossConvention({ kind: 'logistic' }, 2)).toBe('Loss: mean binary cross-entropy');
    expect(lossConvention({ kind: 'softmax' }, 3)).toBe('Loss: mean cross-entropy');
    const mlp = { kind: 'mlp', hidden: [8], activation: 'tanh', loss: 'cross_entropy' } as const;
    // two classes: one logit, the binary form
    expect(lossConvention(mlp, 2)).toBe('Loss: mean binary cross-entropy');
    expect(lossConvention(mlp, 4)).toBe('Loss: mean cross-entropy');
    expect(lossConvention({ ...mlp, loss: 'mse', weight_decay: 0.001 }, 0)).toBe('Loss: mean squared error (no ½) + (λ/2)Σw² on weights (λ = 0.001; biases not decayed)');
  });

  it('says what a step sees: 160 rows in batches of 10 are 16 steps per epoch, the last batch smaller when it does not divide', () => {
    expect(batchText(160, 10)).toBe('10 rows per step · 16 steps per epoch');
    expect(batchText(80, 32)).toBe('32 rows per step · 3 steps per epoch');
    expect(batchText(160, undefined)).toBe('Full batch: all 160 training rows in every step');
    expect(batchText(160, 500)).toBe('Full batch: all 160 training rows in every step');
    expect(batchSizeChoices(40, undefined)).toEqual([1, 2, 5, 10, 16, 20, 32]);
    expect(batchSizeChoices(40, 37)).toEqual([1, 2, 5, 10, 16, 20, 32, 37]);
    expect(taskText('classification', 3)).toBe('3 classes');
  });

  it('gives generator parameters sliders within their validation bounds', () => {
    const samples = { kind: 'number', name: 'samples', defaultValue: 200, min: 1, max: 100000, integer: true, description: '' } as const;
    expect(generatorSliderRange(samples, 200)).toEqual({ min: 10, max: 5000, scale: 'log' });
    const slope = { kind: 'number', name: 'slope', defaultValue: 2, min: -100, max: 100, description: '' } as const;
    expect(generatorSliderRange(slope, 2)).toEqual({ min: -10, max: 10, scale: 'linear' });
    const noise = { kind: 'number', name: 'noise', defaultValue: 10, min: 0, max: 1000, description: '' } as const;
    expect(generatorSliderRange(noise, 10)).toEqual({ min: 0, max: 50, scale: 'log-zero', logMin: 0.01 });
    const factor = { kind: 'number', name: 'factor', defaultValue: 0.5, min: 0, max: 0.99, description: '' } as const;
    expect(generatorSliderRange(factor, 0.5)).toEqual({ min: 0, max: 0.99, scale: 'linear' });
    const features = { kind: 'number', name: 'n_features', defaultValue: 4, min: 1, max: 100, integer: true, description: '' } as const;
    expect(generatorSliderRange(features, 4)).toEqual({ min: 1, max: 20, scale: 'linear', integer: true });
  });
});
