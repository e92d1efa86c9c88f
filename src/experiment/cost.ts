// What a run has spent by each of its points, for comparing methods fairly: a Newton step, a
// simplex move and an Adam step are not the same work. The loss chart's x axis reads one of these
// measures, and budget mode cuts every run at the last point whose cost is within one budget.
// Pure functions of a run's recorded counts (engine/oracle.ts is the source of every count).
import { batchesPerEpoch } from '../engine/data/data-objective';
import { resolveData, type DataProblem } from '../engine/problems/data-problem';
import type { Problem } from './experiment';

/** What the loss chart's x axis counts, and the unit of the budget (epochs and examples seen: data problems). */
export type CostAxis = 'step' | 'epoch' | 'examples' | 'evaluations' | 'gradients' | 'hessians' | 'cost' | 'time';

/** Every axis, in the order the menu offers them. */
export const COST_AXES: readonly CostAxis[] = ['step', 'epoch', 'examples', 'evaluations', 'gradients', 'hessians', 'cost', 'time'];

/** The axes that count passes over data: only a data problem has them. */
export const DATA_AXES: readonly CostAxis[] = ['epoch', 'examples'];

/**
 * What a data problem's epoch and examples axes need: steps per pass over the training rows, and the
 * rows one evaluation reads (all training rows for full batch, on average rows / batches per epoch on
 * mini-batches).
 */
export interface DataCost {
  readonly batchesPerEpoch: number;
  readonly rowsPerEvaluation: number;
}

/** The data costs of a problem: null for a problem without data (its epoch and examples axes count steps). */
export function dataCostOf(problem: Problem): DataCost | null {
  if (problem.kind !== 'data') return null;
  try {
    const data = resolveData(problem as DataProblem);
    const batches = batchesPerEpoch(data.train.rows, data.batchSize);
    return { batchesPerEpoch: batches, rowsPerEvaluation: data.train.rows / batches };
  } catch {
    return null;
  }
}

/**
 * What one gradient (and one Hessian) is taken to cost in evaluations of f on the weighted-cost
 * axis: an automatic-differentiation gradient, or the finite-difference estimate a gradient-free
 * setting would have to make instead.
 */
export type GradientCost = 'autodiff' | 'forward' | 'central';

/** Every gradient cost, in the order the menu offers them. */
export const GRADIENT_COSTS: readonly GradientCost[] = ['autodiff', 'forward', 'central'];

/** The weight of one evaluation of f, ∇f and ∇²f on the weighted-cost axis. */
export interface CostWeights {
  readonly function: number;
  readonly gradient: number;
  readonly hessian: number;
}

/**
 * The weights in n dimensions. The oracle counts one f with every ∇f (valueAndGradient), and
 * Newton-type methods ask ∇²f where they also asked f and ∇f, so each weight is what comes on top:
 * - autodiff: ∇f = 1 (reverse mode costs a small constant times f; counted as one), ∇²f = n
 *   (n Hessian-vector products, each about one gradient).
 * - forward differences: ∇f = n, so f and ∇f together cost n + 1 (f(x) and f(x + h eᵢ));
 *   ∇²f = n(n + 1)/2 (one f(x + h eᵢ + h eⱼ) per pair i ≤ j, the f(x + h eᵢ) reused from the gradient).
 * - central differences: ∇f = 2n (f(x ± h eᵢ)); ∇²f = 2n(n − 1) (four f per pair i < j; the
 *   diagonal reuses f(x ± h eᵢ) and f(x)).
 */
export function costWeights(gradientCost: GradientCost, dimension: number): CostWeights {
  const n = dimension;
  switch (gradientCost) {
    case 'autodiff':
      return { function: 1, gradient: 1, hessian: n };
    case 'forward':
      return { function: 1, gradient: n, hessian: (n * (n + 1)) / 2 };
    case 'central':
      return { function: 1, gradient: 2 * n, hessian: 2 * n * (n - 1) };
  }
}

/** The weights in words, for the axis title: "∇f = n = 2, ∇²f = n(n + 1)/2 = 3". */
export function describeWeights(gradientCost: GradientCost, dimension: number): string {
  const weights = costWeights(gradientCost, dimension);
  const n = dimension;
  switch (gradientCost) {
    case 'autodiff':
      return `f = 1, ∇f = 1, ∇²f = n = ${weights.hessian}`;
    case 'forward':
      return `f = 1, ∇f = n = ${n}, ∇²f = n(n+1)/2 = ${weights.hessian}`;
    case 'central':
      return `f = 1, ∇f = 2n = ${weights.gradient}, ∇²f = 2n(n−1) = ${weights.hessian}`;
  }
}

/** What a cost is read from: a run's recorded counts per point (RunResult has these fields). */
export interface CostedRun {
  readonly dimension: number;
  /** One entry per recorded point; its length is the number of points. */
  readonly loss: ArrayLike<number>;
  readonly evaluations: { readonly function: ArrayLike<number>; readonly gradient: ArrayLike<number>; readonly hessian: ArrayLike<number> };
  readonly elapsedMs: ArrayLike<number> | null;
}

/** The run's spending on this axis at each recorded point (the step index on 'step'). */
export function costSeries(run: CostedRun, axis: CostAxis, gradientCost: GradientCost, data: DataCost | null = null): ArrayLike<number> {
  const count = run.loss.length;
  switch (axis) {
    case 'epoch': {
      // an epoch is one pass over the training rows: batchesPerEpoch steps
      const epochs = new Float64Array(count);
      const perEpoch = data?.batchesPerEpoch ?? 1;
      for (let index = 0; index < count; index++) epochs[index] = index / perEpoch;
      return epochs;
    }
    case 'examples': {
      // rows read by the method's evaluations: each f or ∇f (or both at once) reads one batch (all
      // rows, full batch); a gradient taken with its value is one pass, as backprop reuses the forward
      const rows = data?.rowsPerEvaluation ?? 1;
      const { function: values, gradient } = run.evaluations;
      const examples = new Float64Array(count);
      for (let index = 0; index < count; index++) examples[index] = Math.max(values[index], gradient[index]) * rows;
      return examples;
    }
    case 'evaluations':
      return run.evaluations.function;
    case 'gradients':
      return run.evaluations.gradient;
    case 'hessians':
      return run.evaluations.hessian;
    case 'time':
      return run.elapsedMs ?? new Float64Array(count);
    case 'step': {
      const steps = new Float64Array(count);
      for (let index = 0; index < count; index++) steps[index] = index;
      return steps;
    }
    case 'cost': {
      const weights = costWeights(gradientCost, run.dimension);
      const { function: values, gradient, hessian } = run.evaluations;
      const weighted = new Float64Array(count);
      for (let index = 0; index < count; index++) {
        weighted[index] = weights.function * values[index] + weights.gradient * gradient[index] + weights.hessian * hessian[index];
      }
      return weighted;
    }
  }
}

/**
 * The index of the last point whose cost is within the budget, over the first `count` points of an
 * ascending series. The start is always kept (index 0), even when it alone costs more: a run that
 * cannot take one step within the budget stays where it began.
 */
export function budgetCutIndex(series: ArrayLike<number>, count: number, budget: number): number {
  let low = 0;
  let high = count - 1;
  if (high <= 0) return 0;
  // binary search: the counts never decrease along a run
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (series[middle] <= budget) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Where budget mode stops a run: the last point within the budget, or null when the run ends within it. */
export function budgetStop(run: CostedRun, axis: CostAxis, gradientCost: GradientCost, budget: number | null, data: DataCost | null = null): number | null {
  const count = run.loss.length;
  if (budget === null || count === 0) return null;
  const cut = budgetCutIndex(costSeries(run, axis, gradientCost, data), count, budget);
  return cut < count - 1 ? cut : null;
}

/** The unit of an axis's numbers in a sentence: "200 function evaluations", "12 ms". */
export const COST_UNITS: Readonly<Record<CostAxis, string>> = {
  step: 'steps',
  epoch: 'epochs',
  examples: 'examples',
  evaluations: 'function evaluations',
  gradients: 'gradient evaluations',
  hessians: 'Hessian evaluations',
  cost: 'weighted evaluations',
  time: 'ms',
};
