// The loss chart's band over many seeds: a median loss curve with the inter-quartile range shaded
// around it. The path arithmetic is a function of its own so it can be tested without a DOM.
import type { Selection } from 'd3';

/** A median loss curve with its inter-quartile band over many seeds of one run (one value per step). */
export interface LossBand {
  readonly label: string;
  readonly color: string;
  readonly lower: ArrayLike<number>;
  readonly median: ArrayLike<number>;
  readonly upper: ArrayLike<number>;
  /** The step of each entry, ascending (absent: entry i is step i); long runs keep fewer steps. */
  readonly steps?: ArrayLike<number>;
}

/** Most points of a band's outline: long runs are thinned evenly (the last step always kept). */
const MAX_BAND_POINTS = 2000;

/**
 * SVG path data of the band's area (the upper quartile out, the lower one back; steps where either
 * cannot be drawn are left out) and of its median line (broken where it cannot be drawn). `x` maps a
 * step and `y` a loss to pixels; `y` returns NaN for a loss the axis cannot show.
 */
export function lossBandPaths(band: LossBand, x: (step: number) => number, y: (loss: number) => number, maxPoints = MAX_BAND_POINTS): { area: string; median: string } {
  const count = Math.min(band.lower.length, band.median.length, band.upper.length);
  const stride = Math.max(1, Math.ceil(count / maxPoints));
  const kept: number[] = [];
  for (let step = 0; step < count; step += stride) kept.push(step);
  if (count > 0 && kept[kept.length - 1] !== count - 1) kept.push(count - 1);
  const point = (index: number, py: number) => `${x(band.steps?.[index] ?? index).toFixed(1)},${py.toFixed(1)}`;
  const drawn = kept.filter((step) => Number.isFinite(y(band.lower[step])) && Number.isFinite(y(band.upper[step])));
  const upper = drawn.map((step) => point(step, y(band.upper[step])));
  const lower = drawn.reverse().map((step) => point(step, y(band.lower[step])));
  const area = upper.length > 0 ? `M${upper.join('L')}L${lower.join('L')}Z` : '';
  let median = '';
  let penDown = false;
  for (const step of kept) {
    const py = y(band.median[step]);
    if (!Number.isFinite(py)) {
      penDown = false;
      continue;
    }
    median += `${penDown ? 'L' : 'M'}${point(step, py)}`;
    penDown = true;
  }
  return { area, median };
}

/** Draws the band's area and its dashed median line into `layer` (its data-label the band's); null clears it. `x` and `y` as for lossBandPaths. */
export function drawLossBand(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  band: LossBand | null,
  x: (step: number) => number,
  y: (loss: number) => number,
): void {
  const paths = band ? lossBandPaths(band, x, y) : null;
  const shown = paths ? [{ kind: 'area', d: paths.area }, { kind: 'median', d: paths.median }] : [];
  layer
    .attr('data-label', band?.label ?? null)
    .selectAll<SVGPathElement, { kind: string; d: string }>('path')
    .data(shown, (path) => path.kind)
    .join('path')
    .attr('class', (path) => `loss-band-${path.kind}`)
    .attr('d', (path) => path.d)
    .attr('fill', (path) => (path.kind === 'area' ? band!.color : 'none'))
    .attr('fill-opacity', (path) => (path.kind === 'area' ? 0.25 : null))
    .attr('stroke', (path) => (path.kind === 'median' ? band!.color : 'none'))
    .attr('stroke-width', 1.8)
    .attr('stroke-dasharray', (path) => (path.kind === 'median' ? '6 3' : null));
}
