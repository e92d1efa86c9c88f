import { betasSpec, epsSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import type { OptimizerDefinition } from './optimizer';
import { power } from '../power';

/** RAdam (Liu et al. 2020): Adam whose adaptive step is rectified, and skipped while ρ_t ≤ 5, as torch.optim.RAdam. */
export const radam: OptimizerDefinition = {
  id: 'radam',
  name: 'RAdam',
  updateRule: String.raw`\rho_t = \rho_\infty - \frac{2t\beta_2^t}{1-\beta_2^t},\quad \theta_t = \theta_{t-1} - \gamma \hat m_t \cdot \begin{cases} r_t \frac{\sqrt{1-\beta_2^t}}{\sqrt{v_t} + \epsilon} & \rho_t > 5 \\ 1 & \text{otherwise} \end{cases}`,
  hyperSpecs: [learningRateSpec(1e-3), betasSpec([0.9, 0.999]), epsSpec(1e-8), weightDecaySpec(0)],
  create(hyper, dimension) {
    const [beta1, beta2] = pairHyper(hyper, 'betas');
    const epsilon = numberHyper(hyper, 'eps');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    const firstMoment = new Float64Array(dimension);
    const secondMoment = new Float64Array(dimension);
    // ρ∞: the length of the SMA that approximates the EMA of squared gradients
    const maxSmaLength = 2 / (1 - beta2) - 1;
    let stepCount = 0;
    return {
      step(params, gradient, learningRate) {
        stepCount += 1;
        const firstMomentCorrection = 1 - power(beta1, stepCount);
        const secondMomentCorrection = 1 - power(beta2, stepCount);
        const smaLength = maxSmaLength - (2 * stepCount * power(beta2, stepCount)) / secondMomentCorrection;
        // the variance of the adaptive rate is tractable only once ρ_t > 5; before that, plain momentum SGD
        const rectified = smaLength > 5;
        const rectification = rectified
          ? Math.sqrt(((smaLength - 4) * (smaLength - 2) * maxSmaLength) / ((maxSmaLength - 4) * (maxSmaLength - 2) * smaLength))
          : 1;
        const correctionRoot = Math.sqrt(secondMomentCorrection);
        for (let i = 0; i < dimension; i++) {
          let g = gradient[i];
          if (weightDecay !== 0) g += weightDecay * params[i];
          firstMoment[i] = firstMoment[i] * beta1 + (1 - beta1) * g;
          secondMoment[i] = secondMoment[i] * beta2 + (1 - beta2) * g * g;
          const correctedFirstMoment = firstMoment[i] / firstMomentCorrection;
          if (rectified) {
            const adaptiveLearningRate = correctionRoot / (Math.sqrt(secondMoment[i]) + epsilon);
            params[i] -= correctedFirstMoment * learningRate * adaptiveLearningRate * rectification;
          } else {
            params[i] -= correctedFirstMoment * learningRate;
          }
        }
      },
    };
  },
};
