import { expect } from 'vitest';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { runMethod, type RunResult } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValue } from '../hyperparameters';
import type { MethodDefinition } from '../method';

// The comparison of our bfgs, cg and newton_cg with scipy.optimize.minimize, shared by their tests.
// The vectors come from scripts/references/scipy_quasi_newton.py (SciPy 1.10.1); each test file
// reads scipy-quasi-newton.golden.json itself (the engine's helpers may not touch node:fs).
//
// What is compared, up to `stableIterates` (the iterates on which a 1e-13 nudge of the start does
// not move scipy's own path by 1e-9, nor change its counts):
// - every iterate (trajectory point k = scipy's k-th callback), relative 1e-9 with a floor of 1e-3;
// - every line search's trial points (where scipy evaluated f during that iteration), same tolerance;
// - the evaluations made by each iterate: gradient = scipy's njev exactly; function = scipy's nfev
//   where the wolfe2 fallback did not run, else `ourFunction` (the generator replays scipy's calls:
//   our oracle pays one f more where wolfe2 asks for ∇f at a point whose f it already has);
//   Hessian = scipy's nhev (one per Newton-CG iteration).
// And where the whole path is stable: the final point, the totals, the number of iterations and
// that the run stops there with the stopping test met.

/** One reference run as the generator writes it. */
export interface ScipyCase {
  name: string;
  method: string;
  surface: string;
  dimension: number;
  start: number[];
  hyper: Record<string, HyperValue>;
  iterates: number[][];
  trials: number[][][];
  failedTrials: number[][];
  counts: { function: number; gradient: number; ourFunction: number }[];
  x: number[];
  fun: number;
  nit: number;
  nfev: number;
  njev: number;
  nhev: number;
  status: number;
  message: string;
  ourFunctionEvaluations: number;
  wolfe2: boolean;
  stableIterates: number;
  stableCounts: boolean;
}

/** The generator's output. */
export interface ScipyGolden {
  scipy: string;
  cases: ScipyCase[];
}

/** The largest differences found in one case (for the report), the test having checked them against the tolerance. */
export interface CaseErrors {
  iterates: number;
  trials: number;
  final: number;
}

const RELATIVE_TOLERANCE = 1e-9;
const COORDINATE_FLOOR = 1e-3;

/** The generator's surface ids are Python names; ours use dashes. */
function objectiveFor(golden: ScipyCase): Objective {
  const surface = getSurface(golden.surface.replaceAll('_', '-'));
  if (surface === undefined) throw new Error(`unknown surface ${golden.surface}`);
  if (golden.dimension === 2) return surface.create();
  if (surface.nDimensional === undefined) throw new Error(`${golden.surface} has no n-dimensional form`);
  return surface.nDimensional.create(undefined, golden.dimension);
}

/** Runs our method on a case, a few steps past scipy's iterations (the stopping test must end it). */
export function runScipyCase(method: MethodDefinition, golden: ScipyCase): RunResult {
  return runMethod({
    objective: objectiveFor(golden),
    method,
    hyper: { ...defaultHyperValues(method.hyperSpecs), ...golden.hyper },
    start: golden.start,
    numSteps: golden.nit + 5,
  });
}

/** The largest |actual − expected| / max(|expected|, floor). */
function worstError(actual: ArrayLike<number>, expected: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), COORDINATE_FLOOR);
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}

/** Checks a run against scipy's (see the file comment); returns the largest differences. */
export function expectScipyRun(result: RunResult, golden: ScipyCase): CaseErrors {
  const n = golden.dimension;
  const errors: CaseErrors = { iterates: 0, trials: 0, final: 0 };
  const steps = result.loss.length - 1;
  expect(result.diverged, golden.name).toBeNull();
  expect(steps, `${golden.name}: iterations`).toBeGreaterThanOrEqual(golden.stableIterates);
  for (let k = 0; k < golden.stableIterates; k++) {
    const where = `${golden.name}, iterate ${k + 1}`;
    const iterate = result.trajectory.subarray((k + 1) * n, (k + 2) * n);
    const iterateError = worstError(iterate, golden.iterates[k]);
    expect(iterateError, `${where}: ${Array.from(iterate).join(', ')} vs ${golden.iterates[k].join(', ')}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    errors.iterates = Math.max(errors.iterates, iterateError);

    const trials = result.snapshots?.[k + 1]?.trials;
    expect(trials?.length, `${where}: trial points`).toBe(golden.trials[k].length * n);
    const trialError = worstError(trials ?? [], golden.trials[k].flat());
    expect(trialError, `${where}: trial points`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    errors.trials = Math.max(errors.trials, trialError);

    const counts = golden.counts[k];
    expect(result.evaluations.gradient[k + 1], `${where}: gradient evaluations (njev)`).toBe(counts.gradient);
    expect(result.evaluations.function[k + 1], `${where}: function evaluations`).toBe(counts.ourFunction);
    if (!golden.wolfe2) expect(counts.ourFunction, `${where}: nfev`).toBe(counts.function);
    expect(result.evaluations.hessian[k + 1], `${where}: Hessian evaluations (nhev)`).toBe(golden.method === 'newton_cg' ? k + 1 : 0);
  }
  if (!golden.stableCounts) return errors;

  // the whole path is stable: the end must be scipy's too
  const failed = golden.status === 2;
  expect(result.converged?.step, `${golden.name}: stops after scipy's ${golden.nit} iterations`).toBe(golden.nit + (failed ? 1 : 0));
  expect(steps, `${golden.name}: steps`).toBe(golden.nit + (failed ? 1 : 0));
  errors.final = worstError(result.trajectory.subarray(steps * n), golden.x);
  expect(errors.final, `${golden.name}: final point`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
  expect(Math.abs(result.loss[steps] - golden.fun), `${golden.name}: final f`).toBeLessThanOrEqual(RELATIVE_TOLERANCE * Math.max(Math.abs(golden.fun), 1e-6));
  expect(result.evaluations.gradient[steps], `${golden.name}: njev`).toBe(golden.njev);
  expect(result.evaluations.function[steps], `${golden.name}: function evaluations`).toBe(golden.ourFunctionEvaluations);
  if (!golden.wolfe2) expect(golden.ourFunctionEvaluations, `${golden.name}: nfev`).toBe(golden.nfev);
  expect(result.evaluations.hessian[steps], `${golden.name}: nhev`).toBe(golden.nhev);
  if (failed) {
    // the failed line search: its trials are the last step's, and the run says why it stopped
    const trials = result.snapshots?.[steps]?.trials ?? [];
    expect(trials.length, `${golden.name}: failed search's trials`).toBe(golden.failedTrials.length * n);
    errors.trials = Math.max(errors.trials, worstError(trials, golden.failedTrials.flat()));
    expect(errors.trials, `${golden.name}: failed search's trials`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    expect(result.converged?.reason).toMatch(/precision loss/);
  }
  return errors;
}

/** The cases of one method. */
export function casesOf(golden: ScipyGolden, method: string): ScipyCase[] {
  return golden.cases.filter((entry) => entry.method === method);
}
