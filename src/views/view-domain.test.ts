import { describe, expect, it } from 'vitest';
import type { Domain } from '../engine/objective';
import { mapScales, parameterPoint, type ScreenPoint } from './scales';
import { clampZoomFactor, formatCoordinate, pinchDomain, formatSignificant, nudgeOffset, panDomain, roundToView, sameDomain, wheelZoomFactor, zoomDomain, ZOOM_LIMITS } from './view-domain';

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

describe('pinchDomain', () => {
  // a 400 × 400 pixel plot of HOME inside a margin, as the map draws it
  const MARGIN = { top: 20, right: 70, bottom: 40, left: 50 };
  const scales = mapScales(HOME, 520, 460, MARGIN);
  const screen = (x: number, y: number) => [x, y] as unknown as ScreenPoint;
  /** Where the points first touched are drawn on the view after the pinch (mapScales: the map's own conversion). */
  const afterPinch = (from: [ScreenPoint, ScreenPoint], to: [ScreenPoint, ScreenPoint]) => {
    const touched = from.map(([px, py]) => scales.toParameter(px, py));
    const pinched = mapScales(pinchDomain(scales, from, to, HOME), 520, 460, MARGIN);
    return touched.map(([x, y]) => [pinched.x(x), pinched.y(y)]);
  };

  it('spreading the fingers to twice the distance halves the view about their midpoint, which stays put', () => {
    // fingers at (150, 220) and (250, 220), pulled to (100, 220) and (300, 220)
    const domain = pinchDomain(scales, [screen(150, 220), screen(250, 220)], [screen(100, 220), screen(300, 220)], HOME);
    // midpoint (200, 220) is x = -2 + 150/400·4 = -0.5, y = 3 - 200/400·4 = 1; the view 2 wide around it
    const expected = [
      [-0.5 - 1.5 / 2, -0.5 + 2.5 / 2],
      [1 - 2 / 2, 1 + 2 / 2],
    ];
    domain.flat().forEach((value, i) => expect(value).toBeCloseTo(expected.flat()[i], 12));
  });

  it('keeps the points first touched under the fingers through a zoom and a move together', () => {
    const from: [ScreenPoint, ScreenPoint] = [screen(120, 300), screen(260, 180)];
    // the same pair scaled by 1.6 about (190, 240) and moved by (35, -50): a pinch without rotation
    const to = from.map(([px, py]) => screen(190 + (px - 190) * 1.6 + 35, 240 + (py - 240) * 1.6 - 50)) as [ScreenPoint, ScreenPoint];
    afterPinch(from, to).forEach((point, finger) => {
      expect(point[0]).toBeCloseTo(to[finger][0], 9);
      expect(point[1]).toBeCloseTo(to[finger][1], 9);
    });
  });

  it('two fingers moved together pan the view by their distance', () => {
    const domain = pinchDomain(scales, [screen(100, 100), screen(200, 200)], [screen(140, 60), screen(240, 160)], HOME);
    // 40 px right and 40 px up at 0.01 units per pixel: the view moves 0.4 left and 0.4 down
    const expected = [
      [-2.4, 1.6],
      [-1.4, 2.6],
    ];
    domain.flat().forEach((value, i) => expect(value).toBeCloseTo(expected.flat()[i], 12));
  });

  it('stops at the zoom limits, and fingers on one spot only pan', () => {
    // a view already as deep as allowed: spreading the fingers zooms no further
    const deepest = mapScales(
      [
        [0, 4 * ZOOM_LIMITS.closest],
        [0, 4 * ZOOM_LIMITS.closest],
      ],
      520,
      460,
      MARGIN,
    );
    const deeper = pinchDomain(deepest, [screen(150, 200), screen(250, 200)], [screen(100, 200), screen(300, 200)], HOME);
    expect((deeper[0][1] - deeper[0][0]) / 4).toBeCloseTo(ZOOM_LIMITS.closest, 15);
    const still = pinchDomain(scales, [screen(200, 200), screen(200, 200)], [screen(210, 200), screen(210, 200)], HOME);
    expect(still[0][1] - still[0][0]).toBeCloseTo(4, 12);
    expect(still[0][0]).toBeCloseTo(-2.1, 12);
  });
});
