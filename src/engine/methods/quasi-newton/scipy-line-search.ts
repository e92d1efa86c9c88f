import { power } from '../../power';
import { Dcsrch, type DcsrchTask } from './dcsrch';
import type { ScipyScalarFunction } from './scalar-function';

// scipy 1.10's line searches along x_k + α p_k, ported from scipy/optimize/_linesearch.py and
// _optimize.py: `_line_search_wolfe12` tries `line_search_wolfe1` (MINPACK's More–Thuente dcsrch)
// and falls back to `line_search_wolfe2` (Nocedal & Wright's Algorithms 3.5 and 3.6: bracketing,
// then `_zoom` with cubic, quadratic or bisection interpolation). φ(α) = f(x_k + α p_k) and
// φ'(α) = ∇f(x_k + α p_k)·p_k; every trial point is kept for the map.

/** scipy's `extra_condition(alpha, x, f, g)` (CG's descent check); x is left to the caller (it is x_k + α p_k). */
export type ExtraCondition = (alpha: number, value: number, gradient: Float64Array | null) => boolean;

/** The keyword arguments a minimizer passes to `_line_search_wolfe12`; absent ones take wolfe1's and wolfe2's own defaults. */
export interface LineSearchOptions {
  readonly c1?: number;
  readonly c2?: number;
  readonly amin?: number;
  readonly amax?: number;
  readonly extraCondition?: ExtraCondition;
}

/** A step found: α, f at x_k + α p_k, f at x_k (the caller's next `old_old_fval`) and ∇f as scipy returns it (`gfkp1`, may be null). */
export interface LineSearchResult {
  readonly alpha: number;
  readonly value: number;
  readonly previousValue: number;
  readonly gradient: Float64Array | null;
}

// line_search_wolfe1's defaults, and scalar_search_wolfe1's
const WOLFE1_DEFAULTS = { c1: 1e-4, c2: 0.9, amax: 50, amin: 1e-8 } as const;
const WOLFE1_XTOL = 1e-14;
const WOLFE1_MAXITER = 100;
const WOLFE2_MAXITER = 10;
// _zoom's iteration limit and how close (as fractions of the interval) a cubic or quadratic step may come to its ends
const ZOOM_MAXITER = 10;
const ZOOM_CUBIC_CHECK = 0.2;
const ZOOM_QUADRATIC_CHECK = 0.1;

/** scipy's line searches on one ScalarFunction; `trials` holds the points φ was asked for during the last search (cached or not, as scipy asks). */
export class ScipyLineSearch {
  /** Trial points x_k + α p_k of the last search, flattened in the order tried. */
  trials: number[] = [];
  private readonly objective: ScipyScalarFunction;
  private readonly trial: Float64Array;
  // the line of the current search (set by search())
  private xk: Float64Array = new Float64Array(0);
  private pk: Float64Array = new Float64Array(0);
  // the last gradient a search evaluated (scipy's gval[0]) and where (gval_alpha[0])
  private readonly lastGradient: Float64Array;
  private hasLastGradient = false;
  private lastGradientAlpha = NaN;

  constructor(objective: ScipyScalarFunction, dimension: number) {
    this.objective = objective;
    this.trial = new Float64Array(dimension);
    this.lastGradient = new Float64Array(dimension);
  }

  /**
   * `_line_search_wolfe12(f, fprime, xk, pk, gfk, old_fval, old_old_fval, **options)`: wolfe1,
   * its step rejected if `extraCondition` fails, else wolfe2; null where both fail (scipy raises
   * _LineSearchError).
   */
  search(xk: Float64Array, pk: Float64Array, gfk: Float64Array, oldValue: number, oldOldValue: number | null, options: LineSearchOptions): LineSearchResult | null {
    this.xk = xk;
    this.pk = pk;
    this.trials = [];
    let result = this.wolfe1(gfk, oldValue, oldOldValue, options);
    if (result !== null && options.extraCondition !== undefined && !options.extraCondition(result.alpha, result.value, result.gradient)) result = null;
    // wolfe2 takes only c1, c2 and amax from the options (amin is wolfe1's alone)
    if (result === null) result = this.wolfe2(gfk, oldValue, oldOldValue, options);
    return result;
  }

  /** line_search_wolfe1 + scalar_search_wolfe1: dcsrch asks for φ and φ' together at each trial. */
  private wolfe1(gfk: Float64Array, phi0: number, oldPhi0: number | null, options: LineSearchOptions): LineSearchResult | null {
    const c1 = options.c1 ?? WOLFE1_DEFAULTS.c1;
    const c2 = options.c2 ?? WOLFE1_DEFAULTS.c2;
    const amax = options.amax ?? WOLFE1_DEFAULTS.amax;
    const amin = options.amin ?? WOLFE1_DEFAULTS.amin;
    // gval = [gfk]: the gradient returned is the last one evaluated, gfk if none was
    this.lastGradient.set(gfk);
    this.hasLastGradient = true;
    const derphi0 = dot(gfk, this.pk);
    const alpha1 = initialStep(phi0, oldPhi0, derphi0);
    let phi1 = phi0;
    let derphi1 = derphi0;
    let search: Dcsrch | null = null;
    let stopped = false;
    for (let i = 0; i < WOLFE1_MAXITER; i++) {
      // dcsrch(alpha1, phi1, derphi1, ...): the first call is its START (the constructor)
      const task: DcsrchTask = search === null ? (search = new Dcsrch(alpha1, phi1, derphi1, c1, c2, WOLFE1_XTOL, amin, amax)).task : search.next(phi1, derphi1);
      if (task !== 'FG') {
        stopped = true;
        break;
      }
      // phi1 = phi(stp); derphi1 = derphi(stp): one evaluation of f and ∇f
      phi1 = this.phiAndDerphi(search.stp);
      derphi1 = dot(this.lastGradient, this.pk);
    }
    // `for ... else: stp = None`, and warnings and errors are failures too
    if (!stopped || search === null || search.task !== 'CONVERGENCE') return null;
    return { alpha: search.stp, value: phi1, previousValue: phi0, gradient: Float64Array.from(this.lastGradient) };
  }

  /** φ(α), with ∇f(x_k + α p_k) kept as scipy's gval, from one evaluation of both (wolfe1's phi(stp); derphi(stp)). */
  private phiAndDerphi(alpha: number): number {
    const point = this.trialPoint(alpha);
    const value = this.objective.valueAndGradient(point);
    this.lastGradient.set(this.objective.gradient(point));
    this.hasLastGradient = true;
    this.lastGradientAlpha = alpha;
    return value;
  }

  /** φ(α) alone (wolfe2's phi). */
  private phi(alpha: number): number {
    return this.objective.value(this.trialPoint(alpha));
  }

  /** φ'(α) alone (wolfe2's derphi), keeping the gradient as scipy's gval. */
  private derphi(alpha: number): number {
    for (let i = 0; i < this.trial.length; i++) this.trial[i] = this.xk[i] + alpha * this.pk[i];
    this.lastGradient.set(this.objective.gradient(this.trial));
    this.hasLastGradient = true;
    this.lastGradientAlpha = alpha;
    return dot(this.lastGradient, this.pk);
  }

  /** x_k + α p_k, recorded as a trial. */
  private trialPoint(alpha: number): Float64Array {
    for (let i = 0; i < this.trial.length; i++) {
      this.trial[i] = this.xk[i] + alpha * this.pk[i];
      this.trials.push(this.trial[i]);
    }
    return this.trial;
  }

  /** line_search_wolfe2 + scalar_search_wolfe2: bracket a step satisfying the strong Wolfe conditions, then zoom. */
  private wolfe2(gfk: Float64Array, phi0: number, oldPhi0: number | null, options: LineSearchOptions): LineSearchResult | null {
    const c1 = options.c1 ?? WOLFE1_DEFAULTS.c1;
    const c2 = options.c2 ?? WOLFE1_DEFAULTS.c2;
    const amax = options.amax ?? null;
    // gval = [None], gval_alpha = [None]
    this.hasLastGradient = false;
    this.lastGradientAlpha = NaN;
    const derphi0 = dot(gfk, this.pk);
    const extra = options.extraCondition;
    const extraCondition = (alpha: number, phi: number): boolean => {
      if (extra === undefined) return true;
      // extra_condition2: evaluate φ' at α unless it was the last one evaluated
      if (this.lastGradientAlpha !== alpha) this.derphi(alpha);
      return extra(alpha, phi, this.hasLastGradient ? this.lastGradient : null);
    };

    let alpha0 = 0;
    let alpha1 = initialStep(phi0, oldPhi0, derphi0);
    if (amax !== null) alpha1 = pythonMin(alpha1, amax);
    let phiA1 = this.phi(alpha1);
    let phiA0 = phi0;
    let derphiA0 = derphi0;
    let found: { alpha: number; value: number; derivative: number | null } | null = null;
    let loopEnded = false;
    for (let i = 0; i < WOLFE2_MAXITER; i++) {
      // rounding errors, or no step up to amax: failure
      if (alpha1 === 0 || (amax !== null && alpha0 === amax)) return null;
      const notFirstIteration = i > 0;
      if (phiA1 > phi0 + c1 * alpha1 * derphi0 || (phiA1 >= phiA0 && notFirstIteration)) {
        found = this.zoom(alpha0, alpha1, phiA0, phiA1, derphiA0, phi0, derphi0, c1, c2, extraCondition);
        loopEnded = true;
        break;
      }
      const derphiA1 = this.derphi(alpha1);
      if (Math.abs(derphiA1) <= -c2 * derphi0 && extraCondition(alpha1, phiA1)) {
        found = { alpha: alpha1, value: phiA1, derivative: derphiA1 };
        loopEnded = true;
        break;
      }
      if (derphiA1 >= 0) {
        found = this.zoom(alpha1, alpha0, phiA1, phiA0, derphiA1, phi0, derphi0, c1, c2, extraCondition);
        loopEnded = true;
        break;
      }
      // double the step
      let alpha2 = 2 * alpha1;
      if (amax !== null) alpha2 = pythonMin(alpha2, amax);
      alpha0 = alpha1;
      alpha1 = alpha2;
      phiA0 = phiA1;
      phiA1 = this.phi(alpha1);
      derphiA0 = derphiA1;
    }
    // `for ... else`: out of iterations, scipy takes the last step without its derivative
    if (!loopEnded) found = { alpha: alpha1, value: phiA1, derivative: null };
    if (found === null) return null;
    // line_search_wolfe2 hands back gval[0], the last gradient evaluated, when a derivative was found
    const gradient = found.derivative !== null && this.hasLastGradient ? Float64Array.from(this.lastGradient) : null;
    return { alpha: found.alpha, value: found.value, previousValue: phi0, gradient };
  }

  /** _zoom: shrink [a_lo, a_hi] until a step satisfies the strong Wolfe conditions (and the extra one); null after 10 tries. */
  private zoom(
    aLoStart: number,
    aHiStart: number,
    phiLoStart: number,
    phiHiStart: number,
    derphiLoStart: number,
    phi0: number,
    derphi0: number,
    c1: number,
    c2: number,
    extraCondition: (alpha: number, phi: number) => boolean,
  ): { alpha: number; value: number; derivative: number } | null {
    let [aLo, aHi, phiLo, phiHi, derphiLo] = [aLoStart, aHiStart, phiLoStart, phiHiStart, derphiLoStart];
    let phiRec = phi0;
    let aRec = 0;
    for (let i = 0; ; ) {
      // the cubic through (a_lo, φ_lo, φ'_lo), (a_hi, φ_hi) and the previous a_rec; if it falls
      // within 0.2·Δα of an end (or outside), the quadratic; within 0.1·Δα, bisection
      const dalpha = aHi - aLo;
      const [a, b] = dalpha < 0 ? [aHi, aLo] : [aLo, aHi];
      let aj: number | null = null;
      let cchk = 0;
      if (i > 0) {
        cchk = ZOOM_CUBIC_CHECK * dalpha;
        aj = cubicMinimizer(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec);
      }
      if (i === 0 || aj === null || aj > b - cchk || aj < a + cchk) {
        const qchk = ZOOM_QUADRATIC_CHECK * dalpha;
        aj = quadraticMinimizer(aLo, phiLo, derphiLo, aHi, phiHi);
        if (aj === null || aj > b - qchk || aj < a + qchk) aj = aLo + 0.5 * dalpha;
      }
      const phiAj = this.phi(aj);
      if (phiAj > phi0 + c1 * aj * derphi0 || phiAj >= phiLo) {
        phiRec = phiHi;
        aRec = aHi;
        aHi = aj;
        phiHi = phiAj;
      } else {
        const derphiAj = this.derphi(aj);
        if (Math.abs(derphiAj) <= -c2 * derphi0 && extraCondition(aj, phiAj)) return { alpha: aj, value: phiAj, derivative: derphiAj };
        if (derphiAj * (aHi - aLo) >= 0) {
          phiRec = phiHi;
          aRec = aHi;
          aHi = aLo;
          phiHi = phiLo;
        } else {
          phiRec = phiLo;
          aRec = aLo;
        }
        aLo = aj;
        phiLo = phiAj;
        derphiLo = derphiAj;
      }
      i++;
      if (i > ZOOM_MAXITER) return null;
    }
  }
}

/**
 * The first trial step of both searches: min(1, 1.01·2(φ(0) − φ_prev)/φ'(0)), the step at which a
 * quadratic would reach the previous iteration's decrease (Nocedal & Wright 3.60), or 1.
 */
function initialStep(phi0: number, oldPhi0: number | null, derphi0: number): number {
  let alpha1 = 1.0;
  if (oldPhi0 !== null && derphi0 !== 0) alpha1 = pythonMin(1.0, (1.01 * 2 * (phi0 - oldPhi0)) / derphi0);
  if (alpha1 < 0) alpha1 = 1.0;
  return alpha1;
}

/**
 * _cubicmin: the minimiser of the cubic through (a, fa) with slope fpa, (b, fb) and (c, fc); null
 * where numpy would raise (division by zero, overflow, a negative radical) or it is not finite.
 */
function cubicMinimizer(a: number, fa: number, fpa: number, b: number, fb: number, c: number, fc: number): number | null {
  const C = fpa;
  const db = b - a;
  const dc = c - a;
  const denom = square(db * dc) * (db - dc);
  // [A, B] = [[dc², −db²], [−dc³, db³]] · [fb − fa − C·db, fc − fa − C·dc]
  const first = fb - fa - C * db;
  const second = fc - fa - C * dc;
  const A = (square(dc) * first + -square(db) * second) / denom;
  const B = (-power(dc, 3) * first + power(db, 3) * second) / denom;
  const radical = B * B - 3 * A * C;
  // numpy raises on overflow, division by zero and the square root of a negative: no minimiser
  if (!Number.isFinite(denom) || denom === 0 || !Number.isFinite(A) || !Number.isFinite(B) || !(radical >= 0) || !Number.isFinite(radical) || A === 0) return null;
  const xmin = a + (-B + Math.sqrt(radical)) / (3 * A);
  return Number.isFinite(xmin) ? xmin : null;
}

/** numpy's x**2 (a square, one rounding). */
function square(x: number): number {
  return x * x;
}

/** _quadmin: the minimiser of the quadratic through (a, fa) with slope fpa and (b, fb); null where numpy would raise. */
function quadraticMinimizer(a: number, fa: number, fpa: number, b: number, fb: number): number | null {
  const D = fa;
  const C = fpa;
  const db = b - a * 1.0;
  if (db === 0) return null;
  const B = (fb - D - C * db) / (db * db);
  if (B === 0 || !Number.isFinite(B)) return null;
  const xmin = a - C / (2.0 * B);
  return Number.isFinite(xmin) ? xmin : null;
}

/** Python's min(a, b): a unless b < a (so a NaN b leaves a). */
function pythonMin(a: number, b: number): number {
  return b < a ? b : a;
}

/** Σ a_i b_i in index order (numpy's dot of two vectors). */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
