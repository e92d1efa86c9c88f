import { betasSpec, epsSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import type { OptimizerDefinition } from './optimizer';
import { power } from '../power';

/** Adamax (Kingma & Ba 2015, §7): Adam with the infinity norm in place of v, as torch.optim.Adamax. */
export const adamax: OptimizerDefinition = {
  id: 'adamax',
  name: 'Adamax',
  updateRule: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad u_t = \max(\beta_2 u_{t-1}, |g_t| + \epsilon),\quad \theta_t = \theta_{t-1} - \frac{\gamma}{1-\beta_1^t} \frac{m_t}{u_t}`,
  hyperSpecs: [learningRateSpec(2e-3), betasSpec([0.9, 0.999]), epsSpec(1e-8), weightDecaySpec(0)],
  create(hyper, dimension) {
    const [beta1, beta2] = pairHyper(hyper, 'betas');
    const epsilon = numberHyper(hyper, 'eps');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    const firstMoment = new Float64Array(dimension);
    const infinityNorm = new Float64Array(dimension);
    let stepCount = 0;
    return {
      step(params, gradient, learningRate) {
        stepCount += 1;
        const stepSize = learningRate / (1 - power(beta1, stepCount));
        for (let i = 0; i < dimension; i++) {
          let g = gradient[i];
          if (weightDecay !== 0) g += weightDecay * params[i];
          firstMoment[i] = firstMoment[i] * beta1 + (1 - beta1) * g;
          // ε sits inside the max (torch), so u_t ≥ ε and the division is safe
          infinityNorm[i] = Math.max(infinityNorm[i] * beta2, Math.abs(g) + epsilon);
          params[i] += (-stepSize * firstMoment[i]) / infinityNorm[i];
        }
      },
    };
  },
};
