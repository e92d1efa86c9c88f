import { choiceHyper, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { Oracle } from '../../oracle';
import type { MethodSnapshot } from '../snapshot';
import type { MethodInspection } from '../inspection';
import { inspectCg, type CgStepRecord } from './quasi-newton-inspection';
import { ScipyScalarFunction } from './scalar-function';
import { dot, ScipyLineSearch } from './scipy-line-search';
import { euclideanNorm, GTOL_SPEC, gradientTestWords, NAN_RESULT, NORM_ORDERS, NORM_SPEC, PRECISION_LOSS, vectorNorm } from './scipy-options';

// scipy.optimize.minimize(method='CG') as scipy 1.10.1's _minimize_cg (scipy/optimize/_optimize.py),
// one iteration of its while loop per step: nonlinear conjugate gradients with the Polak–Ribière+
// β = max(0, (g_{k+1} − g_k)·g_{k+1} / g_k·g_k), the Wolfe line search with c2 = 0.4, and a step
// accepted only if the next direction is a sufficient descent direction (Gilbert & Nocedal 1992).

/** σ₃ of the sufficient descent condition p_{k+1}·g_{k+1} ≤ −σ₃ ‖g_{k+1}‖². */
const SIGMA_3 = 0.01;
const CG_LINE_SEARCH = { c2: 0.4, amin: 1e-100, amax: 1e100 } as const;

/** The outcome of polak_ribiere_powell_step(alpha, gfkp1): x_{k+1}, p_{k+1}, g_{k+1} and ‖g_{k+1}‖. */
interface PolakRibiereStep {
  readonly alpha: number;
  readonly x: Float64Array;
  readonly direction: Float64Array;
  readonly gradient: Float64Array;
  readonly gradientNorm: number;
  /** Polak-Ribière's β = max(0, yᵀg/‖g_old‖²) that made `direction`. */
  readonly beta: number;
}

/** Nonlinear conjugate gradients (Polak–Ribière+) with scipy.optimize's semantics: its line search, `gtol`, `norm`, iterate for iterate. */
export const cgSpec: MethodSpec = {
  id: 'cg',
  name: 'Conjugate gradient',
  family: 'quasi-newton',
  needs: { value: true, gradient: true, hessian: false },
  updateRule: String.raw`x_{k+1} = x_k + \alpha_k p_k \text{ (Wolfe)},\; \beta_k = \max\!\left(0, \tfrac{(g_{k+1} - g_k)^\top g_{k+1}}{g_k^\top g_k}\right),\; p_{k+1} = -g_{k+1} + \beta_k p_k`,
  hyperSpecs: [GTOL_SPEC, NORM_SPEC],
};

/** cg: its spec and its implementation (what runs in the workers and the CLI). */
export const cg: MethodDefinition = {
  ...cgSpec,
  create(hyper, { dimension, inspecting }) {
    return new ConjugateGradient(dimension, numberHyper(hyper, 'gtol'), choiceHyper(hyper, 'norm'), inspecting === true);
  },
};

/** One CG run's state: _minimize_cg's locals between iterations. */
class ConjugateGradient implements MethodInstance {
  private readonly dimension: number;
  private readonly gtol: number;
  private readonly norm: string;
  private readonly normOrder: number;
  private objective: ScipyScalarFunction | null = null;
  private lineSearch: ScipyLineSearch | null = null;
  private xk: Float64Array;
  private gfk: Float64Array;
  private pk: Float64Array;
  private oldValue = NaN;
  private oldOldValue = NaN;
  private gradientNorm = NaN;
  private stopReason: string | null = null;
  private latest: MethodSnapshot | null = null;
  /** The step inspector's replay (MethodContext.inspecting): the latest iteration is recorded. */
  private readonly inspecting: boolean;
  private record: CgStepRecord | null = null;

  constructor(dimension: number, gtol: number, norm: string, inspecting = false) {
    this.inspecting = inspecting;
    this.dimension = dimension;
    this.gtol = gtol;
    this.norm = norm;
    this.normOrder = NORM_ORDERS[norm] ?? Infinity;
    this.xk = new Float64Array(dimension);
    this.gfk = new Float64Array(dimension);
    this.pk = new Float64Array(dimension);
  }

  start(point: Float64Array, oracle: Oracle): number {
    this.objective = new ScipyScalarFunction(oracle);
    this.lineSearch = new ScipyLineSearch(this.objective, this.dimension);
    this.xk = Float64Array.from(point);
    this.oldValue = this.objective.valueAndGradient(this.xk);
    this.gfk = Float64Array.from(this.objective.gradient(this.xk));
    // the first step's guess of the previous decrease: dx ~ 1
    this.oldOldValue = this.oldValue + euclideanNorm(this.gfk) / 2;
    this.pk = this.gfk.map((g) => -g);
    this.gradientNorm = vectorNorm(this.gfk, this.normOrder);
    this.checkLoopCondition();
    this.latest = null;
    return this.oldValue;
  }

  step(point: Float64Array): number {
    const { objective, lineSearch } = this;
    if (this.stopReason !== null || objective === null || lineSearch === null) return this.oldValue;
    const deltak = dot(this.gfk, this.gfk);
    let cachedStep: PolakRibiereStep | null = null;
    const polakRibiereStep = (alpha: number, gfkp1: Float64Array | null): PolakRibiereStep => {
      const x = new Float64Array(this.dimension);
      for (let i = 0; i < x.length; i++) x[i] = this.xk[i] + alpha * this.pk[i];
      const gradient = Float64Array.from(gfkp1 ?? objective.gradient(x));
      let yDotG = 0;
      for (let i = 0; i < x.length; i++) yDotG += (gradient[i] - this.gfk[i]) * gradient[i];
      // Python's max(0, v): 0 unless v > 0 (a NaN β is 0)
      const ratio = yDotG / deltak;
      const beta = ratio > 0 ? ratio : 0;
      const direction = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) direction[i] = -gradient[i] + beta * this.pk[i];
      return { alpha, x, direction, gradient, gradientNorm: vectorNorm(gradient, this.normOrder), beta };
    };
    // scipy's extra_condition: accept a step that converges, or whose next direction is a sufficient descent direction
    const descentCondition = (alpha: number, _value: number, gfkp1: Float64Array | null): boolean => {
      cachedStep = polakRibiereStep(alpha, gfkp1);
      if (cachedStep.gradientNorm <= this.gtol) return true;
      return dot(cachedStep.direction, cachedStep.gradient) <= -SIGMA_3 * dot(cachedStep.gradient, cachedStep.gradient);
    };
    const found = lineSearch.search(this.xk, this.pk, this.gfk, this.oldValue, this.oldOldValue, { ...CG_LINE_SEARCH, extraCondition: descentCondition });
    this.latest = { trials: Float64Array.from(lineSearch.trials), searchDirection: Float64Array.from(this.pk) };
    const from = this.inspecting ? { from: Float64Array.from(this.xk), gradient: Float64Array.from(this.gfk), direction: Float64Array.from(this.pk), trials: lineSearch.trials.length / this.dimension } : null;
    if (found === null) {
      this.stopReason = PRECISION_LOSS;
      if (from !== null) this.record = { ...from, stepLength: NaN, to: from.from, next: null };
      return this.oldValue;
    }
    this.oldValue = found.value;
    this.oldOldValue = found.previousValue;
    // reuse the step the descent check computed where it was for this α
    const reused = cachedStep as PolakRibiereStep | null;
    const next = reused !== null && reused.alpha === found.alpha ? reused : polakRibiereStep(found.alpha, found.gradient);
    this.xk = next.x;
    this.pk = next.direction;
    this.gfk = next.gradient;
    this.gradientNorm = next.gradientNorm;
    this.checkLoopCondition();
    point.set(this.xk);
    if (from !== null) this.record = { ...from, stepLength: found.alpha, to: Float64Array.from(this.xk), next: { gradient: Float64Array.from(next.gradient), beta: next.beta, direction: Float64Array.from(next.direction) } };
    return this.oldValue;
  }

  inspect(): MethodInspection {
    return inspectCg(this.record, this.gfk, this.pk);
  }

  stoppingTest(): string | null {
    return this.stopReason;
  }

  snapshot(): MethodSnapshot | null {
    return this.latest;
  }

  /** scipy's `while (gnorm > gtol)`: a NaN norm ends the loop too. */
  private checkLoopCondition(): void {
    if (this.gradientNorm > this.gtol) return;
    this.stopReason = Number.isNaN(this.gradientNorm) ? NAN_RESULT : gradientTestWords(this.norm);
  }
}
