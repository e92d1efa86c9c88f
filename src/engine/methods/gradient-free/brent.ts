// scipy.optimize's scalar minimisation as Powell's line search uses it (scipy 1.10): `bracket`
// (downhill from xa = 0, xb = 1 with golden-ratio growth and parabolic extrapolation) and Brent's
// method (`Brent.optimize`: parabolic interpolation, golden-section fallback), ported statement for
// statement so every trial point and comparison agrees with scipy's bit for bit.

/** scipy's rounded golden ratio (bracket) and its complement 2 − φ (Brent's golden-section step). */
const GOLDEN_RATIO = 1.618034;
const GOLDEN_SECTION = 0.381966;
/** Below this the parabola through three points is treated as flat (bracket's `_verysmall_num`). */
const TINY_DENOMINATOR = 1e-21;
/** bracket's furthest parabolic extrapolation, in multiples of the latest interval. */
const GROW_LIMIT = 110;
const BRACKET_MAX_ITERATIONS = 1000;
/** Brent's absolute tolerance added to tol·|x| (`_mintol`), and its iteration cap. */
const MIN_TOLERANCE = 1e-11;
const BRENT_MAX_ITERATIONS = 500;

/** A function of one variable (f along a line). */
export type ScalarFunction = (alpha: number) => number;

/** The minimiser found along the line and f there. */
export interface ScalarMinimum {
  readonly x: number;
  readonly value: number;
}

/**
 * Thrown where scipy's bracket raises RuntimeError("Too many iterations."): f kept falling for 1000
 * expansions; `x` is the furthest point reached (usually ±∞ by then) and `value` f there.
 */
export class BracketError extends Error {
  readonly x: number;
  readonly value: number;

  constructor(x: number, value: number) {
    super('no bracket after 1000 expansions: f keeps falling along the line');
    this.x = x;
    this.value = value;
  }
}

interface Bracket {
  xa: number;
  xb: number;
  xc: number;
  fa: number;
  fb: number;
  fc: number;
}

/** scipy.optimize.bracket(func, xa = 0, xb = 1): three points with f(xb) below f(xa) and f(xc). */
export function bracket(func: ScalarFunction): Bracket {
  let xa = 0;
  let xb = 1;
  let fa = func(xa);
  let fb = func(xb);
  if (fa < fb) {
    // go downhill: xa is the higher end
    [xa, xb] = [xb, xa];
    [fa, fb] = [fb, fa];
  }
  let xc = xb + GOLDEN_RATIO * (xb - xa);
  let fc = func(xc);
  let iteration = 0;
  while (fc < fb) {
    // the minimiser w of the parabola through (xa, fa), (xb, fb), (xc, fc)
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denominator = Math.abs(val) < TINY_DENOMINATOR ? 2 * TINY_DENOMINATOR : 2 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denominator;
    const wlim = xb + GROW_LIMIT * (xc - xb);
    if (iteration > BRACKET_MAX_ITERATIONS) throw new BracketError(xc, fc);
    iteration++;
    let fw: number;
    if ((w - xc) * (xb - w) > 0) {
      // w between xb and xc
      fw = func(w);
      if (fw < fc) return { xa: xb, xb: w, xc, fa: fb, fb: fw, fc };
      if (fw > fb) return { xa, xb, xc: w, fa, fb, fc: fw };
      w = xc + GOLDEN_RATIO * (xc - xb);
      fw = func(w);
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      // beyond the growth limit: clamp to it
      w = wlim;
      fw = func(w);
    } else if ((w - wlim) * (xc - w) > 0) {
      // between xc and the limit
      fw = func(w);
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + GOLDEN_RATIO * (xc - xb);
        fb = fc;
        fc = fw;
        fw = func(w);
      }
    } else {
      w = xc + GOLDEN_RATIO * (xc - xb);
      fw = func(w);
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }
  return { xa, xb, xc, fa, fb, fc };
}

/**
 * scipy.optimize.brent(func, tol = tolerance) with no bracket given: bracket() from 0 and 1, then
 * Brent's method until the point is known to tolerance·|x| + 1e-11 (or 500 iterations).
 */
export function brent(func: ScalarFunction, tolerance: number): ScalarMinimum {
  const { xa, xb, xc, fb } = bracket(func);
  let x = xb;
  let w = xb;
  let v = xb;
  let fx = fb;
  let fw = fb;
  let fv = fb;
  let a = xa < xc ? xa : xc;
  let b = xa < xc ? xc : xa;
  let deltax = 0;
  // scipy leaves `rat` unbound until the first (always golden-section) step sets it
  let rat = 0;
  for (let iteration = 0; iteration < BRENT_MAX_ITERATIONS; iteration++) {
    const tol1 = tolerance * Math.abs(x) + MIN_TOLERANCE;
    const tol2 = 2 * tol1;
    const xmid = 0.5 * (a + b);
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = GOLDEN_SECTION * deltax;
    } else {
      // the parabola through (x, fx), (w, fw), (v, fv): its minimiser is x + p / q
      const tmp1 = (x - w) * (fx - fv);
      let tmp2 = (x - v) * (fx - fw);
      let p = (x - v) * tmp2 - (x - w) * tmp1;
      tmp2 = 2 * (tmp2 - tmp1);
      if (tmp2 > 0) p = -p;
      tmp2 = Math.abs(tmp2);
      const previousDelta = deltax;
      deltax = rat;
      // accept it inside (a, b) and shorter than half the step before last
      if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * previousDelta)) {
        rat = p / tmp2;
        const u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = GOLDEN_SECTION * deltax;
      }
    }
    // move by at least tol1
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const fu = func(u);
    if (fu > fx) {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        w = u;
        fv = fw;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    } else {
      if (u >= x) a = x;
      else b = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    }
  }
  return { x, value: fx };
}
