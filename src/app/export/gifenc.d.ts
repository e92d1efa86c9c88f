// Types for gifenc 1.0.3 (it ships none): the part of its API the GIF export uses.
declare module 'gifenc' {
  /** A colour table: [r, g, b] (or [r, g, b, a]) bytes per entry. */
  export type Palette = number[][];
  /** Reduces RGBA pixels to at most `maxColors` colours (PnnQuant). */
  export function quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number, options?: { format?: 'rgb565' | 'rgb444' | 'rgba4444' }): Palette;
  /** Each pixel's index into `palette`. */
  export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette, format?: 'rgb565' | 'rgb444' | 'rgba4444'): Uint8Array;
  /** A GIF stream written frame by frame. */
  export interface GifStream {
    writeFrame(index: Uint8Array, width: number, height: number, options?: { palette?: Palette; delay?: number; repeat?: number; transparent?: boolean; transparentIndex?: number; dispose?: number }): void;
    finish(): void;
    bytes(): Uint8Array;
  }
  export function GIFEncoder(options?: { auto?: boolean; initialCapacity?: number }): GifStream;
}
