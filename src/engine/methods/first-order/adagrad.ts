import { epsSpec, learningRateSpec, numberHyper, weightDecaySpec } from './hyper';
import { add, assign, constant, divide, l2WeightDecay, multiply, negate, ref, squareRoot, subtract } from './kernel';
import type { OptimizerDefinition } from './optimizer';

/** Adagrad (Duchi et al. 2011): per-coordinate steps shrink with the sum of squared gradients, as torch.optim.Adagrad. */
export const adagrad: OptimizerDefinition = {
  id: 'adagrad',
  name: 'Adagrad',
  updateRule: String.raw`\tilde\gamma = \frac{\gamma}{1 + (t-1)\eta},\quad s_t = s_{t-1} + g_t^2,\quad \theta_t = \theta_{t-1} - \tilde\gamma \frac{g_t}{\sqrt{s_t} + \epsilon}`,
  hyperSpecs: [
    learningRateSpec(1e-2),
    { kind: 'number', name: 'lr_decay', defaultValue: 0, min: 0, max: 10, description: 'learning-rate decay η: γ / (1 + (t − 1)η)' },
    weightDecaySpec(0),
    { kind: 'number', name: 'initial_accumulator_value', defaultValue: 0, min: 0, max: 100, description: 'starting value s₀ of the sum of squared gradients' },
    epsSpec(1e-10),
  ],
  create(hyper, dimension) {
    const learningRateDecay = numberHyper(hyper, 'lr_decay');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    const epsilon = numberHyper(hyper, 'eps');
    const sumOfSquares = new Float64Array(dimension).fill(numberHyper(hyper, 'initial_accumulator_value'));
    let stepCount = 0;
    return {
      step(params, gradient, learningRate) {
        stepCount += 1;
        const decayedLearningRate = learningRate / (1 + (stepCount - 1) * learningRateDecay);
        for (let i = 0; i < dimension; i++) {
          let g = gradient[i];
          if (weightDecay !== 0) g += weightDecay * params[i];
          sumOfSquares[i] += g * g;
          params[i] += (-decayedLearningRate * g) / (Math.sqrt(sumOfSquares[i]) + epsilon);
        }
      },
    };
  },
  kernel: (hyper) => ({
    constants: {
      lr: numberHyper(hyper, 'lr'),
      lr_decay: numberHyper(hyper, 'lr_decay'),
      weight_decay: numberHyper(hyper, 'weight_decay'),
      initial_accumulator_value: numberHyper(hyper, 'initial_accumulator_value'),
      eps: numberHyper(hyper, 'eps'),
    },
    runState: [],
    coordinateState: [{ name: 'sumOfSquares', initial: ref('initial_accumulator_value') }],
    stepStatements: [
      assign('decayedLearningRate', divide(ref('lr'), add(constant(1), multiply(subtract(ref('step'), constant(1)), ref('lr_decay'))))),
    ],
    coordinateStatements: [
      l2WeightDecay(),
      assign('sumOfSquares', add(ref('sumOfSquares'), multiply(ref('grad'), ref('grad')))),
      assign('param', add(ref('param'), divide(multiply(negate(ref('decayedLearningRate')), ref('grad')), add(squareRoot(ref('sumOfSquares')), ref('eps'))))),
    ],
  }),
};
