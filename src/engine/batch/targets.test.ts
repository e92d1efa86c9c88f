import { describe, expect, it } from 'vitest';
import { TARGET_PRECISIONS, targetHits } from './targets';

describe('targetHits', () => {
  // best f so far at five points, with the function evaluations made by each
  const bestLoss = [10, 0.5, 0.05, 0.05, 0.0009];
  const evaluations = [1, 3, 5, 7, 9];

  it('reads the evaluations at the first point within each target', () => {
    // 0.05 ≤ 0.1 first at point 2 (5 evaluations); 0.0009 ≤ 0.01 and ≤ 0.001 at point 4 (9)
    expect(Array.from(targetHits(bestLoss, evaluations, 0, [1e-1, 1e-2, 1e-3]))).toEqual([5, 9, 9]);
    // f* = 0.045: 0.05 − 0.045 ≈ 0.005 meets 1e-2 at point 2 already; 0.0009 − 0.045 < 0 meets every target
    expect(Array.from(targetHits(bestLoss, evaluations, 0.045, [1e-1, 1e-2, 1e-8]))).toEqual([5, 5, 9]);
  });

  it('leaves a target never reached, or every target without a known f*, as NaN', () => {
    // 0.5 ≤ 1 first at point 1 (3 evaluations)
    expect(Array.from(targetHits(bestLoss, evaluations, 0, [1e-4, 1]))).toEqual([NaN, 3]);
    expect(Array.from(targetHits(bestLoss, evaluations, null, [1e-1]))).toEqual([NaN]);
  });

  it('uses the COCO targets 1e-1 .. 1e-8', () => {
    expect(TARGET_PRECISIONS).toEqual([1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]);
  });
});
