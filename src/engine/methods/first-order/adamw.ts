import { adamKernel, createAdamInstance } from './adam';
import { betasSpec, epsSpec, learningRateSpec, weightDecaySpec } from './hyper';
import type { OptimizerDefinition } from './optimizer';

/** AdamW (Loshchilov & Hutter 2019): Adam with weight decay decoupled from the gradient, as torch.optim.AdamW. */
export const adamw: OptimizerDefinition = {
  id: 'adamw',
  name: 'AdamW',
  updateRule: String.raw`\theta \leftarrow \theta (1 - \gamma\lambda),\quad m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\quad \theta_t = \theta - \gamma \frac{m_t / (1-\beta_1^t)}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}`,
  hyperSpecs: [
    learningRateSpec(1e-3),
    betasSpec([0.9, 0.999]),
    epsSpec(1e-8),
    weightDecaySpec(1e-2, 'decoupled weight decay λ: θ ← θ(1 − γλ) before the Adam step'),
    { kind: 'boolean', name: 'amsgrad', defaultValue: false, description: 'AMSGrad: divide by the running maximum of v instead of v' },
  ],
  create: (hyper, dimension) => createAdamInstance(hyper, dimension, true),
  kernel: (hyper) => adamKernel(hyper, true),
};
