// Drawing a 100,000-point loss curve into 500 pixel columns wastes time and changes nothing on
// screen: within one column only the first, lowest, highest and last points decide what the
// rasterised line looks like (the M4 aggregation of Jugel et al., VLDB 2014). The data are never
// touched: this picks which indices to draw.

/**
 * Indices of the points to draw so that a polyline through them looks like one through every point:
 * per pixel column (`Math.floor(pixelX)`), the first, minimum, maximum and last point, in index
 * order and without repeats. `pixelX` must be non-decreasing. Non-finite values are kept as they
 * are (they break the line where the data break it) and take no part in the minimum or maximum.
 */
export function m4Indices(pixelX: ArrayLike<number>, values: ArrayLike<number>): number[] {
  const count = Math.min(pixelX.length, values.length);
  const kept: number[] = [];
  let start = 0;
  while (start < count) {
    const column = Math.floor(pixelX[start]);
    let end = start + 1;
    while (end < count && Math.floor(pixelX[end]) === column) end++;
    keepColumn(values, start, end, kept);
    start = end;
  }
  return kept;
}

/** Appends, in index order, the indices M4 keeps from the points start..end-1 of one column. */
function keepColumn(values: ArrayLike<number>, start: number, end: number, kept: number[]): void {
  const last = end - 1;
  if (last - start < 4) {
    // four or fewer points: all of them are first, extreme or last anyway
    for (let index = start; index <= last; index++) kept.push(index);
    return;
  }
  let lowest = -1;
  let highest = -1;
  const gaps: number[] = [];
  for (let index = start; index <= last; index++) {
    const value = values[index];
    if (!Number.isFinite(value)) {
      gaps.push(index);
      continue;
    }
    if (lowest < 0 || value < values[lowest]) lowest = index;
    if (highest < 0 || value > values[highest]) highest = index;
  }
  const chosen = [start, last, ...gaps];
  if (lowest >= 0) chosen.push(lowest, highest);
  chosen.sort((a, b) => a - b);
  for (let i = 0; i < chosen.length; i++) if (i === 0 || chosen[i] !== chosen[i - 1]) kept.push(chosen[i]);
}
