import { betasSpec, booleanHyper, epsSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import type { HyperValues, OptimizerDefinition, OptimizerInstance } from './optimizer';
import { powersOf } from '../../power';
import { add, assign, constant, divide, l2WeightDecay, maximum, multiply, negate, power as raise, ref, squareRoot, subtract, type OptimizerKernel } from './kernel';

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
  kernel: (hyper) => adamKernel(hyper, false),
};

/** Adam's (or, decoupled, AdamW's) update rule as data, statement for statement the loop below. */
export function adamKernel(hyper: HyperValues, decoupledWeightDecay: boolean): OptimizerKernel {
  const [beta1, beta2] = pairHyper(hyper, 'betas');
  const amsgrad = booleanHyper(hyper, 'amsgrad');
  const one = constant(1);
  const coordinateStatements = [];
  if (decoupledWeightDecay) coordinateStatements.push(assign('param', multiply(ref('param'), subtract(one, multiply(ref('lr'), ref('weight_decay'))))));
  else coordinateStatements.push(l2WeightDecay());
  coordinateStatements.push(
    assign('firstMoment', add(multiply(ref('firstMoment'), ref('beta1')), multiply(subtract(one, ref('beta1')), ref('grad')))),
    assign('secondMoment', add(multiply(ref('secondMoment'), ref('beta2')), multiply(multiply(subtract(one, ref('beta2')), ref('grad')), ref('grad')))),
  );
  // torch keeps the maximum of the raw v_t and bias-corrects it afterwards
  if (amsgrad) coordinateStatements.push(assign('maxSecondMoment', maximum(ref('maxSecondMoment'), ref('secondMoment'))));
  const denominatorMoment = ref(amsgrad ? 'maxSecondMoment' : 'secondMoment');
  coordinateStatements.push(
    assign('denominator', add(divide(squareRoot(denominatorMoment), ref('secondMomentCorrection')), ref('eps'))),
    assign('param', add(ref('param'), divide(multiply(negate(ref('stepSize')), ref('firstMoment')), ref('denominator')))),
  );
  return {
    constants: { lr: numberHyper(hyper, 'lr'), beta1, beta2, eps: numberHyper(hyper, 'eps'), weight_decay: numberHyper(hyper, 'weight_decay') },
    runState: [],
    coordinateState: [
      { name: 'firstMoment', initial: constant(0) },
      { name: 'secondMoment', initial: constant(0) },
      ...(amsgrad ? [{ name: 'maxSecondMoment', initial: constant(0) }] : []),
    ],
    stepStatements: [
      // bias corrections 1 − β^t undo the zero initialisation of m and v
      assign('stepSize', divide(ref('lr'), subtract(one, raise(ref('beta1'), ref('step'))))),
      assign('secondMomentCorrection', squareRoot(subtract(one, raise(ref('beta2'), ref('step'))))),
    ],
    coordinateStatements,
  };
}

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
  const beta1Powers = powersOf(beta1);
  const beta2Powers = powersOf(beta2);
  let stepCount = 0;
  return {
    step(params, gradient, learningRate) {
      stepCount += 1;
      // bias corrections 1 − β^t undo the zero initialisation of m and v
      const stepSize = learningRate / (1 - beta1Powers.at(stepCount));
      const secondMomentCorrection = Math.sqrt(1 - beta2Powers.at(stepCount));
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
