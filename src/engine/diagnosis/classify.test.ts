import { describe, expect, it } from 'vitest';
import type { Domain } from '../objective';
import { classifyPath, MIN_OSCILLATION_STEPS, MIN_STEP_FRACTION, type RecordedPath } from './classify';

// Crafted 2-D paths with known fates, classified from their points and losses alone.

const VIEW: Domain = [
  [-2, 2],
  [-1, 3],
];
const SCALE = Math.hypot(4, 4);

/** A path from its points; f is `loss(point, k)` (default: the squared distance to the origin). */
function pathOf(points: readonly (readonly [number, number])[], loss = (point: readonly [number, number]) => point[0] ** 2 + point[1] ** 2): RecordedPath {
  return { dimension: 2, trajectory: Float64Array.from(points.flat()), loss: Float64Array.from(points, (point) => loss(point)), diverged: null };
}

/** Points k = 0..steps of `at(k)`. */
function pointsOf(steps: number, at: (k: number) => readonly [number, number]): (readonly [number, number])[] {
  return Array.from({ length: steps + 1 }, (_, k) => at(k));
}

describe('classifyPath', () => {
  it('reports the runner’s divergence first', () => {
    const path = { ...pathOf([[0, 0], [1, 1]]), diverged: { step: 2 } };
    expect(classifyPath(path, VIEW, SCALE)).toEqual({ kind: 'diverged', step: 2 });
  });

  it('flags a path that leaves the view and ends outside, at the exit that counts', () => {
    // in, out at step 2, back in at 3, out for good at step 5
    const path = pathOf([[0, 1], [1, 1], [3, 1], [1, 1], [1.5, 2], [2.5, 2], [4, 2]]);
    expect(classifyPath(path, VIEW, SCALE)).toEqual({ kind: 'left-view', step: 5, firstExit: 2 });
  });

  it('flags a path that bounces outside most of the time even if its last point is inside', () => {
    // out on every step but each fourth, ending inside: mostly outside over the last window
    const path = pathOf(pointsOf(40, (k) => (k === 0 || k % 4 === 0 ? [0, 1] : [10, 10])));
    expect(classifyPath(path, VIEW, SCALE)).toEqual({ kind: 'left-view', step: 1, firstExit: 1 });
  });

  it('does not flag a short excursion that comes back, nor a start placed outside the view', () => {
    const excursion = pathOf(pointsOf(60, (k) => (k === 3 ? [2.5, 1] : [1 / (k + 1), 1 / (k + 1)])));
    expect(classifyPath(excursion, VIEW, SCALE).kind).toBe('fine');
    const outside = pathOf(pointsOf(30, (k) => [5 + 1 / (k + 1), 5]));
    expect(classifyPath(outside, VIEW, SCALE).kind).toBe('fine');
    // without a view (an n-D problem) nothing is left
    const away = pathOf(pointsOf(30, (k) => [k, k]), () => 1);
    expect(classifyPath(away, undefined, SCALE).kind).not.toBe('left-view');
  });

  it('flags a two-cycle: every step reverses, the steps keep their size and f stays put', () => {
    // gradient descent on x² at lr = 2/λ = 1: x → −x
    const path = pathOf(pointsOf(100, (k) => [k % 2 === 0 ? 1.5 : -1.5, 0.5]));
    const verdict = classifyPath(path, VIEW, SCALE);
    expect(verdict.kind).toBe('oscillating');
    if (verdict.kind !== 'oscillating') return;
    // the last quarter of 100 steps, and every successive pair reversed
    expect(verdict.windowSteps).toBe(25);
    expect(verdict.step).toBe(75);
    expect(verdict.reversals).toBe(verdict.pairs);
    expect(verdict.pairs).toBe(24);
    expect(verdict.meanStepLength).toBeCloseTo(3, 12);
    expect(verdict.bestLossEarly).toBeCloseTo(2.5, 12);
  });

  it('flags a zigzag along its dominant direction, not along the coordinate axes', () => {
    // bouncing across the diagonal valley y = x while sliding nowhere: steps ±(1, −1)
    const path = pathOf(pointsOf(80, (k) => (k % 2 === 0 ? [0.5, -0.5] : [-0.5, 0.5])), () => 1);
    const verdict = classifyPath(path, VIEW, SCALE);
    expect(verdict.kind).toBe('oscillating');
  });

  it('flags a loop round a point that never settles', () => {
    // an orbit of radius 1, 12 points a turn: no reversal along one direction, but no net progress
    const path = pathOf(pointsOf(120, (k) => [Math.cos((k * Math.PI) / 6), 1 + Math.sin((k * Math.PI) / 6)]), () => 1);
    expect(classifyPath(path, VIEW, SCALE).kind).toBe('oscillating');
  });

  it('does not flag a zigzag that converges, a steady walk downhill, tiny jitter or a short run', () => {
    const converging = pathOf(pointsOf(200, (k) => [1.5 * (-0.9) ** k, 0]));
    expect(classifyPath(converging, VIEW, SCALE).kind).toBe('fine');
    const downhill = pathOf(pointsOf(200, (k) => [-1.5 + 0.01 * k, 0]), (point) => -point[0]);
    expect(classifyPath(downhill, VIEW, SCALE).kind).toBe('fine');
    const amplitude = (MIN_STEP_FRACTION * SCALE) / 4;
    const jitter = pathOf(pointsOf(200, (k) => [k % 2 === 0 ? amplitude : -amplitude, 0]));
    expect(classifyPath(jitter, VIEW, SCALE).kind).toBe('fine');
    const short = pathOf(pointsOf(MIN_OSCILLATION_STEPS - 1, (k) => [k % 2 === 0 ? 1 : -1, 0]));
    expect(classifyPath(short, VIEW, SCALE).kind).toBe('fine');
  });

  it('does not call a noisy random walk at a minimum oscillating, but does a noisy two-cycle', () => {
    // a deterministic random walk (LCG) with f constant: it wanders in place, reversing about half the time
    let state = 12345;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    let point: [number, number] = [0, 1];
    const walk = pointsOf(200, () => (point = [point[0] + 0.05 * uniform(), point[1] + 0.05 * uniform()]));
    expect(classifyPath(pathOf(walk, () => 0), VIEW, SCALE, true).kind).toBe('fine');
    const cycle = pathOf(pointsOf(200, (k) => [(k % 2 === 0 ? 1 : -1) + 0.01 * uniform(), 1]), () => 1);
    expect(classifyPath(cycle, VIEW, SCALE, true).kind).toBe('oscillating');
  });
});
