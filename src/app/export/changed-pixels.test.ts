import { describe, expect, test } from 'vitest';
import { changedPixels } from './changed-pixels';

// Oracle: the GIF89a rule for a transparent index over a frame that is not disposed: a pixel of
// the transparent colour shows the frame before, so a pixel equal to the one before can be one.

describe('the pixels a GIF frame keeps', () => {
  test('unchanged pixels become the transparent index 255, changed ones keep their colour', () => {
    const previous = Uint8Array.of(0, 1, 2, 3, 254);
    const next = Uint8Array.of(0, 7, 2, 9, 254);
    expect([...changedPixels(next, previous)]).toEqual([255, 7, 255, 9, 255]);
  });

  test('drawn over the frame before, the kept pixels give the new frame back', () => {
    const previous = Uint8Array.from({ length: 64 }, (_pixel, index) => (index * 37) % 255);
    const next = previous.map((value, index) => (index % 5 === 0 ? (value + 1) % 255 : value));
    const kept = changedPixels(next, previous);
    const shown = kept.map((value, index) => (value === 255 ? previous[index] : value));
    expect([...shown]).toEqual([...next]);
  });
});
