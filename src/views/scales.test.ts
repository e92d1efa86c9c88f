import { describe, expect, it } from 'vitest';
import { mapScales, MIN_PLOT_WIDTH, plotHeightFor, plotWidthToFit, runColor, RUN_COLORS } from './scales';

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

describe('plotWidthToFit', () => {
  const MARGIN = { top: 22, right: 78, bottom: 40, left: 56 };
  const SQUARE = [
    [-2, 2],
    [-1, 3],
  ] as [[number, number], [number, number]];
  const WIDE = [
    [-10, 10],
    [-2.5, 2.5],
  ] as [[number, number], [number, number]];

  it('takes the whole width when the height allows', () => {
    // 640 − 56 − 78 = 506 wide, 22 + 506 + 40 = 568 tall
    expect(plotWidthToFit(SQUARE, 640, Infinity, MARGIN)).toBe(506);
    expect(plotWidthToFit(SQUARE, 640, 568, MARGIN)).toBe(506);
  });

  it('narrows a square plot to the height left inside the margins', () => {
    // 500 − 22 − 40 = 438 pixels of height for a plot as tall as wide
    const plotWidth = plotWidthToFit(SQUARE, 900, 500, MARGIN);
    expect(plotWidth).toBe(438);
    expect(22 + plotHeightFor(SQUARE, plotWidth) + 40).toBeLessThanOrEqual(500);
  });

  it('gives a wide domain (aspect 0.5 after clamping) twice the height in width', () => {
    // 20 × 5 clamps to height = width / 2: 300 − 62 = 238 of height allow 476 of width
    expect(plotWidthToFit(WIDE, 900, 300, MARGIN)).toBe(476);
    expect(22 + plotHeightFor(WIDE, 476) + 40).toBeLessThanOrEqual(300);
  });

  it('never goes below the smallest plot', () => {
    expect(plotWidthToFit(SQUARE, 100, 80, MARGIN)).toBe(MIN_PLOT_WIDTH);
  });
});

describe('runColor', () => {
  it('cycles through the Okabe-Ito palette', () => {
    expect(runColor(0)).toBe('#E69F00');
    expect(runColor(RUN_COLORS.length)).toBe(runColor(0));
  });
});
