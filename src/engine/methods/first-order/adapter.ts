import { clipGradient } from '../../clipping';
import { DIVERGENCE_BOUND } from '../../divergence';
import { learningRateAt } from '../../schedules';
import type { MethodDefinition, MethodSpec } from '../method';
import { runMethod, type RunOptions, type RunResult } from '../../run';
import { numberHyper } from './hyper';
import { createInspectedOptimizer } from './inspected-optimizer';
import type { OptimizerDefinition } from './optimizer';

/** What a torch.optim-style optimizer needs: f and ∇f at each point. */
const FIRST_ORDER_NEEDS = { value: true, gradient: true, hessian: false } as const;

/** A first-order optimizer's spec as a method's: what the page reads of it (methods/catalogue.ts). */
export function firstOrderSpec(optimizer: Omit<OptimizerDefinition, 'create'>): MethodSpec {
  return {
    id: optimizer.id,
    name: optimizer.name,
    family: 'first-order',
    needs: FIRST_ORDER_NEEDS,
    updateRule: optimizer.updateRule,
    hyperSpecs: optimizer.hyperSpecs,
    ...(optimizer.validate && { validate: optimizer.validate }),
    kernel: optimizer.kernel,
  };
}

/**
 * A first-order optimizer as a method (the one adapter all ten go through). Per update k, as
 * torch.optim with a scheduler: g = ∇f(x_k) (noised by the oracle), clip(g),
 * x_{k+1} = optimizer.step(x_k, g, learningRateAt(schedule, lr, k)); then f and ∇f at x_{k+1},
 * one evaluation of each per point. On mini-batches (oracle.sampled) ∇f must be of step k's batch,
 * so it is evaluated at the start of step k instead, as a torch training loop does: one f and ∇f
 * per step, none at the start.
 */
export function firstOrderMethod(optimizer: OptimizerDefinition): MethodDefinition {
  return {
    ...firstOrderSpec(optimizer),
    create(hyper, context) {
      // the step inspector's replay takes the kernel's twin; ordinary runs keep the loop below as it was
      const { dimension, schedule, clip } = context;
      // the step inspector's replay takes the kernel's twin (its state in the open); ordinary runs the hand-written loop
      const inspected = context.inspecting === true ? createInspectedOptimizer(optimizer, hyper, dimension) : null;
      const instance = inspected ?? optimizer.create(hyper, dimension);
      const baseLearningRate = numberHyper(hyper, 'lr');
      // ∇f at the current point, evaluated together with f when the point was reached
      const gradient = new Float64Array(dimension);
      return {
        start: (point, oracle) => (oracle.sampled ? NaN : oracle.valueAndGradient(point, gradient)),
        step(point, oracle, step) {
          if (oracle.sampled) oracle.valueAndGradient(point, gradient);
          if (clip !== undefined) clipGradient(gradient, clip);
          const learningRate = schedule === undefined ? baseLearningRate : learningRateAt(schedule, baseLearningRate, step);
          instance.step(point, gradient, learningRate);
          // a point past the divergence bound (or not finite) ends the run unevaluated, as it always
          // has; the runner says why
          for (let i = 0; i < dimension; i++) if (!(Math.abs(point[i]) <= DIVERGENCE_BOUND)) return NaN;
          // on mini-batches the runner records the loss over all the data, not this
          return oracle.sampled ? 0 : oracle.valueAndGradient(point, gradient);
        },
        ...(inspected && { inspect: () => inspected.inspect() }),
      };
    },
  };
}

/** Options of a run of a torch-style optimizer: RunOptions with the optimizer in place of the method. */
export type OptimizerRunOptions = Omit<RunOptions, 'method'> & { readonly optimizer: OptimizerDefinition };

/** Runs a torch-style optimizer through the adapter (the goldens and the GPU comparisons use this). */
export function runOptimizer({ optimizer, ...options }: OptimizerRunOptions): RunResult {
  return runMethod({ ...options, method: firstOrderMethod(optimizer) });
}
