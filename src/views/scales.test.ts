import { describe, expect, it } from 'vitest';
import { mapScales, plotHeightFor, runColor, RUN_COLORS } from './scales';

describe('mapScales', () => {
  const scales = mapScales(
    [
      [-2, 2],
      [-1, 3],
    ],
    640,
    520,
    { top: 20, right: 80, bottom: 40, left: 60 },
  );

  it('puts the domain corners on the plot corners, y growing upwards', () => {
    expect(scales.toScreen(-2, -1)).toEqual([60, 480]);
    expect(scales.toScreen(2, 3)).toEqual([560, 20]);
    expect(scales.box).toEqual({ left: 60, right: 560, top: 20, bottom: 480 });
  });

  it('toParameter undoes toScreen', () => {
    const [px, py] = scales.toScreen(0.37, 1.91);
    const [x, y] = scales.toParameter(px, py);
    expect(x).toBeCloseTo(0.37, 12);
    expect(y).toBeCloseTo(1.91, 12);
  });

  it('contains the plot area and nothing outside it', () => {
    expect(scales.contains(60, 20)).toBe(true);
    expect(scales.contains(300, 300)).toBe(true);
    expect(scales.contains(59, 300)).toBe(false);
    expect(scales.contains(300, 481)).toBe(false);
  });
});

describe('plotHeightFor', () => {
  it('gives a square domain a square plot: one unit of y as long as one of x', () => {
    expect(
      plotHeightFor(
        [
          [-2, 2],
          [-1, 3],
        ],
        500,
      ),
    ).toBe(500);
    expect(
      plotHeightFor(
        [
          [-2, 2],
          [-1, 1],
        ],
        500,
      ),
    ).toBe(250);
  });

  it('clamps domains so wide or tall that the plot would become a strip', () => {
    expect(
      plotHeightFor(
        [
          [0, 100],
          [0, 1],
        ],
        500,
      ),
    ).toBe(250);
    expect(
      plotHeightFor(
        [
          [0, 1],
          [0, 100],
        ],
        500,
      ),
    ).toBe(625);
  });
});

describe('runColor', () => {
  it('cycles through the Okabe-Ito palette', () => {
    expect(runColor(0)).toBe('#E69F00');
    expect(runColor(RUN_COLORS.length)).toBe(runColor(0));
  });
});
