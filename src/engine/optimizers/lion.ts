import { betasSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
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
};
