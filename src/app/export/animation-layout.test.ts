import { describe, expect, test } from 'vitest';
import { animationLayout, FRAME_SIZES, LOGICAL_FRAME } from './animation-layout';

// Oracle: the regions worked out by hand for a 640 × 400 logical frame.

describe('the layout of an animation frame', () => {
  test('the map beside the chart fills the frame without overlap', () => {
    const layout = animationLayout('map-and-chart', 640, 400);
    expect(layout.scale).toBe(1);
    expect(layout.map).toEqual({ x: 0, y: 0, width: 352, height: 400 });
    expect(layout.chart).toEqual({ x: 352, y: 0, width: 288, height: 400 });
  });

  test('a larger frame is the same layout drawn larger', () => {
    for (const { width, height } of FRAME_SIZES) {
      const layout = animationLayout('map-and-chart', width, height);
      expect(layout.scale).toBe(width / LOGICAL_FRAME.width);
      expect(layout.map).toEqual(animationLayout('map-and-chart', 640, 400).map);
    }
  });

  test('one view alone takes the whole frame', () => {
    expect(animationLayout('map', 1280, 800)).toEqual({ scale: 2, map: { x: 0, y: 0, width: 640, height: 400 }, chart: null });
    expect(animationLayout('chart', 640, 400)).toEqual({ scale: 1, map: null, chart: { x: 0, y: 0, width: 640, height: 400 } });
  });
});
