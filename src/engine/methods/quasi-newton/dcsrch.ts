// MINPACK-2's dcsrch and dcstep (Moré and Thuente, "Line search algorithms with guaranteed
// sufficient decrease", ACM TOMS 20, 1994), ported line for line from the Fortran that scipy 1.10
// calls through minpack2.dcsrch in line_search_wolfe1. Names are the Fortran's: stp the trial
// step, f and g φ(stp) and φ'(stp), stx/fx/gx the best step so far, sty/fy/gy the other end of the
// interval, brackt whether a minimiser is bracketed.

const P5 = 0.5;
const P66 = 0.66;
const XTRAPL = 1.1;
const XTRAPU = 4.0;

/** What dcsrch asks of its caller: 'FG' (evaluate φ and φ' at `stp` and call again), or why it stopped. */
export type DcsrchTask =
  | 'FG'
  | 'CONVERGENCE'
  | 'WARNING: ROUNDING ERRORS PREVENT PROGRESS'
  | 'WARNING: XTOL TEST SATISFIED'
  | 'WARNING: STP = STPMAX'
  | 'WARNING: STP = STPMIN'
  | `ERROR: ${string}`;

/** The interval [stx, sty] of dcstep with φ and φ' at both ends (the Fortran's in-out arguments). */
interface Interval {
  stx: number;
  fx: number;
  dx: number;
  sty: number;
  fy: number;
  dy: number;
  brackt: boolean;
}

/**
 * One More–Thuente search for a step with φ(stp) ≤ φ(0) + ftol·stp·φ'(0) and
 * |φ'(stp)| ≤ gtol·|φ'(0)|: construct with φ(0), φ'(0) and the first trial step, then, while
 * `task` is 'FG', evaluate at `stp` and call `next` (the Fortran's task = 'START', then its loop).
 */
export class Dcsrch {
  task: DcsrchTask;
  stp: number;
  private readonly gtol: number;
  private readonly xtol: number;
  private readonly stpmin: number;
  private readonly stpmax: number;
  private stage = 1;
  private readonly finit: number;
  private readonly ginit: number;
  private readonly gtest: number;
  private width: number;
  private width1: number;
  private stmin = 0;
  private stmax: number;
  private readonly interval: Interval;

  constructor(stp: number, f: number, g: number, ftol: number, gtol: number, xtol: number, stpmin: number, stpmax: number) {
    this.stp = stp;
    this.gtol = gtol;
    this.xtol = xtol;
    this.stpmin = stpmin;
    this.stpmax = stpmax;
    // check the input arguments for errors (the last failing check names the error, as in Fortran)
    let task: DcsrchTask = 'FG';
    if (stp < stpmin) task = 'ERROR: STP .LT. STPMIN';
    if (stp > stpmax) task = 'ERROR: STP .GT. STPMAX';
    if (g >= 0) task = 'ERROR: INITIAL G .GE. ZERO';
    if (ftol < 0) task = 'ERROR: FTOL .LT. ZERO';
    if (gtol < 0) task = 'ERROR: GTOL .LT. ZERO';
    if (xtol < 0) task = 'ERROR: XTOL .LT. ZERO';
    if (stpmin < 0) task = 'ERROR: STPMIN .LT. ZERO';
    if (stpmax < stpmin) task = 'ERROR: STPMAX .LT. STPMIN';
    this.task = task;
    this.finit = f;
    this.ginit = g;
    this.gtest = ftol * g;
    this.width = stpmax - stpmin;
    this.width1 = this.width / P5;
    this.interval = { stx: 0, fx: f, dx: g, sty: 0, fy: f, dy: g, brackt: false };
    this.stmax = stp + XTRAPU * stp;
  }

  /** The Fortran's entry with task 'FG': f = φ(stp), g = φ'(stp); sets `task` and the next `stp`. */
  next(f: number, g: number): DcsrchTask {
    const { gtol, xtol, stpmin, stpmax, gtest, interval } = this;
    let stp = this.stp;
    // if ψ(stp) ≤ 0 and φ'(stp) ≥ 0 for some step, the algorithm enters its second stage
    const ftest = this.finit + stp * gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;

    // warnings
    let task: DcsrchTask = 'FG';
    if (interval.brackt && (stp <= this.stmin || stp >= this.stmax)) task = 'WARNING: ROUNDING ERRORS PREVENT PROGRESS';
    if (interval.brackt && this.stmax - this.stmin <= xtol * this.stmax) task = 'WARNING: XTOL TEST SATISFIED';
    if (stp === stpmax && f <= ftest && g <= gtest) task = 'WARNING: STP = STPMAX';
    if (stp === stpmin && (f > ftest || g >= gtest)) task = 'WARNING: STP = STPMIN';
    // convergence: sufficient decrease and the curvature condition
    if (f <= ftest && Math.abs(g) <= gtol * -this.ginit) task = 'CONVERGENCE';
    if (task !== 'FG') {
      this.task = task;
      return task;
    }

    if (this.stage === 1 && f <= interval.fx && f > ftest) {
      // first stage, a lower value but not a sufficient decrease: step on the modified function
      // ψ(stp) = φ(stp) − φ(0) − ftol·stp·φ'(0) (up to a constant)
      const modified: Interval = {
        stx: interval.stx,
        fx: interval.fx - interval.stx * gtest,
        dx: interval.dx - gtest,
        sty: interval.sty,
        fy: interval.fy - interval.sty * gtest,
        dy: interval.dy - gtest,
        brackt: interval.brackt,
      };
      stp = dcstep(modified, stp, f - stp * gtest, g - gtest, this.stmin, this.stmax);
      // back from ψ to φ
      interval.stx = modified.stx;
      interval.sty = modified.sty;
      interval.brackt = modified.brackt;
      interval.fx = modified.fx + modified.stx * gtest;
      interval.fy = modified.fy + modified.sty * gtest;
      interval.dx = modified.dx + gtest;
      interval.dy = modified.dy + gtest;
    } else {
      stp = dcstep(interval, stp, f, g, this.stmin, this.stmax);
    }

    // bisect when the interval has not shrunk enough over two steps
    if (interval.brackt) {
      if (Math.abs(interval.sty - interval.stx) >= P66 * this.width1) stp = interval.stx + P5 * (interval.sty - interval.stx);
      this.width1 = this.width;
      this.width = Math.abs(interval.sty - interval.stx);
    }

    // the steps allowed next
    if (interval.brackt) {
      this.stmin = fortranMin(interval.stx, interval.sty);
      this.stmax = fortranMax(interval.stx, interval.sty);
    } else {
      this.stmin = stp + XTRAPL * (stp - interval.stx);
      this.stmax = stp + XTRAPU * (stp - interval.stx);
    }
    stp = fortranMax(stp, stpmin);
    stp = fortranMin(stp, stpmax);

    // no further progress possible: fall back to the best step so far
    if ((interval.brackt && (stp <= this.stmin || stp >= this.stmax)) || (interval.brackt && this.stmax - this.stmin <= xtol * this.stmax)) {
      stp = interval.stx;
    }
    this.stp = stp;
    this.task = 'FG';
    return 'FG';
  }
}

/**
 * dcstep: a safeguarded step from the cubic and quadratic (secant) models through the interval's
 * ends and the new trial (stp, fp, dp); updates `interval` (stx, sty, brackt) and returns the new step.
 */
function dcstep(interval: Interval, stp: number, fp: number, dp: number, stpmin: number, stpmax: number): number {
  const { stx, fx, dx, sty, fy, dy } = interval;
  const sgnd = dp * (dx / Math.abs(dx));
  let stpf: number;

  if (fp > fx) {
    // first case: a higher value, the minimum is bracketed; the cubic step if it is closer to stx
    // than the quadratic step, else their average
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = fortranMax(fortranMax(Math.abs(theta), Math.abs(dx)), Math.abs(dp));
    let gamma = s * Math.sqrt(square(theta / s) - (dx / s) * (dp / s));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const r = p / q;
    const stpc = stx + r * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    interval.brackt = true;
  } else if (sgnd < 0) {
    // second case: lower value, derivatives of opposite sign, bracketed; the cubic step if it is
    // farther from stp than the secant step, else the secant step
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = fortranMax(fortranMax(Math.abs(theta), Math.abs(dx)), Math.abs(dp));
    let gamma = s * Math.sqrt(square(theta / s) - (dx / s) * (dp / s));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const r = p / q;
    const stpc = stp + r * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    interval.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // third case: lower value, same sign, |φ'| decreasing; the cubic step only where the cubic
    // tends to infinity in the step's direction or its minimum lies beyond stp, else the secant
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = fortranMax(fortranMax(Math.abs(theta), Math.abs(dx)), Math.abs(dp));
    // gamma = 0 only where the cubic does not tend to infinity in the step's direction
    let gamma = s * Math.sqrt(fortranMax(0, square(theta / s) - (dx / s) * (dp / s)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (interval.brackt) {
      // bracketed: the step closer to stp, kept within 0.66 of the way to sty
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? fortranMin(stp + P66 * (sty - stp), stpf) : fortranMax(stp + P66 * (sty - stp), stpf);
    } else {
      // not bracketed: the step farther from stp, within [stpmin, stpmax]
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = fortranMin(stpmax, stpf);
      stpf = fortranMax(stpmin, stpf);
    }
  } else if (interval.brackt) {
    // fourth case: lower value, same sign, |φ'| not decreasing, bracketed: the cubic step
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    const s = fortranMax(fortranMax(Math.abs(theta), Math.abs(dy)), Math.abs(dp));
    let gamma = s * Math.sqrt(square(theta / s) - (dy / s) * (dp / s));
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    const r = p / q;
    stpf = stp + r * (sty - stp);
  } else {
    stpf = stp > stx ? stpmax : stpmin;
  }

  // the interval that contains a minimiser
  if (fp > fx) {
    interval.sty = stp;
    interval.fy = fp;
    interval.dy = dp;
  } else {
    if (sgnd < 0) {
      interval.sty = stx;
      interval.fy = fx;
      interval.dy = dx;
    }
    interval.stx = stp;
    interval.fx = fp;
    interval.dx = dp;
  }
  return stpf;
}

/** Fortran's x**2, which is x*x. */
function square(x: number): number {
  return x * x;
}

/** Fortran's (gfortran's) MAX of two: the second argument when the first is not greater, NaN included. */
function fortranMax(a: number, b: number): number {
  return a > b ? a : b;
}

/** Fortran's MIN of two, as fortranMax. */
function fortranMin(a: number, b: number): number {
  return a < b ? a : b;
}
