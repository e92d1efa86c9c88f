// Holding the GPU's float32 summaries to the float64 reference.
//
// Tolerance: the random formulas are strongly convex with condition number < 10 (random-formula.ts),
// so for gradient descent and momentum float32 rounding (6e-8 relative per operation) is damped step
// by step: final points agree to a few 1e-7, well inside the target |Δ| ≤ 1e-4·max(1, |p|).
// Normalizing optimizers are another matter: Adam's first step is lr·sign(g), RMSprop and Lion
// hover at lr-sized steps, so a run whose gradient component passes near zero follows the sign of
// a rounding error. Which runs float32 can be held to the target is therefore measured on each run:
// the float64 engine reruns it six times with gradient errors a hundred times float32's
// (PERTURBATION), and a run whose path, final point or convergence step those reruns can move is
// held only to what such errors allow (compareSummaries).
import { expect } from '@playwright/test';
import { SUMMARY_OFFSET, summaryStride } from '../../src/engine/batch/types';
import { PERTURBATION, type Reference } from './float64-reference';

const { finalLoss: FINAL_LOSS, bestLoss: BEST_LOSS, convergedStep: CONVERGED_STEP, divergedStep: DIVERGED_STEP, minimumIndex: MINIMUM_INDEX, finalPoint: FINAL_POINT } = SUMMARY_OFFSET;
/** Floats per run: the GPU runs 2-D formulas. */
const SUMMARY_STRIDE = summaryStride(2);

/** The target for a well-conditioned run: |Δ| ≤ 1e-4·max(1, |p|). */
export const TOLERANCE = 1e-4;

/**
 * How far op-by-op tfjs may put f off on SwiftShader: its sin, cos and tanh are the WGSL built-ins,
 * accurate there to ~2e-4 (the fused kernels bring their own), and a random formula adds a few such
 * terms with coefficients below 0.2; over 40 seeds f at the final point was off by up to 9e-5.
 */
export const NAIVE_EVALUATION_ERROR = 3e-4;

/**
 * How far a float32 evaluation of f at `point` may lie from its float64 `value`: a few ulps of f, and
 * of the terms of the size of x·∂f/∂x and y·∂f/∂y it is summed from.
 */
export function float32ValueTolerance(value: number, gradient: ArrayLike<number>, point: ArrayLike<number>): number {
  return 2e-6 * Math.max(1, Math.abs(value)) + 8 * 2 ** -24 * (Math.abs(point[0] * gradient[0]) + Math.abs(point[1] * gradient[1]));
}

/**
 * Compares every run's summary with float64's. A run that float32-sized gradient errors cannot move
 * in float64 (over six perturbed reruns its path moves by under the 1e-4 target at every step, its
 * final point by under PERTURBATION, and its convergence step and minimum not at all: the issue's
 * "well-conditioned cases") must meet the target: final
 * point and losses within 1e-4 relative, the same minimum and divergence step, the convergence step
 * within one (or more where the run creeps along the edge of the radius: skimsRadius). A run they
 * can move (a normalizing optimizer passing a gradient component through zero, or amplifying it in
 * a transient oscillation; RMSprop or Lion hovering at lr-sized steps) may end anywhere such errors
 * can take it, which a few perturbed reruns only sample: its final point is held to the larger of
 * four times the spread and 20·lr (a few of its largest steps), its final loss to being f at that
 * point (or, once diverged, to 1% beyond the spread, as its best loss), its divergence step to the
 * spread, and, where both paths converged, to the same minimum.
 * `evaluationError` widens every loss tolerance by how far the engine's own evaluation of f may be
 * off (0 for the fused kernels, which bring their own sin, cos and tanh).
 * Returns the largest relative difference of final points, that over the well-conditioned runs, and
 * how many those were.
 */
export function compareSummaries(
  label: string,
  actual: readonly number[],
  expected: Reference,
  learningRateOf: (run: number) => number,
  skimsRadius?: (run: number, gpuStep: number, referenceStep: number) => boolean,
  evaluationError = 0,
): { largest: number; wellConditioned: number; numWellConditioned: number } {
  const { objective, summaries, spread, pathSpread } = expected;
  const gpuPoint = new Float64Array(2);
  const gradient = new Float64Array(2);
  expect(actual.length, label).toBe(summaries.length);
  let largest = 0;
  let wellConditioned = 0;
  let numWellConditioned = 0;
  const within = (field: number, tolerance: number, what: string) => {
    const difference = Math.abs(actual[field] - summaries[field]);
    expect(difference, `${what}: ${actual[field]} vs ${summaries[field]} (float32-sized errors move it by ${spread[field]})`).toBeLessThanOrEqual(tolerance);
    return difference;
  };
  for (let offset = 0; offset < summaries.length; offset += SUMMARY_STRIDE) {
    const runIndex = offset / SUMMARY_STRIDE;
    const run = `${label}, run ${runIndex}`;
    const stable =
      pathSpread[runIndex] < TOLERANCE &&
      spread[offset + FINAL_POINT] < PERTURBATION &&
      spread[offset + FINAL_POINT + 1] < PERTURBATION &&
      spread[offset + CONVERGED_STEP] === 0 &&
      spread[offset + MINIMUM_INDEX] === 0;
    if (stable) numWellConditioned++;
    const scaleOf = (field: number) => Math.max(1, Math.abs(summaries[field]));
    for (const coordinate of [0, 1]) {
      const field = offset + FINAL_POINT + coordinate;
      const slack = stable ? 0 : Math.max(4 * spread[field], 20 * learningRateOf(runIndex));
      const relative = within(field, TOLERANCE * scaleOf(field) + slack, `${run}: final ${'xy'[coordinate]}${stable ? '' : ' (a sensitive run)'}`) / scaleOf(field);
      largest = Math.max(largest, relative);
      if (stable) wellConditioned = Math.max(wellConditioned, relative);
    }
    if (stable || actual[offset + DIVERGED_STEP] >= 0) {
      within(offset + FINAL_LOSS, (stable ? TOLERANCE : 0.01) * scaleOf(offset + FINAL_LOSS) + 4 * spread[offset + FINAL_LOSS] + evaluationError, `${run}: final loss`);
    }
    else {
      // the final point may lie anywhere its slack allows, and f varies over that much more than six
      // perturbed reruns sample (RMSprop at lr = 0.08 hovering about the minimum ends anywhere on a
      // band of losses 0.06 wide): the final loss is held to being f at the final point the GPU reports
      gpuPoint[0] = actual[offset + FINAL_POINT];
      gpuPoint[1] = actual[offset + FINAL_POINT + 1];
      const value = objective.valueAndGradient(gpuPoint, gradient);
      const difference = Math.abs(actual[offset + FINAL_LOSS] - value);
      expect(difference, `${run}: final loss ${actual[offset + FINAL_LOSS]} is not f = ${value} at the final point (${gpuPoint[0]}, ${gpuPoint[1]})`).toBeLessThanOrEqual(
        float32ValueTolerance(value, gradient, gpuPoint) + evaluationError,
      );
    }
    within(offset + BEST_LOSS, (stable ? TOLERANCE : 0.01) * scaleOf(offset + BEST_LOSS) + 4 * spread[offset + BEST_LOSS] + evaluationError, `${run}: best loss`);
    within(offset + DIVERGED_STEP, 4 * spread[offset + DIVERGED_STEP], `${run}: divergence step`);
    const [gpuStep, referenceStep] = [actual[offset + CONVERGED_STEP], summaries[offset + CONVERGED_STEP]];
    const bothConverged = gpuStep >= 0 && referenceStep >= 0;
    if (!stable) {
      // a sensitive run may wander in and out of the radius at other times, but not to another minimum
      if (bothConverged) within(offset + MINIMUM_INDEX, 4 * spread[offset + MINIMUM_INDEX], `${run}: minimum reached (a sensitive run)`);
      continue;
    }
    // a run that creeps along the edge of the radius may cross it steps apart, or only in one path:
    // accepted where the float64 trajectory itself lies within 1e-4 of the radius in between
    if (Math.abs(gpuStep - referenceStep) > 1 && skimsRadius?.(runIndex, gpuStep, referenceStep)) {
      if (bothConverged) within(offset + MINIMUM_INDEX, 0, `${run}: minimum reached`);
      continue;
    }
    within(offset + CONVERGED_STEP, 1, `${run}: convergence step`);
    within(offset + MINIMUM_INDEX, 0, `${run}: minimum reached`);
  }
  return { largest, wellConditioned, numWellConditioned };
}
