// Where f is undefined on the map: samples that are not finite numbers (NaN from log or sqrt of a
// negative number, ±∞ from a division by zero or an overflow). They are no value of the colour
// scale, so the map draws them as a region of their own, hatched, and the contour bands run on
// underneath it as if the nearest finite value went on, so no band piles up along its edge.
import { contours, type ContourMultiPolygon } from 'd3';
import type { SurfaceGrid } from '../engine/sample';
import type { PlotBox } from './scales';

/** Pixels between the lines of the hatching that marks where f is undefined, on the map and in its legend. */
export const HATCH_SPACING = 6;

/** How many samples of a grid are undefined (not finite). */
export function countUndefined(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) count++;
  return count;
}

/**
 * The grid's values with each undefined sample given the value of its nearest finite sample (a
 * breadth-first walk over the four neighbours from every finite sample at once). A grid that is
 * finite everywhere comes back unchanged; one with no finite sample at all comes back as it is.
 */
export function fillUndefined(values: ArrayLike<number>, columns: number, rows: number): Float64Array {
  const filled = Float64Array.from(values);
  const queue = new Int32Array(filled.length);
  let tail = 0;
  for (let i = 0; i < filled.length; i++) if (Number.isFinite(filled[i])) queue[tail++] = i;
  if (tail === filled.length || tail === 0) return filled;
  for (let head = 0; head < tail; head++) {
    const index = queue[head];
    const row = Math.floor(index / columns);
    const column = index - row * columns;
    const value = filled[index];
    const visit = (neighbour: number) => {
      if (Number.isFinite(filled[neighbour])) return;
      filled[neighbour] = value;
      queue[tail++] = neighbour;
    };
    if (column > 0) visit(index - 1);
    if (column < columns - 1) visit(index + 1);
    if (row > 0) visit(index - columns);
    if (row < rows - 1) visit(index + columns);
  }
  return filled;
}

/**
 * The undefined region in d3.contours' grid coordinates (see contourPointToParameter): the ½ level
 * of a mask that is 1 at undefined samples and 0 at finite ones, so its edge runs half way between
 * an undefined sample and its finite neighbour. Null when f is finite at every sample.
 */
export function undefinedRegion(grid: SurfaceGrid): ContourMultiPolygon | null {
  const { values, columns, rows } = grid;
  if (countUndefined(values) === 0) return null;
  const mask = Array.from(values, (value) => (Number.isFinite(value) ? 0 : 1));
  return contours().size([columns, rows]).contour(mask, 0.5);
}

/**
 * Hatching "/" over a box as SVG path data: the lines x + y = k · spacing (k whole, so hatching
 * drawn again over a moved box lines up with the old), each cut to the box.
 */
export function hatchPath(box: PlotBox, spacing: number): string {
  const { left, top, right, bottom } = box;
  if (!(right > left && bottom > top && spacing > 0)) return '';
  const segments: string[] = [];
  const round = (value: number) => Math.round(value * 10) / 10;
  for (let k = Math.ceil((left + top) / spacing); k * spacing <= right + bottom; k++) {
    const sum = k * spacing;
    // from the lower left end of the line inside the box to its upper right end
    const startX = Math.max(left, sum - bottom);
    const endX = Math.min(right, sum - top);
    if (endX <= startX) continue;
    segments.push(`M${round(startX)},${round(sum - startX)}L${round(endX)},${round(sum - endX)}`);
  }
  return segments.join('');
}
