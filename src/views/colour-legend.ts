import { select, type Selection } from 'd3';
import { HATCH_SPACING, hatchPath } from './undefined-region';

const defaults = {
  barWidth: 12,
  /** Most boundaries labelled; the others are ticks without text. */
  maxLabels: 6,
  /** From the bar's bottom to the "f undefined" swatch: below the map's x-axis tick labels. */
  undefinedGap: 24,
  undefinedHeight: 12,
};

/** The legend's entry for where f is undefined (drawn hatched on the map). */
export const UNDEFINED_LABEL = 'f undefined';

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
  private readonly undefinedEntry: Selection<SVGGElement, unknown, null, undefined>;
  private levels: readonly number[] = [];
  private colours: readonly string[] = [];
  private undefinedShown = false;
  private placement: LegendPlacement = { x: 0, top: 0, bottom: 100 };

  constructor(parent: SVGGElement, options: ColourLegendOptions = {}) {
    this.options = { ...defaults, ...options };
    this.root = select(parent).append('g').attr('class', 'colour-legend');
    this.title = this.root.append('text').attr('class', 'legend-title').attr('text-anchor', 'start').text('f (log)');
    this.bands = this.root.append('g').attr('class', 'legend-bands');
    this.ticks = this.root.append('g').attr('class', 'legend-ticks');
    // the swatch continues the bar's column below the plot; its label, on its left, runs under the
    // plot's corner, where there is room (right of the bar there is only a number's width)
    this.undefinedEntry = this.root.append('g').attr('class', 'legend-undefined').attr('display', 'none');
    this.undefinedEntry.append('title').text('Where f is not a finite number (NaN or ±∞) the map is hatched');
    this.undefinedEntry.append('rect').attr('class', 'undefined-fill');
    this.undefinedEntry.append('path').attr('class', 'undefined-hatch');
    this.undefinedEntry.append('text').attr('class', 'legend-undefined-label').attr('text-anchor', 'end').attr('dy', '0.32em').text(UNDEFINED_LABEL);
  }

  /**
   * Shows the bands: `levels[k]` is the lower bound of band k and the last entry the top of the
   * last band (so there is one more level than colours), and the "f undefined" entry when
   * `undefinedShown`; nothing when there is nothing to key.
   */
  setBands(levels: readonly number[], colours: readonly string[], undefinedShown = false): void {
    this.levels = levels;
    this.colours = colours;
    this.undefinedShown = undefinedShown;
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
    this.root.attr('display', count > 0 || this.undefinedShown ? null : 'none');
    this.renderUndefinedEntry();
    for (const part of [this.title, this.bands, this.ticks]) part.attr('display', count > 0 ? null : 'none');
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

  private renderUndefinedEntry(): void {
    const { barWidth, undefinedGap, undefinedHeight } = this.options;
    const { x, bottom } = this.placement;
    this.undefinedEntry.attr('display', this.undefinedShown ? null : 'none');
    if (!this.undefinedShown) return;
    const top = bottom + undefinedGap;
    this.undefinedEntry.select('rect').attr('x', x).attr('y', top).attr('width', barWidth).attr('height', undefinedHeight);
    this.undefinedEntry.select('path').attr('d', hatchPath({ left: x, top, right: x + barWidth, bottom: top + undefinedHeight }, HATCH_SPACING));
    this.undefinedEntry
      .select('text')
      .attr('x', x - 5)
      .attr('y', top + undefinedHeight / 2);
  }

  /** Removes everything this legend drew. */
  destroy(): void {
    this.root.remove();
  }
}
