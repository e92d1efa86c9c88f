import { getMethodSpec } from '../engine/methods/catalogue';
import type { HyperValues } from '../engine/methods/hyperparameters';
import type { Model } from '../engine/models';

// What a method costs in memory and passes on a model, as the zeroth-order fine-tuning papers compare
// them (MeZO, Malladi et al. 2023, Table 1 and Fig. 3): the floats it keeps between steps besides the
// parameters, the floats one evaluation holds at its peak (a backward pass keeps every unit's
// activation for every row of the batch; a forward-only pass needs the widest layer's), and the
// forward and backward passes run so far. Counted for the algorithm as published, not for this
// engine's scratch: MeZO regenerates its direction z from a seed, so ZO-SGD keeps no floats.

/** A method's memory on a model. */
export interface MethodMemory {
  /** Floats the method keeps between steps besides the parameters themselves. */
  readonly stateFloats: number;
  /** Floats one evaluation holds at its peak (activations). */
  readonly passFloats: number;
  /** Whether the method runs backward passes (needs ∇f). */
  readonly backward: boolean;
}

/** The widths an evaluation passes through: every unit per row for a backward pass, the widest layer for a forward one. */
function activationCounts(model: Model): { perRow: number; widest: number } {
  const widths = 'widths' in model ? (model.widths as readonly number[]).slice(1) : [model.outputCount];
  return { perRow: widths.reduce((sum, width) => sum + width, 0), widest: Math.max(...widths) };
}

/** Floats kept between steps by each method that is not a torch-style optimizer (those state theirs in their kernel). */
function otherStateFloats(id: string, hyper: HyperValues, n: number): number {
  const number = (name: string, fallback: number) => (typeof hyper[name] === 'number' ? (hyper[name] as number) : fallback);
  switch (id) {
    case 'newton':
      return n * n + n; // the Hessian and the step
    case 'newton_cg':
      return 4 * n; // CG's residual, direction, Hessian-vector product and step
    case 'bfgs':
      return n * n + 2 * n; // the inverse-Hessian estimate, the gradient and the direction
    case 'cg':
      return 2 * n; // the direction and the previous gradient
    case 'lbfgs':
      return 2 * number('history_size', 100) * n + 2 * n; // m pairs (s, y), the gradient and the direction
    case 'nelder_mead':
      return (n + 1) * n + (n + 1); // the simplex and its values
    case 'powell':
      return n * n + n; // the direction set and the start of the sweep
    case 'cma_es': {
      const lambda = number('population_size', 0) || 4 + Math.floor(3 * Math.log(n));
      return n * n + lambda * n + 3 * n; // covariance, population, mean and two evolution paths
    }
    case 'pso':
      return 3 * number('swarm_size', 20) * n; // positions, velocities, personal bests
    case 'differential_evolution':
      return 2 * number('popsize', 15) * n * n; // population and trial population (popsize · n members)
    case 'random_search':
    case 'simulated_annealing':
    case 'one_plus_one_es':
      return n; // the best or current point
    case 'spsa':
    case 'zo_sign_sgd':
      return n; // the perturbation Δ (SPSA) or the estimate whose sign is taken
    case 'zo_sgd':
      return 0; // MeZO: z is regenerated from its seed, in place
    case 'zo_adam':
      return 2 * n; // first and second moments
    default:
      return n;
  }
}

/** The memory of run method `id` with complete `hyper` on `model`, for batches of `batchRows` rows. */
export function methodMemory(id: string, hyper: HyperValues, model: Model, batchRows: number): MethodMemory {
  const method = getMethodSpec(id);
  const n = model.parameterCount;
  const backward = method?.needs.gradient ?? false;
  let stateFloats = method?.kernel ? method.kernel(hyper).coordinateState.length * n : otherStateFloats(id, hyper, n);
  // the kernels keep a momentum buffer always; torch allocates none without momentum
  if ((id === 'sgd' || id === 'rmsprop') && hyper.momentum === 0) stateFloats -= n;
  const { perRow, widest } = activationCounts(model);
  return { stateFloats, passFloats: (backward ? perRow : widest) * batchRows, backward };
}
