import { describe, expect, it } from 'vitest';
import { placeDirectLabels } from './direct-labels';

// plot from y = 0 to y = 200, lines 16 px high: centres may lie in [8, 192]
describe('placeDirectLabels', () => {
  it('leaves labels that do not collide where they are wanted', () => {
    expect(placeDirectLabels([50, 120, 20], 16, 0, 200)).toEqual([50, 120, 20]);
  });

  it('pushes close labels apart, one line each, keeping their order', () => {
    // 100 and 105 collide: the lower one goes to 100 + 16
    expect(placeDirectLabels([105, 100], 16, 0, 200)).toEqual([116, 100]);
    // three at 60: 60, 76, 92 in run order
    expect(placeDirectLabels([60, 60, 60], 16, 0, 200)).toEqual([60, 76, 92]);
  });

  it('pulls labels pushed past the bottom back up', () => {
    // all at the bottom edge (200): 192, then 176 and 160 above it
    expect(placeDirectLabels([200, 200, 200], 16, 0, 200)).toEqual([160, 176, 192]);
  });

  it('keeps a label at the top edge inside', () => {
    expect(placeDirectLabels([0], 16, 0, 200)).toEqual([8]);
  });

  it('gives up (legend only) when the labels do not fit or would move too far from their curves', () => {
    expect(placeDirectLabels(new Array(13).fill(100), 16, 0, 200)).toBeNull();
    // five at one point: the last would sit 4 lines = 64 px away, more than 2.5 lines
    expect(placeDirectLabels([100, 100, 100, 100, 100], 16, 0, 200)).toBeNull();
    expect(placeDirectLabels([100, 100, 100], 16, 0, 200)).toEqual([100, 116, 132]);
  });

  it('places nothing for no curves', () => {
    expect(placeDirectLabels([], 16, 0, 200)).toEqual([]);
  });
});
