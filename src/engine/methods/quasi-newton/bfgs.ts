import { choiceHyper, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { Oracle } from '../../oracle';
import type { MethodSnapshot } from '../snapshot';
import type { MethodInspection } from '../inspection';
import { inspectBfgs, type BfgsStepRecord } from './quasi-newton-inspection';
import { ScipyScalarFunction } from './scalar-function';
import { ScipyLineSearch, type LineSearchResult } from './scipy-line-search';
import { euclideanNorm, GTOL_SPEC, gradientTestWords, NAN_RESULT, NORM_ORDERS, NORM_SPEC, PRECISION_LOSS, vectorNorm } from './scipy-options';

// scipy.optimize.minimize(method='BFGS') as scipy 1.10.1's _minimize_bfgs (scipy/optimize/_optimize.py),
// one iteration of its while loop per step: p_k = −H_k ∇f_k, the Wolfe line search
// `_line_search_wolfe12` (amin 1e-100, amax 1e100), x_{k+1} = x_k + α_k p_k, then the inverse
// Hessian update H_{k+1} = (I − ρ s yᵀ) H_k (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs) (1000 where yᵀs = 0).

/** scipy's `rhok` when yᵀs is exactly 0 ("Divide-by-zero encountered: rhok assumed large"). */
const LARGE_RHO = 1000.0;
const BFGS_LINE_SEARCH = { amin: 1e-100, amax: 1e100 } as const;

/** BFGS with scipy.optimize's semantics: its line search, `gtol`, `norm` and `xrtol`, iterate for iterate. */
export const bfgsSpec: MethodSpec = {
  id: 'bfgs',
  name: 'BFGS',
  family: 'quasi-newton',
  needs: { value: true, gradient: true, hessian: false },
  updateRule: String.raw`p_k = -H_k \nabla f(x_k),\; x_{k+1} = x_k + \alpha_k p_k \text{ (Wolfe)},\; H_{k+1} = (I - \rho_k s_k y_k^\top) H_k (I - \rho_k y_k s_k^\top) + \rho_k s_k s_k^\top`,
  hyperSpecs: [
    GTOL_SPEC,
    NORM_SPEC,
    { kind: 'number', name: 'xrtol', defaultValue: 0, min: 0, max: 1, description: 'stop when the step ‖α p‖ ≤ xrtol·(xrtol + ‖x‖)' },
  ],
};

/** bfgs: its spec and its implementation (what runs in the workers and the CLI). */
export const bfgs: MethodDefinition = {
  ...bfgsSpec,
  create(hyper, { dimension, inspecting }) {
    return new Bfgs(dimension, numberHyper(hyper, 'gtol'), choiceHyper(hyper, 'norm'), numberHyper(hyper, 'xrtol'), inspecting === true);
  },
};

/** One BFGS run's state: _minimize_bfgs's locals between iterations. */
class Bfgs implements MethodInstance {
  private readonly dimension: number;
  private readonly gtol: number;
  private readonly norm: string;
  private readonly normOrder: number;
  private readonly xrtol: number;
  private objective: ScipyScalarFunction | null = null;
  private lineSearch: ScipyLineSearch | null = null;
  private readonly xk: Float64Array;
  private gfk: Float64Array;
  /** H_k, the inverse-Hessian estimate, row-major; starts as I. */
  private inverseHessian: Float64Array;
  private readonly direction: Float64Array;
  private oldValue = NaN;
  private oldOldValue = NaN;
  private gradientNorm = NaN;
  private stopReason: string | null = null;
  private latest: MethodSnapshot | null = null;
  /** The step inspector's replay (MethodContext.inspecting): the latest iteration is recorded. */
  private readonly inspecting: boolean;
  private record: BfgsStepRecord | null = null;
  private latestPair: BfgsStepRecord['pair'] = null;

  constructor(dimension: number, gtol: number, norm: string, xrtol: number, inspecting = false) {
    this.inspecting = inspecting;
    this.dimension = dimension;
    this.gtol = gtol;
    this.norm = norm;
    this.normOrder = NORM_ORDERS[norm] ?? Infinity;
    this.xrtol = xrtol;
    this.xk = new Float64Array(dimension);
    this.gfk = new Float64Array(dimension);
    this.inverseHessian = identity(dimension);
    this.direction = new Float64Array(dimension);
  }

  start(point: Float64Array, oracle: Oracle): number {
    this.objective = new ScipyScalarFunction(oracle);
    this.lineSearch = new ScipyLineSearch(this.objective, this.dimension);
    this.xk.set(point);
    // old_fval = f(x0); gfk = myfprime(x0): scipy's ScalarFunction evaluates both on creation
    this.oldValue = this.objective.valueAndGradient(this.xk);
    this.gfk = Float64Array.from(this.objective.gradient(this.xk));
    // the first step's guess of the previous decrease: dx ~ 1
    this.oldOldValue = this.oldValue + euclideanNorm(this.gfk) / 2;
    this.gradientNorm = vectorNorm(this.gfk, this.normOrder);
    this.checkLoopCondition();
    this.latest = null;
    return this.oldValue;
  }

  step(point: Float64Array): number {
    const { objective, lineSearch, dimension, xk } = this;
    if (this.stopReason !== null || objective === null || lineSearch === null) return this.oldValue;
    const { inverseHessian: H, direction: pk } = this;
    // H is replaced, never changed in place, by the update: the reference keeps H_k
    const before = this.inspecting ? { from: Float64Array.from(xk), gradient: Float64Array.from(this.gfk), inverseHessian: H } : null;
    // p_k = −H_k g_k
    for (let i = 0; i < dimension; i++) {
      let sum = 0;
      for (let j = 0; j < dimension; j++) sum += H[i * dimension + j] * this.gfk[j];
      pk[i] = -sum;
    }
    const found = lineSearch.search(xk, pk, this.gfk, this.oldValue, this.oldOldValue, BFGS_LINE_SEARCH);
    this.latest = { trials: Float64Array.from(lineSearch.trials), searchDirection: Float64Array.from(pk) };
    if (found === null) {
      // scipy: warnflag = 2, the iterate stays
      this.stopReason = PRECISION_LOSS;
      if (before !== null) this.recordStep(before, NaN, null);
      return this.oldValue;
    }
    this.latestPair = null;
    this.advance(found, objective);
    point.set(xk);
    if (before !== null) this.recordStep(before, found.alpha, this.latestPair);
    return this.oldValue;
  }

  private recordStep(before: { from: Float64Array; gradient: Float64Array; inverseHessian: Float64Array }, stepLength: number, pair: BfgsStepRecord['pair']): void {
    this.record = {
      dimension: this.dimension,
      from: before.from,
      gradient: before.gradient,
      inverseHessianBefore: before.inverseHessian,
      direction: Float64Array.from(this.direction),
      stepLength,
      trials: (this.lineSearch?.trials.length ?? 0) / this.dimension,
      to: Float64Array.from(this.xk),
      pair,
    };
  }

  inspect(): MethodInspection {
    return inspectBfgs(this.record, this.inverseHessian, this.gfk, this.dimension);
  }

  stoppingTest(): string | null {
    return this.stopReason;
  }

  snapshot(): MethodSnapshot | null {
    return this.latest;
  }

  /** The rest of scipy's loop body after a successful line search. */
  private advance(found: LineSearchResult, objective: ScipyScalarFunction): void {
    const { dimension, xk, direction: pk } = this;
    const alpha = found.alpha;
    this.oldValue = found.value;
    this.oldOldValue = found.previousValue;
    // s_k = α p_k; x_{k+1} = x_k + s_k (the same sums the line search evaluated)
    const sk = new Float64Array(dimension);
    for (let i = 0; i < dimension; i++) {
      sk[i] = alpha * pk[i];
      xk[i] += sk[i];
    }
    const gfkp1 = found.gradient ?? Float64Array.from(objective.gradient(xk));
    const yk = new Float64Array(dimension);
    for (let i = 0; i < dimension; i++) yk[i] = gfkp1[i] - this.gfk[i];
    this.gfk = gfkp1;
    this.gradientNorm = vectorNorm(this.gfk, this.normOrder);
    if (this.gradientNorm <= this.gtol) {
      this.stopReason = gradientTestWords(this.norm);
      return;
    }
    // xrtol (Frandsen et al., "Unconstrained Optimization", 1999, ch. 5): the step is tiny relative to x
    if (alpha * vectorNorm(pk, 2) <= this.xrtol * (this.xrtol + vectorNorm(xk, 2))) {
      this.stopReason = '‖α p‖ ≤ xrtol·(xrtol + ‖x‖)';
      return;
    }
    if (!Number.isFinite(this.oldValue)) {
      // f is ±∞ (found as the optimum, or something went wrong)
      this.stopReason = PRECISION_LOSS;
      return;
    }
    this.updateInverseHessian(sk, yk);
    this.checkLoopCondition();
  }

  /** H ← A1 H A2 + ρ s sᵀ with A1 = I − ρ s yᵀ, A2 = I − ρ y sᵀ, in numpy's order of operations. */
  private updateInverseHessian(sk: Float64Array, yk: Float64Array): void {
    const n = this.dimension;
    let rhoInverse = 0;
    for (let i = 0; i < n; i++) rhoInverse += yk[i] * sk[i];
    const rho = rhoInverse === 0 ? LARGE_RHO : 1 / rhoInverse;
    if (this.inspecting) this.latestPair = { s: sk, y: yk, rho };
    const A1 = new Float64Array(n * n);
    const A2 = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const delta = i === j ? 1 : 0;
        A1[i * n + j] = delta - sk[i] * yk[j] * rho;
        A2[i * n + j] = delta - yk[i] * sk[j] * rho;
      }
    }
    const H = this.inverseHessian;
    const HA2 = multiply(H, A2, n);
    const next = multiply(A1, HA2, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) next[i * n + j] += rho * sk[i] * sk[j];
    this.inverseHessian = next;
  }

  /** scipy's `while (gnorm > gtol)`: a NaN norm ends the loop too. */
  private checkLoopCondition(): void {
    if (this.gradientNorm > this.gtol) return;
    this.stopReason = Number.isNaN(this.gradientNorm) ? NAN_RESULT : gradientTestWords(this.norm);
  }
}

/** The n × n identity, row-major. */
function identity(n: number): Float64Array {
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
  return matrix;
}

/** The product of two n × n row-major matrices, each entry summed in index order. */
function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const product = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
      product[i * n + j] = sum;
    }
  }
  return product;
}
