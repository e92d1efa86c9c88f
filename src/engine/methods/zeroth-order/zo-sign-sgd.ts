import { learningRateSpec, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec } from '../method';
import { descentSubstep } from './estimate-narration';
import { DIRECTIONS_SPEC, estimateAndUpdate } from './gaussian-estimate';
import { PERTURBATION_SPEC } from './zo-sgd';

/**
 * ZO-signSGD (Liu et al. 2019): x ← x − lr·sign(ĝ). ĝ is zo_sgd's central two-point Gaussian
 * estimate; the paper's forward difference along sphere directions has the same sign in expectation,
 * and the sign discards the scale either way. sign(0) = 0, as torch.sign.
 */
export const zoSignSgdSpec: MethodSpec = {
  id: 'zo_sign_sgd',
  name: 'ZO-signSGD',
  family: 'zeroth-order',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`\hat g = \frac{1}{q}\sum_{j=1}^{q} \frac{f(x + \epsilon z_j) - f(x - \epsilon z_j)}{2\epsilon}\, z_j,\quad x \leftarrow x - \gamma\,\operatorname{sign}(\hat g)`,
  hyperSpecs: [learningRateSpec(1e-2), PERTURBATION_SPEC, DIRECTIONS_SPEC],
};

/** zo_sign_sgd: its spec and its implementation (what runs in the workers and the CLI). */
export const zoSignSgd: MethodDefinition = {
  ...zoSignSgdSpec,
  create: (hyper, context) =>
    estimateAndUpdate(hyper, context, numberHyper(hyper, 'eps'), (point, estimate, learningRate) => {
      for (let i = 0; i < point.length; i++) point[i] -= learningRate * Math.sign(estimate[i]);
    }, (previous, estimate, learningRate, point) => ({
      state: [],
      narration: [descentSubstep(previous, estimate.map(Math.sign), learningRate, point, 'the signs of the estimate', '\\operatorname{sign}(\\hat g)')],
    })),
};
