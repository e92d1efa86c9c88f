import { betasSpec, epsSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import type { OptimizerDefinition } from './optimizer';
import { power } from '../power';

/**
 * NAdam (Dozat 2016): Adam with Nesterov momentum and a momentum schedule μ_t, as torch.optim.NAdam
 * in torch ≥ 2.0 and its documented pseudo-code (torch 1.13's default single-tensor path had an extra
 * μ_t in ∏μ_{t+1}, fixed in pytorch#92699; 1.13's foreach path already agreed).
 */
export const nadam: OptimizerDefinition = {
  id: 'nadam',
  name: 'NAdam',
  updateRule: String.raw`\mu_t = \beta_1 (1 - \tfrac12 0.96^{t\psi}),\quad \theta_t = \theta_{t-1} - \gamma \frac{\frac{\mu_{t+1} m_t}{1-\prod_{i=1}^{t+1}\mu_i} + \frac{(1-\mu_t) g_t}{1-\prod_{i=1}^{t}\mu_i}}{\sqrt{v_t/(1-\beta_2^t)} + \epsilon}`,
  hyperSpecs: [
    learningRateSpec(2e-3),
    betasSpec([0.9, 0.999]),
    epsSpec(1e-8),
    weightDecaySpec(0),
    { kind: 'number', name: 'momentum_decay', defaultValue: 4e-3, min: 0, max: 1, description: 'momentum decay ψ of the schedule μ_t = β1(1 − ½·0.96^{tψ})' },
  ],
  create(hyper, dimension) {
    const [beta1, beta2] = pairHyper(hyper, 'betas');
    const epsilon = numberHyper(hyper, 'eps');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    const momentumDecay = numberHyper(hyper, 'momentum_decay');
    const firstMoment = new Float64Array(dimension);
    const secondMoment = new Float64Array(dimension);
    let momentumProduct = 1; // ∏_{i ≤ t} μ_i
    let stepCount = 0;
    return {
      step(params, gradient, learningRate) {
        stepCount += 1;
        const secondMomentCorrection = 1 - power(beta2, stepCount);
        const momentum = beta1 * (1 - 0.5 * power(0.96, stepCount * momentumDecay));
        const nextMomentum = beta1 * (1 - 0.5 * power(0.96, (stepCount + 1) * momentumDecay));
        momentumProduct *= momentum;
        const nextMomentumProduct = momentumProduct * nextMomentum;
        const gradientStep = (-learningRate * (1 - momentum)) / (1 - momentumProduct);
        const momentStep = (-learningRate * nextMomentum) / (1 - nextMomentumProduct);
        for (let i = 0; i < dimension; i++) {
          let g = gradient[i];
          if (weightDecay !== 0) g += weightDecay * params[i];
          firstMoment[i] = firstMoment[i] * beta1 + (1 - beta1) * g;
          secondMoment[i] = secondMoment[i] * beta2 + (1 - beta2) * g * g;
          const denominator = Math.sqrt(secondMoment[i] / secondMomentCorrection) + epsilon;
          // the Nesterov look-ahead: the current gradient's share plus the next step's momentum share
          params[i] += (gradientStep * g) / denominator;
          params[i] += (momentStep * firstMoment[i]) / denominator;
        }
      },
    };
  },
};
