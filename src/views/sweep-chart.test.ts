import { describe, expect, it } from 'vitest';
import { SUMMARY_STRIDE } from '../engine/batch/types';
import { bestIndex, nearestComputed, sweepLine, sweepMapping } from './sweep-chart';

// Oracles: learning rates computed here as min·(max/min)^(j/(n−1)) with Math.pow, independently of
// engine/batch/cells.ts; summaries laid out by hand in SUMMARY_FIELDS order.

/** Summaries of n runs: final loss `final[j]`, best loss half of it, diverged where `diverged[j]`. */
function summaries(final: number[], diverged: boolean[] = []): Float64Array {
  const out = new Float64Array(final.length * SUMMARY_STRIDE);
  final.forEach((loss, j) => out.set([0, 0, loss, loss / 2, -1, diverged[j] ? 3 : -1, -1], j * SUMMARY_STRIDE));
  return out;
}

describe('sweepLine', () => {
  it('pairs each log-spaced learning rate with its run’s loss', () => {
    const job = { learningRates: { min: 1e-3, max: 1, count: 4 } };
    const line = sweepLine(summaries([4, 3, 2, 1e6], [false, false, false, true]), job, 'final');
    Array.from(line.learningRates).forEach((rate, j) => expect(rate).toBeCloseTo(1e-3 * Math.pow(1000, j / 3), 15));
    expect(Array.from(line.loss)).toEqual([4, 3, 2, 1e6]);
    expect(Array.from(line.diverged)).toEqual([0, 0, 0, 1]);
    expect(Array.from(sweepLine(summaries([4, 3, 2, 1]), job, 'best').loss)).toEqual([2, 1.5, 1, 0.5]);
  });

  it('reads row k of a 2-D sweep (run i = k·count + j)', () => {
    const job = { learningRates: { min: 0.1, max: 1, count: 2 } };
    expect(Array.from(sweepLine(summaries([1, 2, 3, 4, 5, 6]), job, 'final', 2).loss)).toEqual([5, 6]);
  });
});

describe('picking points', () => {
  const line = { learningRates: Float64Array.from([0.001, 0.01, 0.1, 1]), loss: Float64Array.from([5, NaN, 0.5, 0.1]), diverged: Uint8Array.from([0, 0, 0, 1]) };

  it('the best is the lowest loss of a run that did not diverge', () => {
    expect(bestIndex(line)).toBe(2);
    expect(bestIndex({ loss: Float64Array.from([NaN]), diverged: Uint8Array.from([0]) })).toBe(-1);
  });

  it('a click picks the computed rate nearest on the log scale', () => {
    expect(nearestComputed(line, 0.02)).toBe(2); // 0.01 is not computed yet; 0.001 is 20x away, 0.1 is 5x
    expect(nearestComputed(line, 0.002)).toBe(0);
    expect(nearestComputed(line, 0.05)).toBe(2);
    expect(nearestComputed(line, 50)).toBe(3);
  });
});

describe('sweepMapping', () => {
  it('plots log f, or log (f − f*) when some loss is ≤ 0 and f* is known', () => {
    const positive = { loss: Float64Array.from([1, 0.1]), diverged: Uint8Array.from([0, 0]) };
    expect(sweepMapping(positive, 0)).toMatchObject({ log: true, gap: false });
    const negative = { loss: Float64Array.from([-1.0316, 0.5]), diverged: Uint8Array.from([0, 0]) };
    const gap = sweepMapping(negative, -1.0316284);
    expect(gap).toMatchObject({ log: true, gap: true });
    expect(gap.plot(0.5)).toBeCloseTo(1.5316284, 12);
    expect(sweepMapping(negative, null)).toMatchObject({ log: false });
  });
});
