import { describe, expect, it } from 'vitest';
import {
  axisTitle,
  formatCount,
  formatLoss,
  formatMilliseconds,
  formatPowerOfTen,
  logTickExponents,
  nearestIndex,
  timeNoiseNote,
  wallTimesAtResolution,
  xAt,
  xExtent,
  yExtent,
  yMapping,
  type LossCurve,
} from './loss-series';

function curve(loss: number[], diverged: LossCurve['diverged'] = null, evaluations?: number[], elapsedMs?: number[]): LossCurve {
  return {
    label: 'run',
    color: '#000',
    loss,
    cost: evaluations ?? loss.map((_, index) => index),
    elapsedMs: elapsedMs ?? loss.map((_, index) => index * 0.5),
    diverged,
  };
}

describe('yMapping', () => {
  it('plots log f as f on a log axis when every loss is positive', () => {
    const mapping = yMapping('log', null, [curve([4, 2, 1e-9])]);
    expect(mapping.log).toBe(true);
    expect(mapping.plot(2)).toBe(2);
    expect(mapping.title).toBe('loss f (log scale)');
  });

  it('falls back to a linear axis, and says why, when some loss is ≤ 0', () => {
    const mapping = yMapping('log', null, [curve([3, 0.5]), curve([1, -1.03])]);
    expect(mapping.log).toBe(false);
    expect(mapping.title).toContain('f ≤ 0');
  });

  it('plots f − f* and lifts gaps ≤ 0 a decade below the smallest positive gap', () => {
    // six-hump camel: f* = −1.0316; one run lands exactly on it, one a hair below (rounding)
    const fStar = -1.0316;
    const mapping = yMapping('gap', fStar, [curve([2, -1.0315, fStar]), curve([0, fStar - 1e-15])]);
    expect(mapping.log).toBe(true);
    expect(mapping.plot(2)).toBeCloseTo(3.0316, 12);
    const smallestGap = -1.0315 - fStar;
    expect(mapping.plot(fStar)).toBeCloseTo(smallestGap / 10, 15);
    expect(mapping.plot(fStar - 1e-15)).toBeCloseTo(smallestGap / 10, 15);
    expect(mapping.title).toContain('f − f*');
  });

  it('treats "gap" without a known f* as log f', () => {
    expect(yMapping('gap', null, [curve([1, 2])]).title).toBe('loss f (log scale)');
  });

  it('never plots a non-finite loss', () => {
    expect(yMapping('linear', null, []).plot(Infinity)).toBeNaN();
    expect(yMapping('gap', 0, [curve([1])]).plot(NaN)).toBeNaN();
  });
});

describe('yExtent', () => {
  it('spans every value of runs that did not diverge', () => {
    const mapping = yMapping('log', null, []);
    expect(yExtent([curve([10, 1, 0.01]), curve([5, 20, 0.1])], mapping)).toEqual([0.01, 20]);
  });

  it('lets a diverging run leave through the top instead of squashing the others', () => {
    const mapping = yMapping('log', null, []);
    const diverging = curve([8, 1e3, 1e20, 1e40], { step: 4, reason: 'x became NaN' });
    expect(yExtent([curve([10, 1, 0.01]), diverging], mapping)).toEqual([0.01, 10]);
  });

  it('widens a single value to a decade (log) or a unit (linear)', () => {
    expect(yExtent([curve([5])], yMapping('log', null, []))).toEqual([0.5, 50]);
    expect(yExtent([curve([0])], yMapping('linear', null, []))).toEqual([-1, 1]);
  });
});

describe('x axis', () => {
  const timed = curve([3, 2, 1], null, [1, 3, 5], [0, 0.25, 2]);

  it('reads step, evaluations or wall time of a point', () => {
    expect([xAt(timed, 'step', 2), xAt(timed, 'evaluations', 2), xAt(timed, 'time', 2)]).toEqual([2, 5, 2]);
  });

  it('spans every step asked for, even before a run has computed them', () => {
    expect(xExtent([timed], 'step', 300)).toEqual([0, 300]);
    expect(xExtent([timed], 'evaluations', 300)).toEqual([0, 5]);
    expect(xExtent([], 'time', 300)).toEqual([0, 1]);
  });

  it('spans at least ten ticks of the clock on wall time, so runs shorter than that are not stretched across the plot', () => {
    // the run ends at 2 ms: a 0.1 ms clock leaves it be, a 1 ms clock widens the axis to 10 ms
    expect(xExtent([timed], 'time', 300, 0.1)).toEqual([0, 2]);
    expect(xExtent([timed], 'time', 300, 1)).toEqual([0, 10]);
    expect(xExtent([], 'time', 300, 0.1)).toEqual([0, 1]);
    // the other axes do not depend on the clock
    expect(xExtent([timed], 'step', 300, 1)).toEqual([0, 300]);
    expect(xExtent([timed], 'evaluations', 300, 1)).toEqual([0, 5]);
  });

  it('titles the wall-time axis with the clock it was read from', () => {
    expect(axisTitle('time', 0.1)).toBe('wall time (ms; the clock ticks every 0.1 ms)');
    expect(axisTitle('time', 0.09999999962747097)).toBe('wall time (ms; the clock ticks every 0.1 ms)');
    expect(axisTitle('time', null)).toBe('wall time (ms)');
    expect(axisTitle('step', 0.1)).toBe('step');
    expect(axisTitle('evaluations', 0.1)).toBe('function evaluations');
  });
});

describe('timeNoiseNote', () => {
  const ending = (label: string, totalMs: number): LossCurve => ({ ...curve([3, 2, 1], null, [1, 2, 3], [0, totalMs / 2, totalMs]), label });

  it('names the runs that finished within ten ticks of the clock', () => {
    // a 0.1 ms clock: 1 ms is ten ticks
    expect(timeNoiseNote([ending('SGD', 0.1), ending('Adam', 0.2), ending('Newton', 40)], 0.1)).toBe(
      "SGD and Adam took under 1 ms, less than 10 ticks of the browser's 0.1 ms clock: differences that small are timer noise, not speed, " +
        'and each is drawn at an even pace over its measured time. Compare steps or evaluations instead.',
    );
    expect(timeNoiseNote([ending('A', 0.3), ending('B', 5), ending('C', 0.9), ending('D', 0.5)], 0.1)).toMatch(/^A, C and D took under 1 ms/);
  });

  it('speaks of every run, or of this run, when none could be measured', () => {
    expect(timeNoiseNote([ending('SGD', 0.1), ending('Adam', 0.2)], 0.1)).toMatch(/^Every run took under 1 ms, less than 10 ticks of the browser's 0\.1 ms clock/);
    expect(timeNoiseNote([ending('SGD', 3)], 1)).toMatch(/^This run took under 10 ms, less than 10 ticks of the browser's 1 ms clock: .*, and it is drawn at an even pace/);
  });

  it('says nothing when every run took long enough, or the clock is not known', () => {
    expect(timeNoiseNote([ending('SGD', 1), ending('Adam', 25)], 0.1)).toBeNull();
    expect(timeNoiseNote([ending('SGD', 0.1)], null)).toBeNull();
    expect(timeNoiseNote([], 0.1)).toBeNull();
  });
});

describe('nearestIndex', () => {
  it('finds the closest entry like a linear scan does', () => {
    const values = [0, 0.5, 0.5, 2, 7, 7.5, 100];
    for (const target of [-3, 0, 0.2, 0.3, 0.5, 1.24, 1.26, 4.5, 7.3, 60, 1e9]) {
      let best = 0;
      for (let index = 1; index < values.length; index++) {
        if (Math.abs(values[index] - target) < Math.abs(values[best] - target)) best = index;
      }
      expect(nearestIndex(values, target), `target ${target}`).toBe(best);
    }
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('axis text', () => {
  it('writes powers of ten with superscripts', () => {
    expect([-12, -3, 0, 1, 2, 15].map(formatPowerOfTen)).toEqual(['10⁻¹²', '10⁻³', '1', '10', '10²', '10¹⁵']);
  });

  it('labels at most six powers of ten, always the top one', () => {
    expect(logTickExponents(1e-3, 10)).toEqual([-3, -2, -1, 0, 1]);
    // 10⁻³⁰..10³ holds 34 powers: every ceil(34 / 6) = 6th, counted down from the top
    expect(logTickExponents(1e-30, 1e3)).toEqual([-27, -21, -15, -9, -3, 3]);
    expect(logTickExponents(2, 9)).toEqual([]);
  });

  it('formats losses and counts for people', () => {
    expect(formatLoss(0.012345678)).toBe('0.01235');
    expect(formatLoss(1.5e-7)).toBe('1.5e-7');
    expect(formatLoss(0)).toBe('0');
    expect(formatCount(1500)).toBe('1,500');
    expect(formatCount(20_000)).toBe('20k');
    expect([0.04567, 12.345, 4321.6].map(formatMilliseconds)).toEqual(['0.0457', '12.3', '4,322']);
  });
});

describe('wallTimesAtResolution', () => {
  it('spreads a run shorter than ten ticks at an even pace over its measured time', () => {
    // a 0.1 ms clock saw this 5-point run as a staircase: 0, 0, 0.1, 0.1, 0.2
    expect(Array.from(wallTimesAtResolution([0, 0, 0.1, 0.1, 0.2], 0.1))).toEqual([0, 0.05, 0.1, 0.15000000000000002, 0.2]);
    // it never moved: every point at 0
    expect(Array.from(wallTimesAtResolution([0, 0, 0], 0.1))).toEqual([0, 0, 0]);
  });

  it('keeps the readings of a run long enough for the clock, and of any run when the clock is not known', () => {
    const long = [0, 0.4, 0.5, 1.5];
    expect(wallTimesAtResolution(long, 0.1)).toBe(long);
    const short = [0, 0.1, 0.1];
    expect(wallTimesAtResolution(short, null)).toBe(short);
    expect(wallTimesAtResolution([0.3], 0.1)).toEqual([0.3]);
  });
});
