import { learningRateSpec, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec } from '../method';
import { descentSubstep } from './estimate-narration';
import { DIRECTIONS_SPEC, estimateAndUpdate } from './gaussian-estimate';

/** `eps`: MeZO's perturbation scale ε (the probes are x ± εz). */
export const PERTURBATION_SPEC = { kind: 'number', name: 'eps', defaultValue: 1e-3, min: 0, max: 10, exclusiveMin: true, log: true, description: 'perturbation scale ε: the probes are x ± εz' } as const;

/** Zeroth-order SGD as MeZO (Malladi et al. 2023): x ← x − lr·ĝ with the two-point Gaussian estimate ĝ. */
export const zoSgdSpec: MethodSpec = {
  id: 'zo_sgd',
  name: 'ZO-SGD (MeZO)',
  family: 'zeroth-order',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`\hat g = \frac{1}{q}\sum_{j=1}^{q} \frac{f(x + \epsilon z_j) - f(x - \epsilon z_j)}{2\epsilon}\, z_j,\quad z_j \sim \mathcal N(0, I),\quad x \leftarrow x - \gamma\,\hat g`,
  hyperSpecs: [learningRateSpec(1e-3), PERTURBATION_SPEC, DIRECTIONS_SPEC],
};

/** zo_sgd: its spec and its implementation (what runs in the workers and the CLI). */
export const zoSgd: MethodDefinition = {
  ...zoSgdSpec,
  create: (hyper, context) =>
    estimateAndUpdate(hyper, context, numberHyper(hyper, 'eps'), (point, estimate, learningRate) => {
      for (let i = 0; i < point.length; i++) point[i] -= learningRate * estimate[i];
    }, (previous, estimate, learningRate, point) => ({ state: [], narration: [descentSubstep(previous, estimate, learningRate, point, 'the estimate', '\\hat g')] })),
};
