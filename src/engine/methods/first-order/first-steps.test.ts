import { beforeEach, describe, expect, it } from 'vitest';
import { defaultHyperValues, getOptimizer } from './index';
import { createKernelInstance } from './kernel-interpreter';
import type { HyperValues } from './optimizer';

// Hand-derived updates, independent of torch and of the golden vectors. Each case feeds chosen
// gradients straight to optimizer.step and compares with the update rule worked out in the comments,
// once for the hand-written optimizer and once for its kernel (the update rule as data) interpreted.

/** Which implementation the cases run: definition.create, or definition.kernel through the interpreter. */
let viaKernel = false;

function stepper(id: string, overrides: HyperValues, start: readonly number[]) {
  const definition = getOptimizer(id);
  if (definition === undefined) throw new Error(id);
  const hyper = { ...defaultHyperValues(definition.hyperSpecs), ...overrides };
  const instance = viaKernel ? createKernelInstance(definition.kernel(hyper), start.length) : definition.create(hyper, start.length);
  const params = Float64Array.from(start);
  return {
    params,
    step(gradient: readonly number[], learningRate = hyper.lr as number) {
      instance.step(params, Float64Array.from(gradient), learningRate);
      return Array.from(params);
    },
  };
}

function expectClose(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]), `[${i}]: ${value} vs ${expected[i]}`).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected[i]))));
}

describe.each([
  ['create()', false],
  ['kernel interpreter', true],
])('%s', (_label, useKernel) => {
  beforeEach(() => {
    viaKernel = useKernel;
  });

  describe('SGD', () => {
    it('plain: θ − γg', () => {
      expectClose(stepper('sgd', { lr: 0.1 }, [1, 2]).step([2, 4]), [0.8, 1.6]);
    });

    it('momentum: b₁ = g₁ (undamped), then b₂ = μb₁ + (1 − τ)g₂', () => {
      const sgd = stepper('sgd', { lr: 0.1, momentum: 0.9, dampening: 0.5 }, [1, 2]);
      expectClose(sgd.step([2, 4]), [0.8, 1.6]); // b₁ = (2, 4)
      // b₂ = 0.9·(2, 4) + 0.5·(1.6, 3.2) = (2.6, 5.2); θ₂ = (0.8, 1.6) − 0.1·b₂
      expectClose(sgd.step([1.6, 3.2]), [0.54, 1.08]);
    });

    it('nesterov: steps along g + μb', () => {
      // b₁ = (2, 4), direction (2, 4) + 0.9·(2, 4) = (3.8, 7.6)
      expectClose(stepper('sgd', { lr: 0.1, momentum: 0.9, nesterov: true }, [1, 2]).step([2, 4]), [0.62, 1.24]);
    });

    it('weight decay adds λθ to the gradient', () => {
      // g + λθ = (2, 4) + 0.5·(1, 2) = (2.5, 5)
      expectClose(stepper('sgd', { lr: 0.1, weight_decay: 0.5 }, [1, 2]).step([2, 4]), [0.75, 1.5]);
    });
  });

  describe('Adam family, first step', () => {
    // After one step m̂ = g and v̂ = g² (the bias corrections undo 1 − β exactly), so the step is
    // γ·g / (|g| + ε): a move of almost exactly γ per coordinate, whatever the gradient's size.
    const g = [2, -400];
    const signStep = (lr: number) => g.map((value) => (-lr * value) / (Math.abs(value) + 1e-8));

    it('adam: θ − γ g/(|g| + ε)', () => {
      expectClose(stepper('adam', { lr: 0.1 }, [0, 0]).step(g), signStep(0.1));
    });

    it('adamw: θ(1 − γλ) first', () => {
      const expected = signStep(0.1).map((step, i) => [1, -2][i] * (1 - 0.1 * 0.5) + step);
      expectClose(stepper('adamw', { lr: 0.1, weight_decay: 0.5 }, [1, -2]).step(g), expected);
    });

    it('adamax: u₁ = |g| + ε, and γ/(1 − β₁) · (1 − β₁)g / u₁ is the same sign step', () => {
      expectClose(stepper('adamax', { lr: 0.1 }, [0, 0]).step(g), signStep(0.1));
    });

    it('amsgrad divides by the largest v so far', () => {
      // step 2 with g₂ = 0: v₂ = β₂v₁ < v₁ = max; m₂ = β₁m₁. With γ = 1, g₁ = 1:
      // θ₂ − θ₁ = −(β₁(1 − β₁)/(1 − β₁²)) / (√((1 − β₂)/(1 − β₂²)) + ε) = −(β₁/(1 + β₁)) / (√(1/(1 + β₂)) + ε)
      const adam = stepper('adam', { lr: 1, amsgrad: true }, [0]);
      const [afterOne] = adam.step([1]);
      const [afterTwo] = adam.step([0]);
      const expected = -(0.9 / 1.9) / (Math.sqrt(1 / 1.999) + 1e-8);
      expect(afterTwo - afterOne).toBeCloseTo(expected, 12);
    });

    it('nadam: θ − γ (1 + 0.1·μ₂/(1 − μ₁μ₂)) g/(|g| + ε), μ_t = β₁(1 − ½·0.96^{tψ})', () => {
      // (1 − μ₁)g/(1 − μ₁) is g itself; the momentum term adds μ₂ m₁/(1 − μ₁μ₂) with m₁ = 0.1g.
      // (torch 1.13's single-tensor NAdam used 1 − μ₁²μ₂ here: the bug fixed in torch 2.0.)
      const psi = 0.004;
      const mu1 = 0.9 * (1 - 0.5 * 0.96 ** psi);
      const mu2 = 0.9 * (1 - 0.5 * 0.96 ** (2 * psi));
      const factor = 1 + (0.1 * mu2) / (1 - mu1 * mu2);
      expectClose(stepper('nadam', { lr: 0.1 }, [0, 0]).step(g), signStep(0.1).map((step) => step * factor));
    });

    it('radam: ρ₁ = 1 ≤ 5, so the first step is plain momentum SGD, θ − γ m̂ = θ − γg', () => {
      expectClose(stepper('radam', { lr: 0.01 }, [1, 1]).step(g), [1 - 0.02, 1 + 4]);
    });
  });

  describe('Adagrad, RMSprop, Adadelta, first step', () => {
    it('adagrad: s₁ = a + g², θ − γ g/(√s₁ + ε)', () => {
      expectClose(stepper('adagrad', { lr: 0.5, initial_accumulator_value: 9 }, [0]).step([4]), [(-0.5 * 4) / (5 + 1e-10)]);
    });

    it('adagrad lr_decay: γ/(1 + (t − 1)η) at step t', () => {
      const adagrad = stepper('adagrad', { lr: 1, lr_decay: 1, eps: 1e-300 }, [0]);
      adagrad.step([1]); // s₁ = 1: θ = −1
      // t = 2: γ/(1 + 1) = 0.5, s₂ = 1 + 1: θ = −1 − 0.5/√2
      expectClose(adagrad.step([1]), [-1 - 0.5 / Math.SQRT2]);
    });

    it('rmsprop: v₁ = (1 − α)g², so the first step is γ g/(√(1 − α)|g| + ε) ≈ 10γ', () => {
      expectClose(stepper('rmsprop', { lr: 0.01 }, [0]).step([3]), [(-0.01 * 3) / (Math.sqrt(0.01 * 9) + 1e-8)]);
    });

    it('rmsprop centered: divides by √(v − ḡ²) with ḡ₁ = (1 − α)g', () => {
      // v − ḡ² = 0.01·9 − (0.03)² = 0.0891
      expectClose(stepper('rmsprop', { lr: 0.01, centered: true }, [0]).step([3]), [(-0.01 * 3) / (Math.sqrt(0.0891) + 1e-8)]);
    });

    it('adadelta: Δ₁ = √ε/√((1 − ρ)g² + ε) · g', () => {
      expectClose(stepper('adadelta', { lr: 1 }, [0]).step([2]), [-(Math.sqrt(1e-6) / Math.sqrt(0.1 * 4 + 1e-6)) * 2]);
    });
  });

  describe('Lion', () => {
    it('steps by exactly γ along sign(β₁m + (1 − β₁)g), with momentum kept by β₂', () => {
      const lion = stepper('lion', { lr: 0.1 }, [0]);
      expectClose(lion.step([1]), [-0.1]); // c = 0.1 > 0; m₁ = 0.01
      // c = 0.9·0.01 + 0.1·(−0.05) = 0.004 > 0: the momentum outvotes a small opposite gradient
      expectClose(lion.step([-0.05]), [-0.2]); // m₂ = 0.99·0.01 + 0.01·(−0.05) = 0.0094
      // c = 0.9·0.0094 + 0.1·(−0.1) = −0.00154 < 0: now it turns
      expectClose(lion.step([-0.1]), [-0.1]);
    });

    it('decays weights decoupled: θ(1 − γλ) − γ sign(c)', () => {
      expectClose(stepper('lion', { lr: 0.1, weight_decay: 2 }, [1]).step([-3]), [1 * (1 - 0.2) + 0.1]);
    });
  });
});
