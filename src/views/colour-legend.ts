import { select, type Selection } from 'd3';

const defaults = {
  barWidth: 12,
  /** Most boundaries labelled; the others are ticks without text. */
  maxLabels: 6,
};

/** Options of a ColourLegend; any left out take `defaults`. */
export type ColourLegendOptions = Partial<typeof defaults>;

/** Where the legend sits in its SVG: the bar's left edge and its vertical extent, in pixels. */
export interface LegendPlacement {
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * A contour level as a short label: three significant digits, exponent form for the very large
 * and very small. A level within a billionth of `span` (the legend's whole range) of zero is
 * rounding noise of a minimum at 0 and reads 0.
 */
export function formatLevel(value: number, span = 0, digits = 3): string {
  if (value === 0 || Math.abs(value) <= span * 1e-9) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-3) return value.toExponential(digits - 2).replace('e+', 'e');
  return String(Number(value.toPrecision(digits)));
}

/**
 * Labels for increasing levels, with as many digits as it takes (up to 8) for neighbours to read
 * differently: near a negative minimum (six-hump camel's −1.0316) log-spaced levels crowd together.
 */
export function formatLevels(values: readonly number[], span = 0): string[] {
  let labels: string[] = [];
  for (let digits = 3; digits <= 8; digits++) {
    labels = values.map((value) => formatLevel(value, span, digits));
    if (labels.every((label, i) => i === 0 || label !== labels[i - 1])) break;
  }
  return labels;
}

/** Indices of the band boundaries to label: about `maxLabels` of 0..count, evenly spaced, both ends included. */
export function labelledBoundaries(count: number, maxLabels: number): number[] {
  if (count <= 0) return [0];
  const every = Math.max(1, Math.ceil(count / Math.max(1, maxLabels - 1)));
  const indices: number[] = [];
  for (let k = 0; k < count; k += every) indices.push(k);
  // the top end is always labelled; drop a label crowding it
  if (indices.length > 1 && count - indices[indices.length - 1] < every / 2) indices.pop();
  indices.push(count);
  return indices;
}

/**
 * The map's colour key: the contour bands stacked bottom (lowest f) to top, equally tall because
 * the levels are equally spaced in log f, with the f value at labelled boundaries.
 */
export class ColourLegend {
  private readonly options: typeof defaults;
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private readonly bands: Selection<SVGGElement, unknown, null, undefined>;
  private readonly ticks: Selection<SVGGElement, unknown, null, undefined>;
  private readonly title: Selection<SVGTextElement, unknown, null, undefined>;
  private levels: readonly number[] = [];
  private colours: readonly string[] = [];
  private placement: LegendPlacement = { x: 0, top: 0, bottom: 100 };

  constructor(parent: SVGGElement, options: ColourLegendOptions = {}) {
    this.options = { ...defaults, ...options };
    this.root = select(parent).append('g').attr('class', 'colour-legend');
    this.title = this.root.append('text').attr('class', 'legend-title').attr('text-anchor', 'start').text('f (log)');
    this.bands = this.root.append('g').attr('class', 'legend-bands');
    this.ticks = this.root.append('g').attr('class', 'legend-ticks');
  }

  /**
   * Shows the bands: `levels[k]` is the lower bound of band k and the last entry the top of the
   * last band (so there is one more level than colours); nothing when there is nothing to key.
   */
  setBands(levels: readonly number[], colours: readonly string[]): void {
    this.levels = levels;
    this.colours = colours;
    this.render();
  }

  /** Moves the legend (the plot's height follows the domain's aspect). */
  setPlacement(placement: LegendPlacement): void {
    const { x, top, bottom } = this.placement;
    if (placement.x === x && placement.top === top && placement.bottom === bottom) return;
    this.placement = placement;
    this.render();
  }

  private render(): void {
    const { barWidth, maxLabels } = this.options;
    const { x, top, bottom } = this.placement;
    const count = this.colours.length;
    this.root.attr('display', count > 0 ? null : 'none');
    if (count === 0) return;
    const bandHeight = (bottom - top) / count;
    const yOf = (boundary: number) => bottom - boundary * bandHeight;
    this.title.attr('x', x).attr('y', top - 9);
    this.bands
      .selectAll('rect')
      .data(this.colours)
      .join('rect')
      .attr('x', x)
      .attr('width', barWidth)
      // a hair taller than the band, so no seam shows between neighbours
      .attr('y', (_colour, k) => yOf(k + 1) - 0.25)
      .attr('height', bandHeight + 0.5)
      .attr('fill', (colour) => colour);
    const labelled = labelledBoundaries(count, maxLabels);
    const span = Math.abs(this.levels[count] - this.levels[0]);
    const labels = new Map(formatLevels(labelled.map((boundary) => this.levels[boundary]), span).map((label, i) => [labelled[i], label]));
    const ticks = this.ticks
      .selectAll<SVGGElement, number>('g.legend-tick')
      .data(labelled)
      .join((enter) => {
        const tick = enter.append('g').attr('class', 'legend-tick');
        tick.append('line');
        tick.append('text').attr('dy', '0.32em');
        return tick;
      })
      .attr('transform', (boundary) => `translate(${x + barWidth},${yOf(boundary)})`);
    ticks.select('line').attr('x2', 4);
    ticks
      .select('text')
      .attr('x', 6)
      .text((boundary) => labels.get(boundary) ?? '');
  }

  /** Removes everything this legend drew. */
  destroy(): void {
    this.root.remove();
  }
}
