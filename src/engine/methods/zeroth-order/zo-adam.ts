import { createAdamInstance } from '../first-order/adam';
import { betasSpec, epsSpec, learningRateSpec, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec } from '../method';
import { DIRECTIONS_SPEC, estimateAndUpdate } from './gaussian-estimate';
import { adamTeller } from './zo-adam-story';

/**
 * ZO-AdaMM (Chen et al. 2019): torch.optim.Adam's update fed the two-point Gaussian estimate ĝ in
 * place of ∇f. The perturbation scale is `mu` (the paper's μ) because `eps` keeps Adam's meaning;
 * `amsgrad: true` is the paper's exact variant (the running maximum of v).
 */
export const zoAdamSpec: MethodSpec = {
  id: 'zo_adam',
  name: 'ZO-Adam (ZO-AdaMM)',
  family: 'zeroth-order',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`\hat g = \frac{1}{q}\sum_{j} \frac{f(x + \mu z_j) - f(x - \mu z_j)}{2\mu}\, z_j,\quad m \leftarrow \beta_1 m + (1-\beta_1)\hat g,\quad v \leftarrow \beta_2 v + (1-\beta_2)\hat g^2,\quad x \leftarrow x - \gamma \frac{m / (1-\beta_1^t)}{\sqrt{v / (1-\beta_2^t)} + \epsilon}`,
  hyperSpecs: [
    learningRateSpec(1e-3),
    betasSpec([0.9, 0.999]),
    epsSpec(1e-8),
    { kind: 'boolean', name: 'amsgrad', defaultValue: false, description: 'AMSGrad: divide by the running maximum of v (ZO-AdaMM as published)' },
    { kind: 'number', name: 'mu', defaultValue: 1e-3, min: 0, max: 10, exclusiveMin: true, log: true, description: 'perturbation scale μ: the probes are x ± μz' },
    DIRECTIONS_SPEC,
  ],
};

/** zo_adam: its spec and its implementation (what runs in the workers and the CLI). */
export const zoAdam: MethodDefinition = {
  ...zoAdamSpec,
  create(hyper, context) {
    const adam = createAdamInstance({ ...hyper, weight_decay: 0 }, context.dimension, false);
    return estimateAndUpdate(hyper, context, numberHyper(hyper, 'mu'), (point, estimate, learningRate) => adam.step(point, estimate, learningRate), context.inspecting === true ? adamTeller(hyper, context.dimension) : null);
  },
};
