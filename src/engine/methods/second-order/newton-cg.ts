import { numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { Oracle } from '../../oracle';
import type { MethodSnapshot } from '../snapshot';
import type { MethodInspection } from '../inspection';
import { inspectNewtonCg, type NewtonCgStepRecord } from './newton-inspection';
import { ScipyScalarFunction } from '../quasi-newton/scalar-function';
import { dot, ScipyLineSearch } from '../quasi-newton/scipy-line-search';
import { NAN_RESULT, numpySum, PRECISION_LOSS } from '../quasi-newton/scipy-options';

// scipy.optimize.minimize(method='Newton-CG', jac=..., hess=...) as scipy 1.10.1's _minimize_newtoncg
// (scipy/optimize/_optimize.py), one iteration of its while loop per step: the Newton system
// ∇²f(x_k) p = −∇f(x_k) solved approximately by conjugate gradients from p = 0, stopped when the
// residual's 1-norm is at most η‖∇f‖₁ with η = min(0.5, √‖∇f‖₁) (a forcing sequence, so the
// steps become Newton steps near the minimum) or when a direction of non-positive curvature
// appears; then the Wolfe line search `_line_search_wolfe12` along p.
//
// Hessian: the oracle's, evaluated once per iteration, as scipy does with `hess=` given (its nhev
// counts one per outer iteration; the one ScalarFunction evaluates at x0 is the first iteration's).
// The CG loop then multiplies by that matrix, so a Hessian-vector product costs no evaluation.

const FLOAT64_EPSILON = Number.EPSILON;
/** scipy's words when CG does not converge in 20n iterations. */
const CG_NOT_CONVERGED = "Warning: CG iterations didn't converge. The Hessian is not positive definite.";

/** Newton-CG, the truncated Newton method, with scipy.optimize's semantics: CG on ∇²f p = −∇f, `xtol`, its line search, iterate for iterate. */
export const newtonCgSpec: MethodSpec = {
  id: 'newton_cg',
  name: 'Newton-CG',
  family: 'second-order',
  needs: { value: true, gradient: true, hessian: true },
  updateRule: String.raw`\nabla^2 f(x_k)\, p_k \approx -\nabla f(x_k) \text{ (CG to } \|r\|_1 \le \eta_k \|\nabla f\|_1,\ \eta_k = \min(\tfrac12, \sqrt{\|\nabla f\|_1})),\; x_{k+1} = x_k + \alpha_k p_k \text{ (Wolfe)}`,
  hyperSpecs: [
    {
      kind: 'number',
      name: 'xtol',
      defaultValue: 1e-5,
      min: 0,
      max: 1,
      exclusiveMin: true,
      log: true,
      description: 'stop when the step\'s Σ|Δxᵢ| ≤ n·xtol',
    },
  ],
};

/** newton_cg: its spec and its implementation (what runs in the workers and the CLI). */
export const newtonCg: MethodDefinition = {
  ...newtonCgSpec,
  create(hyper, { dimension, inspecting }) {
    return new NewtonCg(dimension, numberHyper(hyper, 'xtol'), inspecting === true);
  },
};

/** One Newton-CG run's state: _minimize_newtoncg's locals between iterations. */
class NewtonCg implements MethodInstance {
  private readonly dimension: number;
  /** scipy's `xtol = len(x0) * avextol`. */
  private readonly totalXtol: number;
  private objective: ScipyScalarFunction | null = null;
  private lineSearch: ScipyLineSearch | null = null;
  private oracle: Oracle | null = null;
  private readonly xk: Float64Array;
  private readonly hessian: Float64Array;
  private oldValue = NaN;
  private oldOldValue: number | null = null;
  private stopReason: string | null = null;
  private latest: MethodSnapshot | null = null;
  /** The step inspector's replay (MethodContext.inspecting): the latest iteration is recorded. */
  private readonly inspecting: boolean;
  private record: NewtonCgStepRecord | null = null;
  private startGradient = new Float64Array(0);

  constructor(dimension: number, xtol: number, inspecting = false) {
    this.inspecting = inspecting;
    this.dimension = dimension;
    this.totalXtol = dimension * xtol;
    this.xk = new Float64Array(dimension);
    this.hessian = new Float64Array(dimension * dimension);
  }

  start(point: Float64Array, oracle: Oracle): number {
    this.oracle = oracle;
    this.objective = new ScipyScalarFunction(oracle);
    this.lineSearch = new ScipyLineSearch(this.objective, this.dimension);
    this.xk.set(point);
    // scipy's ScalarFunction evaluates f and ∇f (and ∇²f, counted here in the first step) at x0
    this.oldValue = this.objective.valueAndGradient(this.xk);
    this.oldOldValue = null;
    this.latest = null;
    if (this.inspecting) this.startGradient = Float64Array.from(this.objective.gradient(this.xk));
    return this.oldValue;
  }

  step(point: Float64Array): number {
    const { objective, lineSearch, oracle, dimension: n, xk, hessian: A } = this;
    if (this.stopReason !== null || objective === null || lineSearch === null || oracle === null) return this.oldValue;
    // b = −∇f(x_k)
    const b = objective.gradient(xk).map((g) => -g);
    const maggrad = numpySum(b.map(Math.abs));
    const eta = Math.min(0.5, Math.sqrt(maggrad));
    const termcond = eta * maggrad;
    let xsupi = new Float64Array(n);
    let ri = b.map((v) => -v);
    let psupi = ri.map((v) => -v);
    let i = 0;
    let dri0 = dot(ri, ri);
    oracle.hessian(xk, A);

    let converged = false;
    let negativeCurvature = false;
    let curvatureFlat = false;
    for (let k2 = 0; k2 < 20 * n; k2++) {
      if (numpySum(ri.map(Math.abs)) <= termcond) {
        converged = true;
        break;
      }
      const Ap = new Float64Array(n);
      for (let row = 0; row < n; row++) {
        let sum = 0;
        for (let column = 0; column < n; column++) sum += A[row * n + column] * psupi[column];
        Ap[row] = sum;
      }
      // curvature along the CG direction
      const curv = dot(psupi, Ap);
      if (curv >= 0 && curv <= 3 * FLOAT64_EPSILON) {
        curvatureFlat = true;
        converged = true;
        break;
      } else if (curv < 0) {
        negativeCurvature = true;
        // negative curvature: keep the CG iterate, or on the first iteration fall back to steepest descent
        if (i === 0) xsupi = b.map((v) => (dri0 / -curv) * v);
        converged = true;
        break;
      }
      const alphai = dri0 / curv;
      xsupi = xsupi.map((x, index) => x + alphai * psupi[index]);
      ri = ri.map((r, index) => r + alphai * Ap[index]);
      const dri1 = dot(ri, ri);
      const betai = dri1 / dri0;
      psupi = ri.map((r, index) => -r + betai * psupi[index]);
      i++;
      dri0 = dri1;
    }
    if (!converged) {
      // curvature kept growing: scipy terminates before any line search
      this.stopReason = CG_NOT_CONVERGED;
      this.latest = null;
      return this.oldValue;
    }

    const pk = xsupi;
    const gfk = b.map((v) => -v);
    const before = this.inspecting ? { from: Float64Array.from(xk), gradient: Float64Array.from(gfk), hessian: Float64Array.from(A) } : null;
    const found = lineSearch.search(xk, pk, gfk, this.oldValue, this.oldOldValue, {});
    const recordStep = (stepLength: number) => {
      if (before === null) return;
      const trials = lineSearch.trials.length / n;
      this.record = { dimension: n, ...before, cgIterations: i, tolerance: termcond, negativeCurvature: negativeCurvature || curvatureFlat, newtonStep: Float64Array.from(pk), stepLength, trials, to: Float64Array.from(xk) };
    };
    const modelMinimizer = xk.map((x, index) => x + pk[index]);
    this.latest = { trials: Float64Array.from(lineSearch.trials), searchDirection: Float64Array.from(pk), modelMinimizer };
    if (found === null) {
      this.stopReason = `Warning: ${PRECISION_LOSS}`;
      recordStep(NaN);
      return this.oldValue;
    }
    this.oldValue = found.value;
    this.oldOldValue = found.previousValue;
    const update = pk.map((p) => found.alpha * p);
    for (let index = 0; index < n; index++) xk[index] += update[index];
    point.set(xk);
    recordStep(found.alpha);
    // the while condition Σ|update| > xtol, asked before the next iteration
    const updateSize = numpySum(update.map(Math.abs));
    if (!(updateSize > this.totalXtol)) {
      this.stopReason = Number.isNaN(this.oldValue) || Number.isNaN(updateSize) ? NAN_RESULT : 'Σ|Δxᵢ| ≤ n·xtol';
    }
    return this.oldValue;
  }

  stoppingTest(): string | null {
    return this.stopReason;
  }

  inspect(): MethodInspection {
    return inspectNewtonCg(this.record, this.startGradient);
  }

  snapshot(): MethodSnapshot | null {
    return this.latest;
  }
}
