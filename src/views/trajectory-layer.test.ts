import { describe, expect, it } from 'vitest';
import { parameterPoint } from './scales';
import { shownPointIndex, startLabel } from './trajectory-layer';

describe('shownPointIndex', () => {
  it('is the step itself while the run has it, else its last point', () => {
    expect(shownPointIndex(301, 120)).toBe(120);
    expect(shownPointIndex(301, 300)).toBe(300);
    // a run that diverged after 42 points, or is still being computed up to the step
    expect(shownPointIndex(42, 300)).toBe(41);
    expect(shownPointIndex(301, Infinity)).toBe(300);
    expect(shownPointIndex(0, 10)).toBe(0);
  });
});

describe('startLabel', () => {
  it('names the run as people count (from 1) and rounds to the view', () => {
    expect(startLabel({ index: 1, start: parameterPoint(-1.5, 2) }, 4)).toBe('Start of run 2: -1.5, 2');
    expect(startLabel({ index: 0, start: parameterPoint(0.123456789, -0.5) }, 0.04)).toBe('Start of run 1: 0.12346, -0.5');
  });
});
