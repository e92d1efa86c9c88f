import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { createModel, type ModelSpec } from './index';

/*
 * The least-squares form of the MSE models (ModelResiduals) against the models' own loss and
 * gradient, which models.golden.test.ts holds to torch.autograd: Σ rᵢ² must be the loss and 2Jᵀr the
 * gradient (to rounding), and each column of J must match central differences of r (to the O(h²)
 * truncation, h = 1e-6). The independent check of J itself is the least-squares goldens, where torch
 * computes the Jacobian.
 */

const SPECS: readonly [string, ModelSpec][] = [
  ['linear', { kind: 'linear' }],
  ['mlp tanh [4, 3]', { kind: 'mlp', hidden: [4, 3], activation: 'tanh', loss: 'mse' }],
  ['mlp sigmoid [5] with weight_decay 0.3', { kind: 'mlp', hidden: [5], activation: 'sigmoid', loss: 'mse', weight_decay: 0.3 }],
  ['mlp relu [6]', { kind: 'mlp', hidden: [6], activation: 'relu', loss: 'mse' }],
];

describe('the residuals and Jacobian of the MSE models', () => {
  it.each(SPECS)('%s: Σr² = loss, 2Jᵀr = ∇f, J = ∂r/∂θ', (_name, spec) => {
    const random = new Random(3);
    const rows = 13;
    const featureCount = 3;
    const model = createModel(spec, featureCount);
    const residualModel = model.leastSquares;
    if (residualModel === undefined) throw new Error('no residuals');
    const features = Float64Array.from({ length: rows * featureCount }, () => random.nextGaussian());
    const targets = Float64Array.from({ length: rows }, () => random.nextGaussian());
    const parameters = Float64Array.from({ length: model.parameterCount }, () => random.nextGaussian());
    const n = model.parameterCount;
    const m = residualModel.residualCount(rows);
    expect(m).toBe(rows + (spec.kind === 'mlp' && (spec.weight_decay ?? 0) > 0 ? n - 5 - 1 : 0));
    const residuals = new Float64Array(m);
    const jacobian = new Float64Array(m * n).fill(Number.NaN);
    const value = residualModel.residualsAndJacobian(parameters, features, targets, rows, residuals, jacobian);
    const gradient = new Float64Array(n);
    const loss = model.lossAndGradient(parameters, features, targets, rows, gradient);
    expect(Math.abs(value - loss)).toBeLessThanOrEqual(1e-14 * loss);
    for (let j = 0; j < n; j++) {
      let twiceJtr = 0;
      for (let i = 0; i < m; i++) twiceJtr += 2 * jacobian[i * n + j] * residuals[i];
      expect(Math.abs(twiceJtr - gradient[j])).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(gradient[j])));
    }
    const step = 1e-6;
    const plus = new Float64Array(m);
    const minus = new Float64Array(m);
    const scratch = new Float64Array(m * n);
    for (let j = 0; j < n; j++) {
      const shifted = Float64Array.from(parameters);
      shifted[j] += step;
      residualModel.residualsAndJacobian(shifted, features, targets, rows, plus, scratch);
      shifted[j] -= 2 * step;
      residualModel.residualsAndJacobian(shifted, features, targets, rows, minus, scratch);
      for (let i = 0; i < m; i++) expect(Math.abs((plus[i] - minus[i]) / (2 * step) - jacobian[i * n + j])).toBeLessThanOrEqual(1e-7);
    }
  });

  it('exist only for the squared-error models', () => {
    expect(createModel({ kind: 'logistic' }, 2).leastSquares).toBeUndefined();
    expect(createModel({ kind: 'softmax' }, 2, 3).leastSquares).toBeUndefined();
    expect(createModel({ kind: 'mlp', hidden: [2], activation: 'tanh', loss: 'cross_entropy' }, 2).leastSquares).toBeUndefined();
  });
});
