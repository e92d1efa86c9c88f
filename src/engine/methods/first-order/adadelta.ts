import { epsSpec, learningRateSpec, numberHyper, weightDecaySpec } from './hyper';
import { add, assign, constant, divide, l2WeightDecay, multiply, ref, squareRoot, subtract } from './kernel';
import type { OptimizerDefinition } from './optimizer';

/** Adadelta (Zeiler 2012): steps scaled by the ratio of RMS past updates to RMS gradients, as torch.optim.Adadelta. */
export const adadelta: OptimizerDefinition = {
  id: 'adadelta',
  name: 'Adadelta',
  updateRule: String.raw`v_t = \rho v_{t-1} + (1-\rho) g_t^2,\quad \Delta x_t = \frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}} g_t,\quad u_t = \rho u_{t-1} + (1-\rho) \Delta x_t^2,\quad \theta_t = \theta_{t-1} - \gamma \Delta x_t`,
  hyperSpecs: [
    learningRateSpec(1.0),
    { kind: 'number', name: 'rho', defaultValue: 0.9, min: 0, max: 1, description: 'decay rate ρ of both running averages' },
    epsSpec(1e-6),
    weightDecaySpec(0),
  ],
  create(hyper, dimension) {
    const rho = numberHyper(hyper, 'rho');
    const epsilon = numberHyper(hyper, 'eps');
    const weightDecay = numberHyper(hyper, 'weight_decay');
    const squareAverage = new Float64Array(dimension);
    const accumulatedUpdate = new Float64Array(dimension);
    return {
      step(params, gradient, learningRate) {
        for (let i = 0; i < dimension; i++) {
          let g = gradient[i];
          if (weightDecay !== 0) g += weightDecay * params[i];
          squareAverage[i] = squareAverage[i] * rho + (1 - rho) * g * g;
          // unit correction: RMS of past updates over RMS of gradients
          const update = (Math.sqrt(accumulatedUpdate[i] + epsilon) / Math.sqrt(squareAverage[i] + epsilon)) * g;
          accumulatedUpdate[i] = accumulatedUpdate[i] * rho + (1 - rho) * update * update;
          params[i] -= learningRate * update;
        }
      },
    };
  },
  kernel(hyper) {
    const [rho, oneMinusRho] = [ref('rho'), subtract(constant(1), ref('rho'))];
    return {
      constants: { lr: numberHyper(hyper, 'lr'), rho: numberHyper(hyper, 'rho'), eps: numberHyper(hyper, 'eps'), weight_decay: numberHyper(hyper, 'weight_decay') },
      runState: [],
      coordinateState: [
        { name: 'squareAverage', initial: constant(0) },
        { name: 'accumulatedUpdate', initial: constant(0) },
      ],
      stepStatements: [],
      coordinateStatements: [
        l2WeightDecay(),
        assign('squareAverage', add(multiply(ref('squareAverage'), rho), multiply(multiply(oneMinusRho, ref('grad')), ref('grad')))),
        // unit correction: RMS of past updates over RMS of gradients
        assign('update', multiply(divide(squareRoot(add(ref('accumulatedUpdate'), ref('eps'))), squareRoot(add(ref('squareAverage'), ref('eps')))), ref('grad'))),
        assign('accumulatedUpdate', add(multiply(ref('accumulatedUpdate'), rho), multiply(multiply(oneMinusRho, ref('update')), ref('update')))),
        assign('param', subtract(ref('param'), multiply(ref('lr'), ref('update')))),
      ],
    };
  },
};
