import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { runMethod } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValue } from '../hyperparameters';
import { defaultMaxEval, lbfgs } from './lbfgs';
import { cubicInterpolate } from './torch-strong-wolfe';

/*
 * The oracle is scripts/references/torch_lbfgs.py: torch.optim.LBFGS itself (torch 1.13, float64)
 * stepped by optimizer.step(closure) on surfaces written there with torch ops, gradients by
 * autograd. One playground step is one step(closure); every point after it must equal torch's
 * parameters within 1e-9 · max(|torch|, 1), f there likewise, and the evaluation counts must equal
 * torch's closure calls (each closure call is one oracle.valueAndGradient, so f and ∇f counts are
 * both the closure count), plus one where torch left the point unevaluated (a step without line
 * search that ran all max_iter iterations): the playground evaluates it at once, and it is the
 * next step's first closure call. Only the prefix of each run that a 1e-13 nudge of the start
 * moves by less than 1e-8 is compared (`compare`), and our run may stop earlier (its stopping test).
 * Measured worst when the vectors were generated: 9e-11 (8-D Rosenbrock, history_size 3), 1.3e-11
 * over 40 one-iteration strong-Wolfe steps on Rosenbrock, 1e-14 or less on most runs.
 */
const RELATIVE_TOLERANCE = 1e-9;
const FLOOR = 1;

interface TorchPoint {
  point: number[];
  loss: number;
  closure_calls: number;
  evaluated: boolean;
}

interface TorchRun {
  name: string;
  surface: string;
  start: number[];
  hyper: Record<string, HyperValue>;
  num_steps: number;
  points: TorchPoint[];
  compare: number;
}

const golden = JSON.parse(readFileSync(new URL('./torch-lbfgs.golden.json', import.meta.url), 'utf8')) as {
  torch: string;
  defaults: Record<string, HyperValue>;
  runs: TorchRun[];
};

function objectiveFor(run: TorchRun): Objective {
  const surface = getSurface(run.surface);
  if (surface === undefined) throw new Error(`unknown surface ${run.surface}`);
  if (run.start.length === 2) return surface.create();
  if (surface.nDimensional === undefined) throw new Error(`${run.surface} has no n-D form`);
  return surface.nDimensional.create(undefined, run.start.length);
}

/** The largest |actual − expected| / max(|expected|, FLOOR). */
function worstError(actual: ArrayLike<number>, expected: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), FLOOR);
    worst = Number.isNaN(error) ? Infinity : Math.max(worst, error);
  }
  return worst;
}

function runLikeTorch(run: TorchRun) {
  return runMethod({
    objective: objectiveFor(run),
    method: lbfgs,
    hyper: { ...defaultHyperValues(lbfgs.hyperSpecs), ...run.hyper },
    start: run.start,
    numSteps: run.num_steps,
  });
}

describe('lbfgs against torch.optim.LBFGS', () => {
  it('has torch 1.13’s defaults (max_eval 0 standing for max_iter·5/4)', () => {
    const ours = defaultHyperValues(lbfgs.hyperSpecs);
    expect({ ...ours, max_eval: defaultMaxEval(Number(ours.max_iter)) }).toEqual(golden.defaults);
    expect(golden.torch.startsWith('1.13')).toBe(true);
  });

  it('covers four surfaces and more, with and without strong_wolfe, n-D, history limits and max_eval', () => {
    const runs = golden.runs;
    expect(new Set(runs.map((run) => run.surface)).size).toBeGreaterThanOrEqual(4);
    for (const search of ['none', 'strong_wolfe']) {
      expect(new Set(runs.filter((run) => run.hyper.line_search_fn === search).map((run) => run.surface)).size, search).toBeGreaterThanOrEqual(4);
    }
    expect(runs.some((run) => run.start.length > 2 && run.hyper.history_size !== undefined)).toBe(true);
    expect(runs.some((run) => run.hyper.max_eval !== undefined)).toBe(true);
    expect(runs.some((run) => run.points.some((point, k) => k > 0 && !point.evaluated))).toBe(true);
  });

  it.each(golden.runs.map((run) => [run.name, run] as const))('%s', (_name, run) => {
    const result = runLikeTorch(run);
    const n = run.start.length;
    const recorded = result.trajectory.length / n;
    const compared = Math.min(run.compare, recorded);
    expect(result.diverged).toBeNull();
    if (recorded < run.points.length) {
      // our run stops only where the stopping test says so; from there torch's step(closure) returns
      // at once (or moves nowhere), so its later points are our last
      expect(result.converged?.step).toBe(recorded - 1);
      const last = run.points[recorded - 1].point;
      for (const later of run.points.slice(recorded)) expect(later.point).toEqual(last);
    }

    const points = run.points.slice(0, compared);
    const coordinates = worstError(result.trajectory.subarray(0, compared * n), points.flatMap((point) => point.point));
    expect(coordinates, 'trajectory').toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    const losses = worstError(result.loss.subarray(0, compared), points.map((point) => point.loss));
    expect(losses, 'loss').toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    // REPORT_ERRORS=1: the measured agreement, for the commit message when the vectors are regenerated
    if (process.env.REPORT_ERRORS) console.log(`WORST ${run.name}: compared ${compared}/${run.points.length}, x ${coordinates.toExponential(1)}, f ${losses.toExponential(1)}, converged ${result.converged?.reason ?? null}`);

    const expectedCounts = points.map((point, k) => (k === 0 ? 1 : point.closure_calls + (point.evaluated ? 0 : 1)));
    expect(Array.from(result.evaluations.gradient.subarray(0, compared)), 'gradient evaluations').toEqual(expectedCounts);
    expect(Array.from(result.evaluations.function.subarray(0, compared)), 'function evaluations').toEqual(expectedCounts);
    expect(result.evaluations.hessian.every((count) => count === 0)).toBe(true);
  });
});

describe('torch’s line search helpers', () => {
  it('cubicInterpolate: the minimiser of the cubic through two points with slopes, clamped', () => {
    // f(x) = x³ − 3x: f(0) = 0, f'(0) = −3, f(2) = 2, f'(2) = 9; minimiser x = 1
    expect(cubicInterpolate(0, 0, -3, 2, 2, 9)).toBeCloseTo(1, 14);
    expect(cubicInterpolate(2, 2, 9, 0, 0, -3)).toBeCloseTo(1, 14);
    // clamped to the bounds given
    expect(cubicInterpolate(0, 0, -3, 2, 2, 9, [1.5, 3])).toBe(1.5);
    // no real minimiser (d1² < g1·g2): the bounds' midpoint
    expect(cubicInterpolate(0, 0, 1, 1, 2 / 3, 1)).toBe(0.5);
  });
});

describe('lbfgs', () => {
  it('stops when a further step(closure) would return at once, and draws the trials of each step', () => {
    const booth = getSurface('booth')?.create();
    if (booth === undefined) throw new Error('no booth surface');
    const result = runMethod({
      objective: booth,
      method: lbfgs,
      hyper: { ...defaultHyperValues(lbfgs.hyperSpecs), line_search_fn: 'strong_wolfe' },
      start: [-4, 4],
      numSteps: 50,
    });
    expect(result.converged?.reason).toMatch(/tolerance/);
    const snapshots = result.snapshots ?? [];
    expect(snapshots[0]).toBeNull();
    // every closure call after the first of a step is a trial point the map can draw
    const trials = snapshots[1]?.trials ?? new Float64Array(0);
    expect(trials.length / 2).toBe(result.evaluations.gradient[1] - 1);
  });
});
