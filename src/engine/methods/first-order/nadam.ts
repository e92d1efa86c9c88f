import { betasSpec, epsSpec, learningRateSpec, numberHyper, pairHyper, weightDecaySpec } from './hyper';
import type { OptimizerDefinition } from './optimizer';
import { power, powersOf } from '../../power';
import { add, assign, constant, divide, l2WeightDecay, multiply, negate, power as raise, ref, squareRoot, subtract, type KernelExpr } from './kernel';

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
    const beta2Powers = powersOf(beta2);
    let stepCount = 0;
    return {
      step(params, gradient, learningRate) {
        stepCount += 1;
        const secondMomentCorrection = 1 - beta2Powers.at(stepCount);
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
  kernel(hyper) {
    const [beta1, beta2] = pairHyper(hyper, 'betas');
    const one = constant(1);
    // μ_t = β1(1 − ½·0.96^{tψ})
    const momentumAt = (step: KernelExpr) =>
      multiply(ref('beta1'), subtract(one, multiply(constant(0.5), raise(constant(0.96), multiply(step, ref('momentum_decay'))))));
    return {
      constants: {
        lr: numberHyper(hyper, 'lr'),
        beta1,
        beta2,
        eps: numberHyper(hyper, 'eps'),
        weight_decay: numberHyper(hyper, 'weight_decay'),
        momentum_decay: numberHyper(hyper, 'momentum_decay'),
      },
      runState: [{ name: 'momentumProduct', initial: one }], // ∏_{i ≤ t} μ_i
      coordinateState: [
        { name: 'firstMoment', initial: constant(0) },
        { name: 'secondMoment', initial: constant(0) },
      ],
      stepStatements: [
        assign('secondMomentCorrection', subtract(one, raise(ref('beta2'), ref('step')))),
        assign('momentum', momentumAt(ref('step'))),
        assign('nextMomentum', momentumAt(add(ref('step'), one))),
        assign('momentumProduct', multiply(ref('momentumProduct'), ref('momentum'))),
        assign('nextMomentumProduct', multiply(ref('momentumProduct'), ref('nextMomentum'))),
        assign('gradientStep', divide(multiply(negate(ref('lr')), subtract(one, ref('momentum'))), subtract(one, ref('momentumProduct')))),
        assign('momentStep', divide(multiply(negate(ref('lr')), ref('nextMomentum')), subtract(one, ref('nextMomentumProduct')))),
      ],
      coordinateStatements: [
        l2WeightDecay(),
        assign('firstMoment', add(multiply(ref('firstMoment'), ref('beta1')), multiply(subtract(one, ref('beta1')), ref('grad')))),
        assign('secondMoment', add(multiply(ref('secondMoment'), ref('beta2')), multiply(multiply(subtract(one, ref('beta2')), ref('grad')), ref('grad')))),
        assign('denominator', add(squareRoot(divide(ref('secondMoment'), ref('secondMomentCorrection'))), ref('eps'))),
        // the Nesterov look-ahead: the current gradient's share plus the next step's momentum share
        assign('param', add(ref('param'), divide(multiply(ref('gradientStep'), ref('grad')), ref('denominator')))),
        assign('param', add(ref('param'), divide(multiply(ref('momentStep'), ref('firstMoment')), ref('denominator')))),
      ],
    };
  },
};
