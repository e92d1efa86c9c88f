import { describe, expect, it } from 'vitest';
import { summaryStride } from '../engine/batch/types';
import { bestIndex, nearestComputed, sweepLine, sweepMapping } from './sweep-chart';

// Oracles: learning rates computed here as min·(max/min)^(j/(n−1)) with Math.pow, independently of
// engine/batch/cells.ts; summaries laid out by hand in SUMMARY_OFFSET order.

/** Summaries of n runs on `dimension` coordinates: final loss `final[j]`, best loss half of it, diverged where `diverged[j]`. */
function summaries(final: number[], diverged: boolean[] = [], dimension = 2): Float64Array {
  const stride = summaryStride(dimension);
  const out = new Float64Array(final.length * stride);
  final.forEach((loss, j) => out.set([loss, loss / 2, -1, diverged[j] ? 3 : -1, -1, ...new Array<number>(dimension).fill(7)], j * stride));
  return out;
}

describe('sweepLine', () => {
  it('pairs each log-spaced learning rate with its run’s loss', () => {
    const job = { start: [0, 0], learningRates: { min: 1e-3, max: 1, count: 4 } };
    const line = sweepLine(summaries([4, 3, 2, 1e6], [false, false, false, true]), job, 'final');
    Array.from(line.learningRates).forEach((rate, j) => expect(rate).toBeCloseTo(1e-3 * Math.pow(1000, j / 3), 15));
    expect(Array.from(line.loss)).toEqual([4, 3, 2, 1e6]);
    expect(Array.from(line.diverged)).toEqual([0, 0, 0, 1]);
    expect(Array.from(sweepLine(summaries([4, 3, 2, 1]), job, 'best').loss)).toEqual([2, 1.5, 1, 0.5]);
  });

  it('reads row k of a 2-D sweep (run i = k·count + j)', () => {
    const job = { start: [0, 0], learningRates: { min: 0.1, max: 1, count: 2 } };
    expect(Array.from(sweepLine(summaries([1, 2, 3, 4, 5, 6]), job, 'final', 2).loss)).toEqual([5, 6]);
  });

  it('reads an n-dimensional sweep’s summaries at its stride (the final point has a coordinate per dimension)', () => {
    const job = { start: new Array<number>(10).fill(0), learningRates: { min: 0.1, max: 1, count: 3 } };
    const line = sweepLine(summaries([1, 2, 3], [false, true, false], 10), job, 'best');
    expect(Array.from(line.loss)).toEqual([0.5, 1, 1.5]);
    expect(Array.from(line.diverged)).toEqual([0, 1, 0]);
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
