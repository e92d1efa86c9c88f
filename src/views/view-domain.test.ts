import { describe, expect, it } from 'vitest';
import type { Domain } from '../engine/objective';
import { parameterPoint } from './scales';
import { clampZoomFactor, formatCoordinate, formatSignificant, nudgeOffset, panDomain, roundToView, sameDomain, wheelZoomFactor, zoomDomain, ZOOM_LIMITS } from './view-domain';

const HOME: Domain = [
  [-2, 2],
  [-1, 3],
];

describe('zoomDomain', () => {
  it('keeps the point under the cursor where it is and scales both widths by the factor', () => {
    const center = parameterPoint(1, 2);
    const zoomed = zoomDomain(HOME, center, 0.5);
    expect(zoomed).toEqual([
      [-0.5, 1.5],
      [0.5, 2.5],
    ]);
    // the cursor's fraction of the way across the view is unchanged: (1 - -2) / 4 = (1 - -0.5) / 2
    expect((1 - zoomed[0][0]) / (zoomed[0][1] - zoomed[0][0])).toBeCloseTo((1 - HOME[0][0]) / 4, 15);
    expect((2 - zoomed[1][0]) / (zoomed[1][1] - zoomed[1][0])).toBeCloseTo((2 - HOME[1][0]) / 4, 15);
  });

  it('zooming in and out by inverse factors comes back to the start', () => {
    const center = parameterPoint(-0.3, 0.7);
    const there = zoomDomain(HOME, center, 0.8);
    const back = zoomDomain(there, center, 1 / 0.8);
    back.flat().forEach((value, i) => expect(value).toBeCloseTo(HOME.flat()[i], 12));
  });
});

describe('clampZoomFactor', () => {
  it('passes ordinary factors through', () => {
    expect(clampZoomFactor(HOME, HOME, 0.8)).toBe(0.8);
  });

  it('stops a zoom at the closest and farthest views allowed', () => {
    const deep: Domain = [
      [0, 4 * ZOOM_LIMITS.closest],
      [0, 4 * ZOOM_LIMITS.closest],
    ];
    expect(clampZoomFactor(deep, HOME, 0.5)).toBeCloseTo(1, 12);
    const far: Domain = [
      [0, 4 * ZOOM_LIMITS.farthest],
      [0, 4 * ZOOM_LIMITS.farthest],
    ];
    expect(clampZoomFactor(far, HOME, 2)).toBeCloseTo(1, 12);
    expect(clampZoomFactor(HOME, HOME, 1e-9) * 4).toBeCloseTo(4 * ZOOM_LIMITS.closest, 15);
  });
});

describe('panDomain', () => {
  it('moves both ends of both axes by the offset', () => {
    expect(panDomain(HOME, 0.5, -1)).toEqual([
      [-1.5, 2.5],
      [-2, 2],
    ]);
  });
});

describe('wheelZoomFactor', () => {
  it('zooms out for a wheel turned towards the user, in for away, by e^(pixels / 500)', () => {
    expect(wheelZoomFactor(100, 0, false)).toBeCloseTo(Math.exp(0.2), 15);
    expect(wheelZoomFactor(-100, 0, false)).toBeCloseTo(Math.exp(-0.2), 15);
  });

  it('reads lines as 16 pixels, pages as 400, and a pinch (ctrl) ten times faster', () => {
    expect(wheelZoomFactor(3, 1, false)).toBeCloseTo(Math.exp(48 / 500), 15);
    expect(wheelZoomFactor(1, 2, false)).toBeCloseTo(Math.exp(400 / 500), 15);
    expect(wheelZoomFactor(10, 0, true)).toBeCloseTo(Math.exp(100 / 500), 15);
  });
});

describe('sameDomain', () => {
  it('compares numbers, not identity; null only equals null', () => {
    expect(sameDomain(HOME, HOME.map((axis) => [...axis]) as unknown as Domain)).toBe(true);
    expect(sameDomain(HOME, panDomain(HOME, 1e-12, 0))).toBe(false);
    expect(sameDomain(null, null)).toBe(true);
    expect(sameDomain(HOME, null)).toBe(false);
  });
});

describe('nudgeOffset', () => {
  it('moves a hundredth of the view per arrow, a tenth with Shift, up meaning larger y', () => {
    expect(nudgeOffset(HOME, 'ArrowRight', false)).toEqual([0.04, 0]);
    expect(nudgeOffset(HOME, 'ArrowLeft', false)).toEqual([-0.04, 0]);
    expect(nudgeOffset(HOME, 'ArrowUp', true)).toEqual([0, 0.4]);
    expect(nudgeOffset(HOME, 'ArrowDown', false)).toEqual([0, -0.04]);
    expect(nudgeOffset(HOME, 'Enter', false)).toBeNull();
  });
});

describe('roundToView and formatCoordinate', () => {
  it('keep a thousandth of the view: 3 decimals in a view 4 wide, 6 in one 0.004 wide', () => {
    expect(roundToView(-1.4987654321, 4)).toBe(-1.499);
    expect(roundToView(0.1234567891, 0.004)).toBe(0.123457);
    expect(roundToView(1234.5678, 4000)).toBe(1235);
    expect(formatCoordinate(-0.0001, 4)).toBe('0');
    expect(formatCoordinate(-1.5, 4)).toBe('-1.5');
  });

  it('show a 1 % nudge as a change', () => {
    const width = 4;
    const [dx] = nudgeOffset(HOME, 'ArrowRight', false)!;
    expect(formatCoordinate(-1.5 + dx, width)).not.toBe(formatCoordinate(-1.5, width));
  });
});

describe('formatSignificant', () => {
  it('gives five significant digits without trailing zeros', () => {
    expect(formatSignificant(1.23456789)).toBe('1.2346');
    expect(formatSignificant(-1.5)).toBe('-1.5');
    expect(formatSignificant(123456.7)).toBe('123460');
    expect(formatSignificant(1.234567e-7)).toBe('1.2346e-7');
    expect(formatSignificant(2.5e21)).toBe('2.5e+21');
    expect(formatSignificant(-0)).toBe('0');
  });

  it('names the values that are not numbers', () => {
    expect(formatSignificant(Infinity)).toBe('∞');
    expect(formatSignificant(-Infinity)).toBe('−∞');
    expect(formatSignificant(Number.NaN)).toBe('undefined (NaN)');
  });
});
