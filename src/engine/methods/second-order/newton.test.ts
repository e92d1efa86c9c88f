import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValue } from '../hyperparameters';
import { MAX_BACKTRACKS, newton } from './newton';
import { choleskyFactor, choleskySolve, positiveDefiniteShift, shiftedCholesky } from './positive-definite';

/*
 * The oracle is scripts/references/newton_reference.py: Newton's method written again in NumPy from
 * its definition (surfaces, gradients and Hessians derived by hand there; the shift from LAPACK's
 * eigvalsh, the step from LAPACK's LU solve). Counts must be equal; every compared point, its f,
 * the shift, the model minimiser and the trial points within |ours − reference| ≤ tolerance ·
 * max(|reference|, 1) (1: the scale of the surfaces' coordinates, below which rounding noise is
 * absolute, not relative). Only the prefix of each path that a 1e-13 nudge of the start moves by
 * less than 1e-9 is compared (`compare`): beyond it rounding differences are amplified.
 *
 * Tolerance 1e-12 where no compared step shifts the Hessian. Where one does (μ = δ − λmin > 0),
 * the shifted matrix's smallest eigenvalue λmin + μ = δ carries the rounding of λmin, about
 * ε·|λmin|, so the step along that eigenvector is determined only to ε·|λmin|/δ relative, 1e-11
 * at δ = 1e-3 and |λmin| ≈ 50 (Beale from (1, 1.5)), by any implementation; later steps carry that
 * on. Those runs are held to 1e-9 (measured worst 6e-11 on points, 3e-10 on f, when the vectors
 * were generated; unshifted runs 4e-13); with δ = 1 the same Himmelblau start agrees to 1e-13.
 */
const RELATIVE_TOLERANCE = 1e-12;
const SHIFTED_TOLERANCE = 1e-9;
const FLOOR = 1;

interface ReferencePoint {
  point: number[];
  loss: number;
  function: number;
  gradient: number;
  hessian: number;
}

interface ReferenceRun {
  name: string;
  surface: string;
  start: number[];
  hyper: Record<string, HyperValue>;
  num_steps: number;
  points: ReferencePoint[];
  steps: { shift: number; model_minimizer: number[]; trials?: number[] }[];
  converged: number | null;
  diverged: number | null;
  compare: number;
  ending_stable: boolean;
}

const golden = JSON.parse(readFileSync(new URL('./newton.golden.json', import.meta.url), 'utf8')) as {
  defaults: Record<string, HyperValue>;
  max_backtracks: number;
  runs: ReferenceRun[];
};

function objectiveFor(run: ReferenceRun): Objective {
  const surface = getSurface(run.surface);
  if (surface === undefined) throw new Error(`unknown surface ${run.surface}`);
  if (run.start.length === 2) return surface.create();
  if (surface.nDimensional === undefined) throw new Error(`${run.surface} has no n-D form`);
  return surface.nDimensional.create(undefined, run.start.length);
}

/** Throws unless |actual − expected| ≤ tolerance · max(|expected|, FLOOR) everywhere; returns the largest such ratio. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number, what: string): number {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), FLOOR);
    if (!(error <= tolerance)) throw new Error(`${what}[${i}]: ours ${actual[i]}, reference ${expected[i]} (relative ${error})`);
    worst = Math.max(worst, error);
  }
  return worst;
}

describe('newton against the NumPy reference', () => {
  it('uses the defaults and limits the reference uses', () => {
    expect(defaultHyperValues(newton.hyperSpecs)).toEqual(golden.defaults);
    expect(MAX_BACKTRACKS).toBe(golden.max_backtracks);
  });

  it('compares most of each path at the tightest tolerance the arithmetic allows', () => {
    const unshifted = golden.runs.filter((run) => run.steps.every((step) => step.shift === 0));
    expect(unshifted.length).toBeGreaterThanOrEqual(5);
    // only Beale from (1, 1.5) with backtracking is cut short: its first step, shifted by 51.5 to
    // δ = 1e-3, is determined to 1e-11, and the trials that follow amplify that
    const cut = golden.runs.filter((run) => run.compare < run.points.length).map((run) => run.name);
    expect(cut).toEqual(['beale 2-D from [1.0, 1.5] backtracking']);
  });

  it('covers four surfaces, both line searches, an indefinite Hessian, n-D, convergence in one step and divergence', () => {
    const runs = golden.runs;
    expect(new Set(runs.map((run) => run.surface)).size).toBeGreaterThanOrEqual(4);
    expect(runs.some((run) => run.hyper.line_search === 'backtracking')).toBe(true);
    expect(runs.some((run) => run.hyper.line_search === undefined)).toBe(true);
    expect(runs.some((run) => run.steps.some((step) => step.shift > 0))).toBe(true);
    expect(runs.some((run) => run.start.length > 2)).toBe(true);
    expect(runs.some((run) => run.converged === 1)).toBe(true);
    expect(runs.some((run) => run.diverged !== null)).toBe(true);
  });

  it.each(golden.runs.map((run) => [run.name, run] as const))('%s', (_name, run) => {
    const result = runMethod({
      objective: objectiveFor(run),
      method: newton,
      hyper: { ...defaultHyperValues(newton.hyperSpecs), ...run.hyper },
      start: run.start,
      numSteps: run.num_steps,
    });
    const n = run.start.length;
    const compared = run.compare;
    expect(compared).toBeGreaterThanOrEqual(2);
    const points = run.points.slice(0, compared);
    const tolerance = run.steps.slice(0, compared - 1).some((step) => step.shift > 0) ? SHIFTED_TOLERANCE : RELATIVE_TOLERANCE;
    expect(result.trajectory.length / n).toBeGreaterThanOrEqual(compared);
    const coordinates = expectClose(result.trajectory.subarray(0, compared * n), points.flatMap((point) => point.point), tolerance, 'trajectory');
    const losses = expectClose(result.loss.subarray(0, compared), points.map((point) => point.loss), tolerance, 'loss');
    // REPORT_ERRORS=1: the measured agreement, for the commit message when the vectors are regenerated
    if (process.env.REPORT_ERRORS) console.log(`WORST ${run.name}: compared ${compared}/${run.points.length}, x ${coordinates.toExponential(1)}, f ${losses.toExponential(1)}`);
    expect(Array.from(result.evaluations.function.subarray(0, compared))).toEqual(points.map((point) => point.function));
    expect(Array.from(result.evaluations.gradient.subarray(0, compared))).toEqual(points.map((point) => point.gradient));
    expect(Array.from(result.evaluations.hessian.subarray(0, compared))).toEqual(points.map((point) => point.hessian));

    const snapshots = result.snapshots ?? [];
    expect(snapshots[0]).toBeNull();
    for (let k = 1; k < compared; k++) {
      const expected = run.steps[k - 1];
      const snapshot = snapshots[k];
      expectClose([snapshot?.shift ?? NaN], [expected.shift], tolerance, `shift at step ${k}`);
      expectClose(snapshot?.modelMinimizer ?? [], expected.model_minimizer, tolerance, `model minimiser at step ${k}`);
      if (expected.trials) expectClose(snapshot?.trials ?? [], expected.trials, tolerance, `trials at step ${k}`);
      else expect(snapshot?.trials).toBeUndefined();
    }
    if (compared === run.points.length && run.ending_stable) {
      // the whole path compared: it ends where and why the reference's ends
      expect(result.trajectory.length / n).toBe(run.points.length);
      expect(result.converged?.step ?? null).toBe(run.converged);
      expect(result.diverged?.step ?? null).toBe(run.diverged);
    }
  });
});

describe('the positive-definite shift', () => {
  it('is zero for a positive-definite Hessian and lifts the smallest eigenvalue to δ otherwise', () => {
    // diag(2, 3): already ≥ δ
    expect(positiveDefiniteShift([2, 0, 0, 3], 2, 1e-3)).toBe(0);
    // eigenvalues of [[1, 2], [2, 1]] are −1 and 3: μ = δ + 1
    expect(positiveDefiniteShift([1, 2, 2, 1], 2, 1e-3)).toBeCloseTo(1.001, 14);
    // singular diag(0, 5): μ = δ
    expect(positiveDefiniteShift([0, 0, 0, 5], 2, 0.5)).toBe(0.5);
    // 3-D (Jacobi): eigenvalues −2, 1, 4 of a rotated diagonal matrix (hand-built Q diag Qᵀ)
    const c = Math.SQRT1_2;
    const q = [c, -c, 0, c, c, 0, 0, 0, 1];
    const eigenvalues = [-2, 1, 4];
    const matrix = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) matrix[i * 3 + j] += q[i * 3 + k] * eigenvalues[k] * q[j * 3 + k];
    expect(positiveDefiniteShift(matrix, 3, 1e-3)).toBeCloseTo(2.001, 13);
  });

  it('solves (H + μI)x = b by Cholesky, and enlarges μ where the eigenvalue estimate falls short', () => {
    const factor = new Float64Array(4);
    expect(choleskyFactor([4, 2, 2, 3], 2, 0, factor)).toBe(true);
    const solution = new Float64Array(2);
    choleskySolve(factor, 2, [2, 1], solution);
    // [[4, 2], [2, 3]] x = [2, 1]: x = (0.5, 0)
    expect(Array.from(solution)).toEqual([0.5, 0]);
    expect(choleskyFactor([1, 2, 2, 1], 2, 0, factor)).toBe(false);
    expect(shiftedCholesky([1, 2, 2, 1], 2, 1e-3, factor)).toBeCloseTo(1.001, 14);
    expect(shiftedCholesky([NaN, 0, 0, 1], 2, 1e-3, factor)).toBeNaN();
  });

  it('handles a 100-D Hessian (λmin estimated by power iteration, then Cholesky)', () => {
    // −I + e₁e₁ᵀ·3 on 100 coordinates: eigenvalues −1 (99 times) and 2; μ ≥ 1 + δ
    const n = 100;
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) matrix[i * n + i] = -1;
    matrix[0] = 2;
    const factor = new Float64Array(n * n);
    const shift = shiftedCholesky(matrix, n, 1e-3, factor);
    expect(shift).toBeGreaterThanOrEqual(1.001 - 1e-9);
    expect(shift).toBeLessThan(2.01);
  });
});

describe('newton', () => {
  it('evaluates nothing beyond what its documentation says and reports the stopping test in words', () => {
    const quadratic = getSurface('quadratic')?.create();
    if (quadratic === undefined) throw new Error('no quadratic surface');
    const result = runMethod({ objective: quadratic, method: newton, hyper: defaultHyperValues(newton.hyperSpecs), start: [-1.5, 1], numSteps: 10 });
    // one Newton step reaches the minimum of a quadratic (up to the rounding of the Cholesky factor √2)
    expect(Array.from(result.trajectory).map((x) => Math.abs(x) < 1e-15 ? 0 : x)).toEqual([-1.5, 1, 0, 0]);
    expect(result.converged).toEqual({ step: 1, reason: 'max |∂f/∂xᵢ| ≤ tolerance_grad' });
    expect(Array.from(result.evaluations.hessian)).toEqual([0, 1]);
  });
});
