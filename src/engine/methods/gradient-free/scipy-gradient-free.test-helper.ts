import { expect } from 'vitest';
import { getSurface } from '../../problems/surfaces';
import type { Objective } from '../../objective';
import { runMethod, type RunResult } from '../../run';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValue } from '../hyperparameters';
import type { MethodDefinition } from '../method';
import golden from './scipy-gradient-free.golden.json';

// The scipy reference runs of scripts/references/scipy_gradient_free.py and how the tests replay
// them: the surface bound at its default parameters (its n-dimensional form beyond 2-D), the
// method at our defaults plus the case's options (scipy filled in its own defaults, so the defaults
// are checked too), run until its stopping test.

/** One scipy run: every iterate (after each iteration) with f there and scipy's nfev by then. */
export interface ScipyRun {
  name: string;
  surface: string;
  dimension: number;
  start: number[];
  hyper: Record<string, HyperValue>;
  iterates: number[][];
  loss: number[];
  evaluations: number[];
  nfev: number;
  nit: number;
  x: number[];
  fun: number;
  converged: boolean;
  message: string;
  /** Iterates that a 1e-13 nudge of the start leaves within 1e-9: the part of the path compared. */
  compareSteps: number;
  /** Powell: the final direction set, and the points evaluated during each iteration (2-D runs). */
  direc?: number[][];
  trials?: number[][][];
}

interface ScipyGolden {
  scipy: string;
  nelderMead: ScipyRun[];
  powell: ScipyRun[];
}

/** The reference vectors. */
export const SCIPY_GOLDEN = golden as ScipyGolden;

/**
 * Tolerance: |ours − scipy| ≤ 1e-9 · max(|scipy|, floor); the floor (1e-3 for coordinates, of scale
 * 1 here, 1e-12 for losses) only matters where a value passes near zero, where both sides carry
 * rounding noise of order 1e-16 times the surrounding terms.
 */
export const RELATIVE_TOLERANCE = 1e-9;
export const COORDINATE_FLOOR = 1e-3;
export const LOSS_FLOOR = 1e-12;

/** The largest |actual − expected| / max(|expected|, floor) (Infinity for NaN or a length mismatch). */
export function worstError(actual: ArrayLike<number>, expected: readonly number[], floor: number): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}

/** The surface of a reference run. */
export function referenceObjective(run: ScipyRun): Objective {
  const definition = getSurface(run.surface);
  if (definition === undefined) throw new Error(`unknown surface ${run.surface}`);
  if (run.dimension === 2) return definition.create();
  if (definition.nDimensional === undefined) throw new Error(`${run.surface} has no ${run.dimension}-D form`);
  return definition.nDimensional.create(undefined, run.dimension);
}

/** Our run of the method from the reference's start, with room for more steps than scipy took. */
export function replay(method: MethodDefinition, run: ScipyRun): RunResult {
  return runMethod({
    objective: referenceObjective(run),
    method,
    hyper: { ...defaultHyperValues(method.hyperSpecs), ...run.hyper },
    start: run.start,
    numSteps: run.iterates.length + 50,
  });
}

/** The point at trajectory index k. */
export function pointAt(result: RunResult, k: number): Float64Array {
  return result.trajectory.slice(k * result.dimension, (k + 1) * result.dimension);
}

/**
 * Checks iterates, losses and evaluation counts against scipy's over the compared part of the path,
 * and, where that is all of it, the stopping point, the final x, f and nfev; returns the worst
 * coordinate error seen.
 */
export function expectScipyPath(result: RunResult, run: ScipyRun, startEvaluations: number): number {
  let worst = 0;
  expect(Array.from(pointAt(result, 0))).toEqual(run.start);
  expect(result.evaluations.function[0]).toBe(startEvaluations);
  const compared = Math.min(run.compareSteps, result.loss.length - 1);
  expect(compared, 'steps recorded').toBe(run.compareSteps);
  for (let k = 0; k < compared; k++) {
    const error = worstError(pointAt(result, k + 1), run.iterates[k], COORDINATE_FLOOR);
    expect(error, `iterate ${k + 1}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    worst = Math.max(worst, error);
    expect(worstError([result.loss[k + 1]], [run.loss[k]], LOSS_FLOOR), `f at iterate ${k + 1}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    expect(result.evaluations.function[k + 1], `nfev after iteration ${k + 1}`).toBe(run.evaluations[k]);
  }
  // gradient-free: the counts prove no gradient or Hessian was ever evaluated
  expect(result.evaluations.gradient.every((count) => count === 0)).toBe(true);
  expect(result.evaluations.hessian.every((count) => count === 0)).toBe(true);
  if (run.compareSteps === run.iterates.length) {
    const last = run.iterates.length;
    expect(result.converged, 'scipy stopped by its test').toEqual({ step: last, reason: expect.any(String) as string });
    expect(worstError(pointAt(result, last), run.x, COORDINATE_FLOOR), 'final x').toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    expect(worstError([result.loss[last]], [run.fun], LOSS_FLOOR), 'final f').toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    expect(result.evaluations.function[last], 'final nfev').toBe(run.nfev);
  }
  return worst;
}
