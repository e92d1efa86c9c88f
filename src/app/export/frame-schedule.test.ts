import { describe, expect, test } from 'vitest';
import { framesByCount, framesBySteps, lastRecordedStep, MAX_FRAMES } from './frame-schedule';

// Oracle: the schedules written out by hand, and the arithmetic of even spacing.

describe('the frames of an animation', () => {
  test('k steps apart from step 0, the last frame the last step', () => {
    expect(framesBySteps(10, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(framesBySteps(10, 5)).toEqual([0, 5, 10]);
    // 3 does not divide 10: the last step still ends the animation, nearer to the frame before it
    expect(framesBySteps(10, 3)).toEqual([0, 3, 6, 9, 10]);
    expect(framesBySteps(10, 50)).toEqual([0, 10]);
  });

  test('a run of one point is one frame of step 0', () => {
    expect(framesBySteps(0, 1)).toEqual([0]);
    expect(framesByCount(0, 100)).toEqual([0]);
  });

  test('nonsense steps per frame fall back to one', () => {
    expect(framesBySteps(3, 0)).toEqual([0, 1, 2, 3]);
    expect(framesBySteps(3, -2)).toEqual([0, 1, 2, 3]);
    expect(framesBySteps(3, 1.7)).toEqual([0, 1, 2, 3]);
  });

  test('never more than MAX_FRAMES frames, and still ending at the last step', () => {
    const steps = framesBySteps(100_000, 1);
    expect(steps.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(100_000);
    // ascending, no step twice
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
  });

  test('a frame count spreads the frames evenly over the steps', () => {
    expect(framesByCount(100, 5)).toEqual([0, 25, 50, 75, 100]);
    // 200 / 3 = 66.67: rounded to whole steps
    expect(framesByCount(200, 4)).toEqual([0, 67, 133, 200]);
    // more frames than steps: each step once
    expect(framesByCount(3, 10)).toEqual([0, 1, 2, 3]);
  });

  test('the last step of runs of n points is n − 1 for the longest', () => {
    expect(lastRecordedStep([101, 51, 1])).toBe(100);
    expect(lastRecordedStep([])).toBe(0);
  });
});
