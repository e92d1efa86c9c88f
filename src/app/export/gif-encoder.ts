// Animated GIF through gifenc: each frame's own 256-colour palette (PnnQuant), so the map's
// viridis bands and every run's colour keep their hue. Deterministic: the same pixels give the
// same bytes.
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import type { FrameEncoder } from './frame-encoder';

/** A GIF of `width` × `height` pixels at `fps` frames a second, looping forever. */
export function gifEncoder(width: number, height: number, fps: number): FrameEncoder {
  const stream = GIFEncoder({ initialCapacity: width * height });
  // GIF delays count hundredths of a second
  const delay = Math.max(2, Math.round(100 / fps)) * 10;
  return {
    path: 'GIF (gifenc)',
    async addFrame(context) {
      const { data } = context.getImageData(0, 0, width, height);
      const palette = quantize(data, 256);
      stream.writeFrame(applyPalette(data, palette), width, height, { palette, delay, repeat: 0 });
    },
    async finish() {
      stream.finish();
      return new Blob([stream.bytes() as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
    },
    cancel() {},
  };
}
