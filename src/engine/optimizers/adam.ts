import { betasSpec, booleanHyper, epsSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import type { HyperValues, OptimizerDefinition, OptimizerInstance } from './optimizer';
import { power } from '../power';

/** Adam (Kingma & Ba 2015) with optional AMSGrad, as torch.optim.Adam (L2 weight decay added to the gradient). */
export const adam: OptimizerDefinition = {
  id: 'adam',
  name: 'Adam',
  updateRule: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\quad \theta_t = \theta_{t-1} - \gamma \frac{m_t / (1-\beta_1^t)}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}`,
  hyperSpecs: [
    learningRateSpec(1e-3),
    betasSpec([0.9, 0.999]),
    epsSpec(1e-8),
    weightDecaySpec(0),
    { kind: 'boolean', name: 'amsgrad', defaultValue: false, description: 'AMSGrad: divide by the running maximum of v instead of v' },
  ],
  create: (hyper, dimension) => createAdamInstance(hyper, dimension, false),
};

/**
 * One Adam run's state and update; `decoupledWeightDecay` selects AdamW's θ ← θ(1 − γλ) in place of
 * Adam's g ← g + λθ.
 */
export function createAdamInstance(hyper: HyperValues, dimension: number, decoupledWeightDecay: boolean): OptimizerInstance {
  const [beta1, beta2] = pairHyper(hyper, 'betas');
  const epsilon = numberHyper(hyper, 'eps');
  const weightDecay = numberHyper(hyper, 'weight_decay');
  const amsgrad = booleanHyper(hyper, 'amsgrad');
  const firstMoment = new Float64Array(dimension);
  const secondMoment = new Float64Array(dimension);
  const maxSecondMoment = new Float64Array(dimension);
  let stepCount = 0;
  return {
    step(params, gradient, learningRate) {
      stepCount += 1;
      // bias corrections 1 − β^t undo the zero initialisation of m and v
      const stepSize = learningRate / (1 - power(beta1, stepCount));
      const secondMomentCorrection = Math.sqrt(1 - power(beta2, stepCount));
      for (let i = 0; i < dimension; i++) {
        let g = gradient[i];
        if (decoupledWeightDecay) params[i] *= 1 - learningRate * weightDecay;
        else if (weightDecay !== 0) g += weightDecay * params[i];
        firstMoment[i] = firstMoment[i] * beta1 + (1 - beta1) * g;
        secondMoment[i] = secondMoment[i] * beta2 + (1 - beta2) * g * g;
        let denominatorMoment = secondMoment[i];
        if (amsgrad) {
          // torch keeps the maximum of the raw v_t and bias-corrects it afterwards
          maxSecondMoment[i] = Math.max(maxSecondMoment[i], secondMoment[i]);
          denominatorMoment = maxSecondMoment[i];
        }
        const denominator = Math.sqrt(denominatorMoment) / secondMomentCorrection + epsilon;
        params[i] += (-stepSize * firstMoment[i]) / denominator;
      }
    },
  };
}
