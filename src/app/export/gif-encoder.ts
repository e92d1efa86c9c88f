// Animated GIF through gifenc. One palette of 255 colours (PnnQuant) from the first frame, which
// already holds every colour the animation uses (the map's viridis bands, the runs' colours at
// their starts and curves), so no colour flickers between frames and the file carries one colour
// table. Each later frame keeps only the pixels that changed: the rest are the transparent 256th
// colour over the frame before (disposal "do not dispose"), long runs that LZW packs into a few
// bytes. Deterministic: the same pixels give the same bytes.
import { applyPalette, GIFEncoder, quantize, type Palette } from 'gifenc';
import { changedPixels, UNCHANGED } from './changed-pixels';
import type { FrameEncoder } from './frame-encoder';

/** GIF disposal method 1: leave the frame in place, the next is drawn over it. */
const DO_NOT_DISPOSE = 1;

/** A GIF of `width` × `height` pixels at `fps` frames a second, looping forever. */
export function gifEncoder(width: number, height: number, fps: number): FrameEncoder {
  const stream = GIFEncoder({ initialCapacity: width * height });
  // GIF delays count hundredths of a second
  const delay = Math.max(2, Math.round(100 / fps)) * 10;
  let palette: Palette | null = null;
  let previous: Uint8Array | null = null;
  return {
    path: 'GIF (gifenc)',
    async addFrame(context) {
      const { data } = context.getImageData(0, 0, width, height);
      if (palette === null || previous === null) {
        const colours = quantize(data, UNCHANGED);
        // the frame's colours, padded to 255, then the transparent slot
        palette = [...colours, ...Array.from({ length: UNCHANGED - colours.length }, () => [0, 0, 0]), [0, 0, 0]];
        previous = applyPalette(data, colours);
        stream.writeFrame(previous, width, height, { palette, delay, repeat: 0 });
        return;
      }
      const indices = applyPalette(data, palette.slice(0, UNCHANGED));
      stream.writeFrame(changedPixels(indices, previous), width, height, { delay, transparent: true, transparentIndex: UNCHANGED, dispose: DO_NOT_DISPOSE });
      previous = indices;
    },
    async finish() {
      stream.finish();
      return new Blob([stream.bytes() as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
    },
    cancel() {},
  };
}
