import type { Oracle } from '../../oracle';
import { booleanHyper, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { MethodInspection } from '../inspection';
import type { MethodSnapshot } from '../snapshot';
import { nelderMeadInspection, type Coefficients, type NelderMeadMove } from './nelder-mead-narration';

// scipy.optimize.minimize(method="Nelder-Mead") (scipy 1.10 `_minimize_neldermead`), iterate for
// iterate: the same initial simplex, coefficients, ordering and order of the reflection, expansion,
// contraction and shrink tests, written with the same floating-point operations, so the vertices
// agree bit for bit. One step is one pass of scipy's while-loop; the trajectory point is the best
// vertex sim[0]. scipy's options without a counterpart here: maxiter / maxfev (the run's step count
// is the budget), initial_simplex (a matrix) and bounds.

/** scipy's initial simplex: a non-zero coordinate moves by 5%, a zero one to zdelt. */
const NONZERO_DELTA = 0.05;
const ZERO_DELTA = 0.00025;

/** scipy's coefficients: the classic (1, 2, ½, ½), or Gao and Han's (2012) adapted to the dimension n. */
function coefficients(adaptive: boolean, dimension: number): Coefficients {
  if (!adaptive) return { reflection: 1, expansion: 2, contraction: 0.5, shrink: 0.5 };
  return { reflection: 1, expansion: 1 + 2 / dimension, contraction: 0.75 - 1 / (2 * dimension), shrink: 1 - 1 / dimension };
}

/** A blank record of a move, filled by each step on the inspector's replay. */
function emptyMove(dimension: number, coefficients: Coefficients): NelderMeadMove {
  const vector = () => new Float64Array(dimension);
  return {
    kind: 'none',
    stepped: false,
    shrink: false,
    coefficients,
    centroid: vector(),
    best: vector(),
    worst: vector(),
    reflected: vector(),
    trial: vector(),
    bestValue: NaN,
    secondWorstValue: NaN,
    worstValue: NaN,
    reflectedValue: NaN,
    trialValue: NaN,
    evaluations: 0,
  };
}

/** numpy's argsort order for floats: ascending, NaN last, ties kept in place (its sort of ≤ 16 items is an insertion sort, hence stable). */
function comesBefore(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}

/** The simplex and its values, vertex-major, kept sorted best first as scipy keeps `sim` and `fsim`. */
class NelderMead implements MethodInstance {
  private readonly dimension: number;
  private readonly xatol: number;
  private readonly fatol: number;
  private readonly coefficients: Coefficients;
  /** (n + 1) × n vertices, best first after each step. */
  private simplex: Float64Array;
  private values: Float64Array;
  private spareSimplex: Float64Array;
  private spareValues: Float64Array;
  private readonly order: Int32Array;
  private readonly centroid: Float64Array;
  private readonly reflected: Float64Array;
  private readonly trial: Float64Array;
  /** The latest step's move, kept only on the inspector's replay (MethodContext.inspecting). */
  private readonly move: NelderMeadMove | null;
  private startEvaluations = 0;

  constructor(dimension: number, xatol: number, fatol: number, adaptive: boolean, inspecting: boolean) {
    this.dimension = dimension;
    this.xatol = xatol;
    this.fatol = fatol;
    this.coefficients = coefficients(adaptive, dimension);
    this.simplex = new Float64Array((dimension + 1) * dimension);
    this.values = new Float64Array(dimension + 1);
    this.spareSimplex = new Float64Array((dimension + 1) * dimension);
    this.spareValues = new Float64Array(dimension + 1);
    this.order = new Int32Array(dimension + 1);
    this.centroid = new Float64Array(dimension);
    this.reflected = new Float64Array(dimension);
    this.trial = new Float64Array(dimension);
    this.move = inspecting ? emptyMove(dimension, this.coefficients) : null;
  }

  start(point: Float64Array, oracle: Oracle): number {
    const { dimension: n, simplex, values } = this;
    for (let vertex = 0; vertex <= n; vertex++) {
      for (let i = 0; i < n; i++) simplex[vertex * n + i] = point[i];
    }
    for (let k = 0; k < n; k++) {
      const index = (k + 1) * n + k;
      simplex[index] = simplex[index] !== 0 ? (1 + NONZERO_DELTA) * simplex[index] : ZERO_DELTA;
    }
    for (let vertex = 0; vertex <= n; vertex++) values[vertex] = oracle.value(simplex.subarray(vertex * n, (vertex + 1) * n));
    this.startEvaluations = n + 1;
    // the trajectory starts where the user put it (x0, vertex 0 before sorting); each step then shows sim[0]
    const startValue = values[0];
    this.sort();
    return startValue;
  }

  step(point: Float64Array, oracle: Oracle): number {
    // scipy tests at the top of its loop; the runner asks stoppingTest() after each step and stops
    // there, so this only holds for an initial simplex that already meets the tolerances
    const { move } = this;
    if (move !== null) {
      move.kind = 'none';
      move.stepped = true;
      move.evaluations = oracle.functionEvaluations;
    }
    if (!this.meetsTolerances()) this.iterate(oracle);
    if (move !== null) move.evaluations = oracle.functionEvaluations - move.evaluations;
    for (let i = 0; i < this.dimension; i++) point[i] = this.simplex[i];
    return this.values[0];
  }

  stoppingTest(): string | null {
    return this.meetsTolerances() ? 'max |xᵢ − x₀| ≤ xatol and max |fᵢ − f₀| ≤ fatol' : null;
  }

  snapshot(): MethodSnapshot {
    return { simplex: this.simplex.slice() };
  }

  inspect(): MethodInspection {
    return nelderMeadInspection(this.simplex, this.values, this.dimension, this.move, this.startEvaluations);
  }

  /** scipy's test: every vertex within xatol of the best in every coordinate, every value within fatol of the best. */
  private meetsTolerances(): boolean {
    const { dimension: n, simplex, values } = this;
    // Math.max propagates NaN as numpy's max does, and NaN fails the test
    let spread = 0;
    for (let i = n; i < simplex.length; i++) spread = Math.max(spread, Math.abs(simplex[i] - simplex[i % n]));
    if (!(spread <= this.xatol)) return false;
    let valueSpread = 0;
    for (let vertex = 1; vertex <= n; vertex++) valueSpread = Math.max(valueSpread, Math.abs(values[0] - values[vertex]));
    return valueSpread <= this.fatol;
  }

  /** One pass of scipy's loop body: reflect the worst vertex, then expand, contract or shrink, then sort. */
  private iterate(oracle: Oracle): void {
    const { dimension: n, simplex, values, centroid, reflected, trial } = this;
    const { reflection: rho, expansion: chi, contraction: psi, shrink: sigma } = this.coefficients;
    const worst = n * n;
    // xbar = np.add.reduce(sim[:-1], 0) / N: rows summed in order
    for (let i = 0; i < n; i++) {
      let sum = simplex[i];
      for (let vertex = 1; vertex < n; vertex++) sum += simplex[vertex * n + i];
      centroid[i] = sum / n;
    }
    for (let i = 0; i < n; i++) reflected[i] = (1 + rho) * centroid[i] - rho * simplex[worst + i];
    const reflectedValue = oracle.value(reflected);
    const { move } = this;
    if (move !== null) {
      move.centroid.set(centroid);
      move.worst.set(simplex.subarray(worst, worst + n));
      move.best.set(simplex.subarray(0, n));
      move.worstValue = values[n];
      move.secondWorstValue = values[n - 1];
      move.bestValue = values[0];
      move.reflected.set(reflected);
      move.reflectedValue = reflectedValue;
      move.trialValue = NaN;
    }
    let shrink = false;
    if (reflectedValue < values[0]) {
      // expansion: (1 + ρχ) x̄ − ρχ x_worst
      for (let i = 0; i < n; i++) trial[i] = (1 + rho * chi) * centroid[i] - rho * chi * simplex[worst + i];
      const expandedValue = oracle.value(trial);
      this.noteTrial('expansion', expandedValue);
      if (expandedValue < reflectedValue) this.replaceWorst(trial, expandedValue);
      else this.replaceWorst(reflected, reflectedValue);
    } else if (reflectedValue < values[n - 1]) {
      this.noteTrial('reflection', NaN);
      this.replaceWorst(reflected, reflectedValue);
    } else if (reflectedValue < values[n]) {
      // outside contraction: (1 + ψρ) x̄ − ψρ x_worst
      for (let i = 0; i < n; i++) trial[i] = (1 + psi * rho) * centroid[i] - psi * rho * simplex[worst + i];
      const contractedValue = oracle.value(trial);
      this.noteTrial('outside contraction', contractedValue);
      if (contractedValue <= reflectedValue) this.replaceWorst(trial, contractedValue);
      else shrink = true;
    } else {
      // inside contraction: (1 − ψ) x̄ + ψ x_worst
      for (let i = 0; i < n; i++) trial[i] = (1 - psi) * centroid[i] + psi * simplex[worst + i];
      const contractedValue = oracle.value(trial);
      this.noteTrial('inside contraction', contractedValue);
      if (contractedValue < values[n]) this.replaceWorst(trial, contractedValue);
      else shrink = true;
    }
    if (this.move !== null) this.move.shrink = shrink;
    if (shrink) {
      // every vertex but the best moves towards it: x₀ + σ(xⱼ − x₀)
      for (let vertex = 1; vertex <= n; vertex++) {
        const offset = vertex * n;
        for (let i = 0; i < n; i++) simplex[offset + i] = simplex[i] + sigma * (simplex[offset + i] - simplex[i]);
        values[vertex] = oracle.value(simplex.subarray(offset, offset + n));
      }
    }
    this.sort();
  }

  /** The inspector's record of the move tried after the reflection (nothing off the inspector's replay). */
  private noteTrial(kind: NelderMeadMove['kind'], value: number): void {
    if (this.move === null) return;
    this.move.kind = kind;
    this.move.trial.set(this.trial);
    this.move.trialValue = value;
  }

  private replaceWorst(vertex: Float64Array, value: number): void {
    this.simplex.set(vertex, this.dimension * this.dimension);
    this.values[this.dimension] = value;
  }

  /**
   * Reorders the vertices by value as np.argsort + np.take do: numpy sorts ≤ 16 items by insertion,
   * which keeps tied vertices in place, as this does at every size (beyond 16 vertices numpy's
   * introsort may order ties differently).
   */
  private sort(): void {
    const { dimension: n, values, order } = this;
    for (let vertex = 0; vertex <= n; vertex++) order[vertex] = vertex;
    for (let i = 1; i <= n; i++) {
      const moving = order[i];
      let j = i - 1;
      for (; j >= 0 && comesBefore(values[moving], values[order[j]]); j--) order[j + 1] = order[j];
      order[j + 1] = moving;
    }
    const { spareSimplex, spareValues } = this;
    for (let to = 0; to <= n; to++) {
      const from = order[to];
      for (let i = 0; i < n; i++) spareSimplex[to * n + i] = this.simplex[from * n + i];
      spareValues[to] = values[from];
    }
    // swap the buffers rather than allocate: a step must not churn the heap
    [this.simplex, this.spareSimplex] = [spareSimplex, this.simplex];
    [this.values, this.spareValues] = [spareValues, this.values];
  }
}

/** Nelder-Mead's downhill simplex, as scipy.optimize.minimize(method="Nelder-Mead") runs it. */
export const nelderMeadSpec: MethodSpec = {
  id: 'nelder_mead',
  name: 'Nelder-Mead',
  family: 'gradient-free',
  // deterministic: the same start gives the same path whatever the seed
  stochastic: false,
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`x_r = \bar{x} + \rho(\bar{x} - x_{n+1}),\; x_e = \bar{x} + \rho\chi(\bar{x} - x_{n+1}),\; x_c = \bar{x} \pm \psi\rho(\bar{x} - x_{n+1}),\; x_i \leftarrow x_1 + \sigma(x_i - x_1)`,
  hyperSpecs: [
    { kind: 'number', name: 'xatol', defaultValue: 1e-4, min: 0, max: 10, log: true, description: 'stop when every vertex is within xatol of the best in every coordinate (and fatol holds)' },
    { kind: 'number', name: 'fatol', defaultValue: 1e-4, min: 0, max: 1e6, log: true, description: 'stop when every vertex value is within fatol of the best (and xatol holds)' },
    { kind: 'boolean', name: 'adaptive', defaultValue: false, description: 'Gao and Han\'s coefficients for dimension n: χ = 1 + 2/n, ψ = ¾ − 1/(2n), σ = 1 − 1/n' },
  ],
};

/** nelder_mead: its spec and its implementation (what runs in the workers and the CLI). */
export const nelderMead: MethodDefinition = {
  ...nelderMeadSpec,
  create: (hyper, context) => new NelderMead(context.dimension, numberHyper(hyper, 'xatol'), numberHyper(hyper, 'fatol'), booleanHyper(hyper, 'adaptive'), context.inspecting === true),
};
