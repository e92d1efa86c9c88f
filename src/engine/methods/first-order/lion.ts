import { betasSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import { add, assign, constant, multiply, ref, sign, subtract } from './kernel';
import type { OptimizerDefinition } from './optimizer';

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"): a sign step of an
 * interpolated momentum, with decoupled weight decay. Not in torch.optim; hyperparameters named as
 * in the paper's reference code.
 */
export const lion: OptimizerDefinition = {
  id: 'lion',
  name: 'Lion',
  updateRule: String.raw`c_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad \theta_t = \theta_{t-1}(1 - \gamma\lambda) - \gamma\,\mathrm{sign}(c_t),\quad m_t = \beta_2 m_{t-1} + (1-\beta_2) g_t`,
  hyperSpecs: [
    learningRateSpec(1e-4),
    betasSpec([0.9, 0.99]),
    weightDecaySpec(0, 'decoupled weight decay λ: θ ← θ(1 − γλ)'),
  ],
  create(hyper, dimension) {
    const [beta1, beta2] = pairHyper(hyper, 'betas');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    const momentum = new Float64Array(dimension);
    return {
      step(params, gradient, learningRate) {
        for (let i = 0; i < dimension; i++) {
          const g = gradient[i];
          // the step interpolates with β1, the stored momentum with β2 (β2 > β1: a longer memory)
          const interpolation = momentum[i] * beta1 + (1 - beta1) * g;
          params[i] *= 1 - learningRate * weightDecay;
          params[i] -= learningRate * Math.sign(interpolation);
          momentum[i] = momentum[i] * beta2 + (1 - beta2) * g;
        }
      },
    };
  },
  kernel(hyper) {
    const [beta1, beta2] = pairHyper(hyper, 'betas');
    const [one, grad, momentum] = [constant(1), ref('grad'), ref('momentum')];
    return {
      constants: { lr: numberHyper(hyper, 'lr'), beta1, beta2, weight_decay: numberHyper(hyper, 'weight_decay') },
      runState: [],
      coordinateState: [{ name: 'momentum', initial: constant(0) }],
      stepStatements: [],
      coordinateStatements: [
        // the step interpolates with β1, the stored momentum with β2 (β2 > β1: a longer memory)
        assign('interpolation', add(multiply(momentum, ref('beta1')), multiply(subtract(one, ref('beta1')), grad))),
        assign('param', multiply(ref('param'), subtract(one, multiply(ref('lr'), ref('weight_decay'))))),
        assign('param', subtract(ref('param'), multiply(ref('lr'), sign(ref('interpolation'))))),
        assign('momentum', add(multiply(momentum, ref('beta2')), multiply(subtract(one, ref('beta2')), grad))),
      ],
    };
  },
};
