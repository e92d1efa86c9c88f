import { booleanHyper, epsSpec, learningRateSpec, numberHyper, weightDecaySpec } from './hyper';
import { add, assign, constant, divide, l2WeightDecay, multiply, negate, ref, select, squareRoot, subtract, type KernelAssignment } from './kernel';
import type { OptimizerDefinition } from './optimizer';

/** RMSprop (Hinton's lecture 6e), optionally centered and with momentum, as torch.optim.RMSprop. */
export const rmsprop: OptimizerDefinition = {
  id: 'rmsprop',
  name: 'RMSprop',
  updateRule: String.raw`v_t = \alpha v_{t-1} + (1-\alpha) g_t^2,\quad b_t = \mu b_{t-1} + \frac{g_t}{\sqrt{v_t - (\text{centered} ? \bar g_t^2 : 0)} + \epsilon},\quad \theta_t = \theta_{t-1} - \gamma b_t`,
  hyperSpecs: [
    learningRateSpec(1e-2),
    { kind: 'number', name: 'alpha', defaultValue: 0.99, min: 0, max: 1, description: 'smoothing constant α of the squared-gradient average' },
    epsSpec(1e-8),
    weightDecaySpec(0),
    { kind: 'number', name: 'momentum', defaultValue: 0, min: 0, max: 1, description: 'momentum factor μ' },
    { kind: 'boolean', name: 'centered', defaultValue: false, description: 'divide by the estimated variance (subtract the squared mean gradient)' },
  ],
  create(hyper, dimension) {
    const alpha = numberHyper(hyper, 'alpha');
    const epsilon = numberHyper(hyper, 'eps');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    const momentum = numberHyper(hyper, 'momentum');
    const centered = booleanHyper(hyper, 'centered');
    const squareAverage = new Float64Array(dimension);
    const gradientAverage = new Float64Array(dimension);
    const momentumBuffer = new Float64Array(dimension);
    return {
      step(params, gradient, learningRate) {
        for (let i = 0; i < dimension; i++) {
          let g = gradient[i];
          if (weightDecay !== 0) g += weightDecay * params[i];
          squareAverage[i] = squareAverage[i] * alpha + (1 - alpha) * g * g;
          let variance = squareAverage[i];
          if (centered) {
            gradientAverage[i] = gradientAverage[i] * alpha + (1 - alpha) * g;
            // E[g²] − E[g]²: the variance estimate; rounding can make it slightly negative (sqrt → NaN), as in torch
            variance -= gradientAverage[i] * gradientAverage[i];
          }
          const denominator = Math.sqrt(variance) + epsilon;
          if (momentum > 0) {
            momentumBuffer[i] = momentumBuffer[i] * momentum + g / denominator;
            params[i] -= learningRate * momentumBuffer[i];
          } else {
            params[i] += (-learningRate * g) / denominator;
          }
        }
      },
    };
  },
  kernel(hyper) {
    const centered = booleanHyper(hyper, 'centered');
    const [alpha, oneMinusAlpha, grad] = [ref('alpha'), subtract(constant(1), ref('alpha')), ref('grad')];
    const varianceStatements: KernelAssignment[] = centered
      ? [
          assign('gradientAverage', add(multiply(ref('gradientAverage'), alpha), multiply(oneMinusAlpha, grad))),
          // E[g²] − E[g]²: the variance estimate; rounding can make it slightly negative (sqrt → NaN), as in torch
          assign('variance', subtract(ref('squareAverage'), multiply(ref('gradientAverage'), ref('gradientAverage')))),
        ]
      : [assign('variance', ref('squareAverage'))];
    return {
      constants: {
        lr: numberHyper(hyper, 'lr'),
        alpha: numberHyper(hyper, 'alpha'),
        eps: numberHyper(hyper, 'eps'),
        weight_decay: numberHyper(hyper, 'weight_decay'),
        momentum: numberHyper(hyper, 'momentum'),
      },
      runState: [],
      coordinateState: [
        { name: 'squareAverage', initial: constant(0) },
        ...(centered ? [{ name: 'gradientAverage', initial: constant(0) }] : []),
        { name: 'momentumBuffer', initial: constant(0) },
      ],
      stepStatements: [],
      coordinateStatements: [
        l2WeightDecay(),
        assign('squareAverage', add(multiply(ref('squareAverage'), alpha), multiply(multiply(oneMinusAlpha, grad), grad))),
        ...varianceStatements,
        assign('denominator', add(squareRoot(ref('variance')), ref('eps'))),
        // with μ = 0 the buffer is kept but unused (torch keeps none), so one kernel serves a momentum sweep from 0
        assign('momentumBuffer', add(multiply(ref('momentumBuffer'), ref('momentum')), divide(grad, ref('denominator')))),
        assign(
          'param',
          select(
            '>',
            ref('momentum'),
            constant(0),
            subtract(ref('param'), multiply(ref('lr'), ref('momentumBuffer'))),
            add(ref('param'), divide(multiply(negate(ref('lr')), grad), ref('denominator'))),
          ),
        ),
      ],
    };
  },
};
