import { describe, expect, it } from 'vitest';
import { getMethod } from '../methods';
import { defaultHyperValues } from '../methods/first-order/hyper';
import { getOptimizer } from '../methods/first-order';
import type { Objective } from '../objective';
import { runMethod } from '../run';
import { stableLearningRate, stepRuleOf, type GradientStepRule } from './step-rules';

// SGD's stability bounds, checked by running the engine's own SGD (torch.optim semantics, tested
// against PyTorch elsewhere) on f = λx²/2: just inside the bound |x| shrinks, just outside it grows.

const CURVATURE = 4;

/** f(x) = λx²/2 in one dimension: ∇f = λx, ∇²f = λ. */
const parabola: Objective = {
  dimension: 1,
  value: (point) => (CURVATURE * point[0] ** 2) / 2,
  valueAndGradient(point, gradient) {
    gradient[0] = CURVATURE * point[0];
    return (CURVATURE * point[0] ** 2) / 2;
  },
  hessian(_point, hessian) {
    hessian[0] = CURVATURE;
  },
};

function sgdHyper(overrides: Record<string, number | boolean>) {
  return { ...defaultHyperValues(getOptimizer('sgd')!.hyperSpecs), ...overrides };
}

/** |x| after `steps` steps of SGD from x = 1. */
function finalMagnitude(hyper: ReturnType<typeof sgdHyper>, steps = 3000): number {
  const result = runMethod({ objective: parabola, method: getMethod('sgd')!, hyper, start: [1], numSteps: steps });
  return result.diverged ? Infinity : Math.abs(result.trajectory[result.trajectory.length - 1]);
}

describe('stepRuleOf', () => {
  const cases: { name: string; hyper: Record<string, number | boolean>; factor: number }[] = [
    { name: 'plain gradient descent: 2/λ', hyper: {}, factor: 2 },
    { name: 'heavy ball μ = 0.9: 2(1+μ)/λ', hyper: { momentum: 0.9 }, factor: 3.8 },
    { name: 'heavy ball μ = 0.5, dampening τ = 0.5: 2(1+μ)/((1−τ)λ)', hyper: { momentum: 0.5, dampening: 0.5 }, factor: 6 },
    { name: 'Nesterov μ = 0.9: 2(1+μ)/((1+2μ)λ)', hyper: { momentum: 0.9, nesterov: true }, factor: 3.8 / 2.8 },
  ];
  for (const { name, hyper, factor } of cases) {
    it(`bounds ${name}, and the engine's SGD agrees`, () => {
      const rule = stepRuleOf('sgd', sgdHyper(hyper)) as GradientStepRule;
      expect(rule.kind).toBe('gradient');
      expect(rule.boundFactor).toBeCloseTo(factor, 12);
      const bound = stableLearningRate(rule, CURVATURE);
      expect(finalMagnitude(sgdHyper({ ...hyper, lr: 0.98 * bound }))).toBeLessThan(1e-3);
      expect(finalMagnitude(sgdHyper({ ...hyper, lr: 1.02 * bound }))).toBeGreaterThan(1e3);
    });
  }

  it('adds weight decay to the curvature (L2: the gradient gains λθ)', () => {
    const rule = stepRuleOf('sgd', sgdHyper({ weight_decay: 1 })) as GradientStepRule;
    const bound = stableLearningRate(rule, CURVATURE);
    expect(bound).toBeCloseTo(2 / (CURVATURE + 1), 12);
    expect(finalMagnitude(sgdHyper({ weight_decay: 1, lr: 0.98 * bound }))).toBeLessThan(1e-3);
    expect(finalMagnitude(sgdHyper({ weight_decay: 1, lr: 1.02 * bound }))).toBeGreaterThan(1e3);
  });

  it('has no bound where f curves downward', () => {
    const rule = stepRuleOf('sgd', sgdHyper({})) as GradientStepRule;
    expect(stableLearningRate(rule, -3)).toBe(Infinity);
  });

  it('calls the adaptive methods scale-free, and knows nothing of Adadelta’s or unknown steps', () => {
    for (const id of ['adam', 'adamw', 'nadam', 'radam', 'adamax', 'rmsprop', 'adagrad', 'lion']) {
      expect(stepRuleOf(id, defaultHyperValues(getOptimizer(id)!.hyperSpecs))?.kind).toBe('scale-free');
    }
    expect(stepRuleOf('adadelta', defaultHyperValues(getOptimizer('adadelta')!.hyperSpecs))).toBeNull();
    expect(stepRuleOf('nelder_mead', {})).toBeNull();
  });
});
