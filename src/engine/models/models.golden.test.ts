import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModel, type ModelSpec } from './index';

/*
 * The oracle is scripts/references/torch_models.py: each model built there with torch ops (F.linear,
 * torch.tanh/relu/sigmoid, F.mse_loss, F.binary_cross_entropy_with_logits, F.cross_entropy, the L2
 * penalty as (λ/2) Σ w²) from the same flat parameter vector, in float64; gradients by
 * torch.autograd.grad, Hessians by torch.autograd.functional.hessian. Every entry is judged
 * against its own magnitude (|ours − torch| ≤ tolerance · |torch|; a zero, as a dead ReLU unit's
 * gradient, must be exactly zero). Measured worst when the vectors were generated: loss 5.5e-16,
 * gradient 5.8e-14, Hessian 3.1e-12, outputs 5.7e-14 (all in softmax with logits up to 150, where
 * exp(z − logsumexp) loses digits as torch's does; 2e-15, 1.7e-14 and 2e-15 elsewhere).
 */
const LOSS_TOLERANCE = 1e-12;
const GRADIENT_TOLERANCE = 1e-12;
const HESSIAN_TOLERANCE = 1e-10;

interface TorchCase {
  name: string;
  model: { kind: string; classes?: number } & Record<string, unknown>;
  features: number;
  rows: number;
  x: number[];
  y: number[];
  parameters: number[];
  loss: number;
  gradient: number[];
  hessian?: number[];
  outputs: number[];
}

const golden = JSON.parse(readFileSync(new URL('./torch-models.golden.json', import.meta.url), 'utf8')) as {
  cases: TorchCase[];
};

/** max_i |actual_i − expected_i| / |expected_i| (Infinity where expected_i = 0 ≠ actual_i). */
function relativeDifference(actual: ArrayLike<number>, expected: readonly number[]): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const difference = Math.abs(actual[i] - expected[i]);
    if (difference === 0) continue;
    worst = Math.max(worst, difference / Math.abs(expected[i]));
  }
  return worst;
}

function modelOf(testCase: TorchCase) {
  const { kind, classes, ...rest } = testCase.model;
  return createModel({ kind, ...rest } as ModelSpec, testCase.features, classes ?? 2);
}

describe('models against torch.autograd (float64)', () => {
  it.each(golden.cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const model = modelOf(testCase);
    const features = Float64Array.from(testCase.x);
    const targets = Float64Array.from(testCase.y);
    const parameters = Float64Array.from(testCase.parameters);
    expect(model.parameterCount).toBe(parameters.length);

    const loss = model.loss(parameters, features, targets, testCase.rows);
    expect(relativeDifference([loss], [testCase.loss])).toBeLessThanOrEqual(LOSS_TOLERANCE);

    const gradient = new Float64Array(model.parameterCount).fill(Number.NaN); // stale entries must be overwritten
    const lossWithGradient = model.lossAndGradient(parameters, features, targets, testCase.rows, gradient);
    expect(lossWithGradient).toBe(loss);
    expect(relativeDifference(gradient, testCase.gradient)).toBeLessThanOrEqual(GRADIENT_TOLERANCE);

    if (testCase.hessian) {
      expect(model.hessian).toBeDefined();
      const hessian = new Float64Array(model.parameterCount ** 2).fill(Number.NaN);
      const lossWithHessian = model.hessian?.(parameters, features, targets, testCase.rows, hessian);
      expect(lossWithHessian).toBe(loss);
      expect(relativeDifference(hessian, testCase.hessian)).toBeLessThanOrEqual(HESSIAN_TOLERANCE);
    } else {
      expect(model.hessian).toBeUndefined();
    }

    const outputs = new Float64Array(testCase.rows * model.outputCount);
    model.predict(parameters, features, testCase.rows, outputs);
    expect(relativeDifference(outputs, testCase.outputs)).toBeLessThanOrEqual(GRADIENT_TOLERANCE);
  });
});
