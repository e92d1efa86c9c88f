import { betasSpec, epsSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import type { OptimizerDefinition } from './optimizer';
import { powersOf } from '../../power';
import { absolute, add, assign, constant, divide, l2WeightDecay, maximum, multiply, negate, power as raise, ref, subtract } from './kernel';

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
    const beta1Powers = powersOf(beta1);
    let stepCount = 0;
    return {
      step(params, gradient, learningRate) {
        stepCount += 1;
        const stepSize = learningRate / (1 - beta1Powers.at(stepCount));
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
  kernel(hyper) {
    const [beta1, beta2] = pairHyper(hyper, 'betas');
    return {
      constants: { lr: numberHyper(hyper, 'lr'), beta1, beta2, eps: numberHyper(hyper, 'eps'), weight_decay: numberHyper(hyper, 'weight_decay') },
      runState: [],
      coordinateState: [
        { name: 'firstMoment', initial: constant(0) },
        { name: 'infinityNorm', initial: constant(0) },
      ],
      stepStatements: [assign('stepSize', divide(ref('lr'), subtract(constant(1), raise(ref('beta1'), ref('step')))))],
      coordinateStatements: [
        l2WeightDecay(),
        assign('firstMoment', add(multiply(ref('firstMoment'), ref('beta1')), multiply(subtract(constant(1), ref('beta1')), ref('grad')))),
        // ε sits inside the max (torch), so u_t ≥ ε and the division is safe
        assign('infinityNorm', maximum(multiply(ref('infinityNorm'), ref('beta2')), add(absolute(ref('grad')), ref('eps')))),
        assign('param', add(ref('param'), divide(multiply(negate(ref('stepSize')), ref('firstMoment')), ref('infinityNorm')))),
      ],
    };
  },
};
