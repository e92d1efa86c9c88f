// A GIF frame drawn over the one before (disposal "do not dispose") needs only the pixels that
// changed: the others take the transparent index and show the frame before through.

/** The palette index that means "as in the frame before". */
export const UNCHANGED = 255;

/** The changed pixels of `indices` against `previous`; the others UNCHANGED. */
export function changedPixels(indices: Uint8Array, previous: Uint8Array): Uint8Array {
  const changed = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) changed[i] = indices[i] === previous[i] ? UNCHANGED : indices[i];
  return changed;
}
