import { booleanHyper, learningRateSpec, numberHyper, weightDecaySpec } from './hyper';
import { add, assign, constant, l2WeightDecay, multiply, ref, select, subtract } from './kernel';
import type { OptimizerDefinition } from './optimizer';

/** Stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD. */
export const sgd: OptimizerDefinition = {
  id: 'sgd',
  name: 'SGD',
  updateRule: String.raw`b_t = \mu b_{t-1} + (1-\tau) g_t,\quad \theta_t = \theta_{t-1} - \gamma\,(\text{nesterov} ? g_t + \mu b_t : b_t)`,
  hyperSpecs: [
    learningRateSpec(1e-3),
    { kind: 'number', name: 'momentum', defaultValue: 0, min: 0, max: 1, description: 'momentum factor μ' },
    { kind: 'number', name: 'dampening', defaultValue: 0, min: 0, max: 1, description: 'dampening τ of the gradient added to the momentum buffer' },
    weightDecaySpec(0),
    { kind: 'boolean', name: 'nesterov', defaultValue: false, description: 'Nesterov momentum: step along g + μb instead of b' },
  ],
  validate(hyper) {
    if (hyper.nesterov !== true) return null;
    // torch: "Nesterov momentum requires a momentum and zero dampening"
    if (typeof hyper.momentum !== 'number' || hyper.momentum <= 0) return 'nesterov requires momentum > 0';
    if (hyper.dampening !== 0) return 'nesterov requires dampening = 0';
    return null;
  },
  create(hyper, dimension) {
    const momentum = numberHyper(hyper, 'momentum');
    const dampening = numberHyper(hyper, 'dampening');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    const nesterov = booleanHyper(hyper, 'nesterov');
    const momentumBuffer = new Float64Array(dimension);
    let hasMomentumBuffer = false;
    return {
      step(params, gradient, learningRate) {
        for (let i = 0; i < dimension; i++) {
          let direction = gradient[i];
          if (weightDecay !== 0) direction += weightDecay * params[i];
          if (momentum !== 0) {
            // torch starts the buffer at the first gradient itself, undamped: b_1 = g_1
            const buffer = hasMomentumBuffer ? momentumBuffer[i] * momentum + (1 - dampening) * direction : direction;
            momentumBuffer[i] = buffer;
            direction = nesterov ? direction + momentum * buffer : buffer;
          }
          params[i] -= learningRate * direction;
        }
        hasMomentumBuffer = true;
      },
    };
  },
  kernel(hyper) {
    const nesterov = booleanHyper(hyper, 'nesterov');
    const [momentum, buffer] = [ref('momentum'), ref('momentumBuffer')];
    const momentumDirection = nesterov ? add(ref('grad'), multiply(momentum, buffer)) : buffer;
    return {
      constants: {
        lr: numberHyper(hyper, 'lr'),
        momentum: numberHyper(hyper, 'momentum'),
        dampening: numberHyper(hyper, 'dampening'),
        weight_decay: numberHyper(hyper, 'weight_decay'),
      },
      runState: [],
      coordinateState: [{ name: 'momentumBuffer', initial: constant(0) }],
      stepStatements: [],
      coordinateStatements: [
        l2WeightDecay(),
        // torch starts the buffer at the first gradient itself, undamped: b_1 = g_1. With μ = 0 the
        // buffer is kept but unused (torch keeps none), so one kernel serves a momentum sweep from 0.
        assign('momentumBuffer', select('>', ref('step'), constant(1), add(multiply(buffer, momentum), multiply(subtract(constant(1), ref('dampening')), ref('grad'))), ref('grad'))),
        assign('direction', select('==', momentum, constant(0), ref('grad'), momentumDirection)),
        assign('param', subtract(ref('param'), multiply(ref('lr'), ref('direction')))),
      ],
    };
  },
};
