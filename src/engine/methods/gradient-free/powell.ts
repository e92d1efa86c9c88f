import type { Oracle } from '../../oracle';
import { numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { MethodSnapshot } from '../snapshot';
import type { MethodInspection } from '../inspection';
import { BracketError, brent } from './brent';
import { powellInspection, type PowellIteration } from './powell-narration';

// scipy.optimize.minimize(method="Powell") (scipy 1.10 `_minimize_powell`), iterate for iterate:
// line searches (bracket + Brent, tolerance 100·xtol) along each direction of the set in turn, the
// ftol test, then the extrapolated point x + (x − x_previous) and, where Powell's condition holds, a
// line search along x − x_previous that replaces the direction of largest decrease. One step is
// one outer iteration; scipy runs the extrapolation after its callback, so here it opens the next
// step (the evaluation counts after each step equal scipy's nfev at each callback). scipy's
// options without a counterpart: maxiter / maxfev (the run's step count is the budget), direc (a
// matrix: the set starts as the identity) and bounds.

/** The ftol test's absolute floor (scipy's `+ 1e-20`), so f = 0 can stop the run. */
const FTOL_FLOOR = 1e-20;
/** scipy's line-search tolerance is 100·xtol, Brent's relative tolerance on the step length. */
const LINE_SEARCH_TOLERANCE_PER_XTOL = 100;

/** Powell's conjugate direction set and the state scipy carries across one outer iteration. */
class Powell implements MethodInstance {
  private readonly dimension: number;
  private readonly xtol: number;
  private readonly ftol: number;
  /** n × n, row i the i-th search direction (scipy's `direc`), starting as the identity. */
  private readonly directions: Float64Array;
  private readonly x: Float64Array;
  /** The iterate before the latest iteration's line searches (scipy's `x1`). */
  private readonly previousX: Float64Array;
  private readonly lineDirection: Float64Array;
  private readonly probe: Float64Array;
  /** The direction the current line search runs along. */
  private searching: Float64Array;
  private value = NaN;
  /** f before the latest iteration's line searches, its largest single decrease and that direction's index. */
  private iterationStartValue = NaN;
  private largestDecrease = 0;
  private largestDecreaseIndex = 0;
  private iterations = 0;
  private trials: number[] = [];
  private stopReason: string | null = null;
  private readonly inspecting: boolean;
  /** The latest iteration as the inspector tells it (kept on its replay only). */
  private latest: PowellIteration | null = null;

  constructor(dimension: number, xtol: number, ftol: number, inspecting: boolean) {
    this.inspecting = inspecting;
    this.dimension = dimension;
    this.xtol = xtol;
    this.ftol = ftol;
    this.directions = new Float64Array(dimension * dimension);
    for (let i = 0; i < dimension; i++) this.directions[i * dimension + i] = 1;
    this.x = new Float64Array(dimension);
    this.previousX = new Float64Array(dimension);
    this.lineDirection = new Float64Array(dimension);
    this.probe = new Float64Array(dimension);
    this.searching = this.lineDirection;
  }

  start(point: Float64Array, oracle: Oracle): number {
    for (let i = 0; i < this.dimension; i++) this.x[i] = point[i];
    this.previousX.set(this.x);
    this.value = oracle.value(this.x);
    return this.value;
  }

  step(point: Float64Array, oracle: Oracle): number {
    const { dimension: n, directions, x } = this;
    this.trials = [];
    const evaluationsBefore = oracle.functionEvaluations;
    if (this.inspecting) {
      this.latest = { startPoint: x.slice(), startValue: this.value, extrapolated: null, newDirection: null, searches: [], evaluations: 0, stopReason: null };
    }
    try {
      if (this.iterations > 0) this.extrapolate(oracle);
      this.iterationStartValue = this.value;
      this.largestDecrease = 0;
      this.largestDecreaseIndex = 0;
      for (let i = 0; i < n; i++) {
        const direction = directions.subarray(i * n, (i + 1) * n);
        const before = this.value;
        this.lineSearch(oracle, direction);
        if (before - this.value > this.largestDecrease) {
          this.largestDecrease = before - this.value;
          this.largestDecreaseIndex = i;
        }
      }
      this.iterations++;
      const start = this.iterationStartValue;
      const bound = this.ftol * (Math.abs(start) + Math.abs(this.value)) + FTOL_FLOOR;
      if (2 * (start - this.value) <= bound) this.stopReason = '2 (fₖ₋₁ − fₖ) ≤ ftol (|fₖ₋₁| + |fₖ|) + 1e-20';
    } catch (error) {
      // scipy raises out of minimize here. The run goes where the line search was heading, usually
      // beyond the divergence bound (the runner then reports the divergence); else it stops there
      if (!(error instanceof BracketError)) throw error;
      this.moveAlongSearch(error.x);
      this.value = error.value;
      this.stopReason = `line search failed: ${error.message}`;
    }
    if (this.latest !== null) {
      this.latest.evaluations = oracle.functionEvaluations - evaluationsBefore;
      this.latest.stopReason = this.stopReason;
    }
    for (let i = 0; i < n; i++) point[i] = x[i];
    return this.value;
  }

  inspect(): MethodInspection {
    const { dimension: n, x, previousX } = this;
    const displacement = this.iterations > 0 ? x.map((coordinate, i) => coordinate - previousX[i]) : null;
    return powellInspection(x.slice(0, n), this.value, this.directions, displacement, this.latest);
  }

  stoppingTest(): string | null {
    return this.stopReason;
  }

  snapshot(): MethodSnapshot {
    const { dimension: n, x, previousX } = this;
    // the displacement of this iteration, along which the next step extrapolates to x + (x − x_previous)
    const displacement = new Float64Array(n);
    for (let i = 0; i < n; i++) displacement[i] = x[i] - previousX[i];
    return {
      trials: Float64Array.from(this.trials),
      ...(this.iterations > 0 && { searchDirection: displacement }),
      directions: this.directions.slice(),
    };
  }

  /**
   * The tail of scipy's previous iteration: evaluate x + (x − x_previous) and, when Powell's test
   * says the new direction is worth it, search along it and let it replace the direction of largest decrease.
   */
  private extrapolate(oracle: Oracle): void {
    const { dimension: n, x, previousX, lineDirection, probe } = this;
    for (let i = 0; i < n; i++) {
      lineDirection[i] = x[i] - previousX[i];
      previousX[i] = x[i];
    }
    for (let i = 0; i < n; i++) probe[i] = x[i] + lineDirection[i];
    const extrapolatedValue = this.evaluate(oracle, probe);
    if (this.latest !== null) this.latest.extrapolated = { point: probe.slice(), value: extrapolatedValue };
    const start = this.iterationStartValue;
    const { value, largestDecrease: delta } = this;
    if (!(start > extrapolatedValue)) return;
    // t = 2(f₀ − 2f + f_e)(f₀ − f − Δ)² − Δ(f₀ − f_e)², written in scipy's order of operations
    let t = 2 * (start + extrapolatedValue - 2 * value);
    let temp = start - value - delta;
    t *= temp * temp;
    temp = start - extrapolatedValue;
    t -= delta * temp * temp;
    if (!(t < 0)) return;
    const searchesBefore = this.latest?.searches.length ?? 0;
    const alpha = this.lineSearch(oracle, lineDirection);
    // the step taken, α(x − x_previous), becomes the newest direction
    for (let i = 0; i < n; i++) lineDirection[i] = alpha * lineDirection[i];
    // the inspector tells this search as the new direction's, apart from the n searches of the iteration
    const search = this.latest !== null && this.latest.searches.length > searchesBefore ? this.latest.searches.pop() : undefined;
    if (this.latest !== null && search !== undefined) {
      this.latest.newDirection = { search, replaced: lineDirection.some((component) => component !== 0) ? this.largestDecreaseIndex : -1 };
    }
    if (lineDirection.some((component) => component !== 0)) {
      const { directions } = this;
      const last = (n - 1) * n;
      directions.copyWithin(this.largestDecreaseIndex * n, last, last + n);
      directions.set(lineDirection, last);
    }
  }

  /**
   * scipy's `_linesearch_powell` without bounds: Brent along `direction` from x, then
   * x ← x + α·direction; returns α (1 for a zero direction, which is not searched, so α·direction stays 0).
   */
  private lineSearch(oracle: Oracle, direction: Float64Array): number {
    const { dimension: n, x, probe } = this;
    // numpy's any(): NaN counts as non-zero
    if (!direction.some((component) => component !== 0)) return 1;
    this.searching = direction;
    const along = (alpha: number): number => {
      for (let i = 0; i < n; i++) probe[i] = x[i] + alpha * direction[i];
      return this.evaluate(oracle, probe);
    };
    const minimum = brent(along, this.xtol * LINE_SEARCH_TOLERANCE_PER_XTOL);
    this.moveAlongSearch(minimum.x);
    this.value = minimum.value;
    this.latest?.searches.push({ direction: direction.slice(), alpha: minimum.x, point: x.slice(), value: minimum.value });
    return minimum.x;
  }

  /** x ← x + α·d along the current search direction (scipy: xi = alpha * xi; p + xi). */
  private moveAlongSearch(alpha: number): void {
    const { x, searching } = this;
    for (let i = 0; i < this.dimension; i++) x[i] = x[i] + alpha * searching[i];
  }

  /** f at a trial point, remembered for the snapshot. */
  private evaluate(oracle: Oracle, trial: Float64Array): number {
    for (let i = 0; i < this.dimension; i++) this.trials.push(trial[i]);
    return oracle.value(trial);
  }
}

/** Powell's conjugate direction method, as scipy.optimize.minimize(method="Powell") runs it. */
export const powellSpec: MethodSpec = {
  id: 'powell',
  name: 'Powell',
  family: 'gradient-free',
  // deterministic: the same start gives the same path whatever the seed
  stochastic: false,
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`x \leftarrow x + \alpha_i d_i,\; \alpha_i = \arg\min_\alpha f(x + \alpha d_i)\ (i = 1..n);\; d_{\text{new}} = x_k - x_{k-1}`,
  hyperSpecs: [
    { kind: 'number', name: 'xtol', defaultValue: 1e-4, min: 0, max: 1, log: true, description: 'line-search tolerance: Brent stops when the step length is known to 100·xtol relative' },
    { kind: 'number', name: 'ftol', defaultValue: 1e-4, min: 0, max: 1, log: true, description: 'stop when an iteration lowers f by less than ftol relative: 2(fₖ₋₁ − fₖ) ≤ ftol(|fₖ₋₁| + |fₖ|)' },
  ],
};

/** powell: its spec and its implementation (what runs in the workers and the CLI). */
export const powell: MethodDefinition = {
  ...powellSpec,
  create: (hyper, context) => new Powell(context.dimension, numberHyper(hyper, 'xtol'), numberHyper(hyper, 'ftol'), context.inspecting === true),
};
