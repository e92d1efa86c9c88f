// Direct labels: each run's name beside the end of its loss curve, so the eye need not travel to
// the legend. Curves often end close together; the labels are moved apart vertically (a 1-D
// layout: sorted, pushed down past their neighbours, then pulled back up from the bottom edge), and
// when they cannot all stay near their curves the chart shows the legend alone.

/** How far a label may be moved from its curve's end, in line heights, before it reads as another curve's. */
export const MAX_LABEL_SHIFT_LINES = 2.5;

/**
 * The vertical centres of labels wanted at `desired` (pixels, any order), each at least
 * `lineHeight` from the next, all inside [top + lineHeight / 2, bottom - lineHeight / 2]; null when
 * they do not fit or one would move more than `maxShift` pixels from where it is wanted.
 */
export function placeDirectLabels(desired: readonly number[], lineHeight: number, top: number, bottom: number, maxShift = MAX_LABEL_SHIFT_LINES * lineHeight): number[] | null {
  const count = desired.length;
  if (count === 0) return [];
  const low = top + lineHeight / 2;
  const high = bottom - lineHeight / 2;
  if (high < low || (count - 1) * lineHeight > high - low + 1e-9) return null;
  const order = desired.map((_value, index) => index).sort((a, b) => desired[a] - desired[b] || a - b);
  const placed = order.map((index) => Math.min(high, Math.max(low, desired[index])));
  // push down: each label at least a line below the one above it
  for (let k = 1; k < count; k++) placed[k] = Math.max(placed[k], placed[k - 1] + lineHeight);
  // pull up from the bottom edge: the last one inside, each one a line above the next
  placed[count - 1] = Math.min(placed[count - 1], high);
  for (let k = count - 2; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - lineHeight);
  const positions = new Array<number>(count);
  order.forEach((index, k) => (positions[index] = placed[k]));
  const fits = positions.every((position, index) => position >= low - 1e-9 && Math.abs(position - desired[index]) <= maxShift);
  return fits ? positions : null;
}
