import { betasSpec, epsSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import type { OptimizerDefinition } from './optimizer';
import { powersOf } from '../../power';
import { add, assign, constant, divide, l2WeightDecay, multiply, power as raise, ref, select, squareRoot, subtract, type KernelExpr } from './kernel';

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
    const beta1Powers = powersOf(beta1);
    const beta2Powers = powersOf(beta2);
    let stepCount = 0;
    return {
      step(params, gradient, learningRate) {
        stepCount += 1;
        const firstMomentCorrection = 1 - beta1Powers.at(stepCount);
        const secondMomentCorrection = 1 - beta2Powers.at(stepCount);
        const smaLength = maxSmaLength - (2 * stepCount * beta2Powers.at(stepCount)) / secondMomentCorrection;
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
  kernel(hyper) {
    const [beta1, beta2] = pairHyper(hyper, 'betas');
    const [one, two, four] = [constant(1), constant(2), constant(4)];
    const [smaLength, maxSmaLength] = [ref('smaLength'), ref('maxSmaLength')];
    // the variance of the adaptive rate is tractable only once ρ_t > 5; before that, plain momentum SGD
    const rectified = (then: KernelExpr, otherwise: KernelExpr) => select('>', smaLength, constant(5), then, otherwise);
    const momentumStep = multiply(ref('correctedFirstMoment'), ref('lr'));
    return {
      constants: { lr: numberHyper(hyper, 'lr'), beta1, beta2, eps: numberHyper(hyper, 'eps'), weight_decay: numberHyper(hyper, 'weight_decay') },
      runState: [],
      coordinateState: [
        { name: 'firstMoment', initial: constant(0) },
        { name: 'secondMoment', initial: constant(0) },
      ],
      stepStatements: [
        // ρ∞: the length of the SMA that approximates the EMA of squared gradients
        assign('maxSmaLength', subtract(divide(two, subtract(one, ref('beta2'))), one)),
        assign('firstMomentCorrection', subtract(one, raise(ref('beta1'), ref('step')))),
        assign('secondMomentCorrection', subtract(one, raise(ref('beta2'), ref('step')))),
        assign('smaLength', subtract(maxSmaLength, divide(multiply(multiply(two, ref('step')), raise(ref('beta2'), ref('step'))), ref('secondMomentCorrection')))),
        assign(
          'rectification',
          rectified(
            squareRoot(
              divide(
                multiply(multiply(subtract(smaLength, four), subtract(smaLength, two)), maxSmaLength),
                multiply(multiply(subtract(maxSmaLength, four), subtract(maxSmaLength, two)), smaLength),
              ),
            ),
            one,
          ),
        ),
        assign('correctionRoot', squareRoot(ref('secondMomentCorrection'))),
      ],
      coordinateStatements: [
        l2WeightDecay(),
        assign('firstMoment', add(multiply(ref('firstMoment'), ref('beta1')), multiply(subtract(one, ref('beta1')), ref('grad')))),
        assign('secondMoment', add(multiply(ref('secondMoment'), ref('beta2')), multiply(multiply(subtract(one, ref('beta2')), ref('grad')), ref('grad')))),
        assign('correctedFirstMoment', divide(ref('firstMoment'), ref('firstMomentCorrection'))),
        assign('adaptiveLearningRate', divide(ref('correctionRoot'), add(squareRoot(ref('secondMoment')), ref('eps')))),
        assign(
          'param',
          rectified(
            subtract(ref('param'), multiply(multiply(momentumStep, ref('adaptiveLearningRate')), ref('rectification'))),
            subtract(ref('param'), momentumStep),
          ),
        ),
      ],
    };
  },
};
