// The frame the D3 charts share (loss chart, sweep chart, sweep heatmap): one SVG unit per CSS
// pixel, margins in rem (the tick labels and titles are sized in rem too, so "large text" keeps
// them inside), the x and y axis groups with their titles, an optional clip and grid, and a
// transparent hover area over the plot that reports the pointer in SVG units.
import { pointer, type Selection } from 'd3';
import type { Margin } from './scales';

type Group = Selection<SVGGElement, unknown, null, undefined>;
type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** Smallest size a chart is laid out at, in CSS pixels. */
const MIN_WIDTH = 240;
const MIN_HEIGHT = 160;

/** How a ChartFrame is built. */
export interface ChartFrameOptions {
  /** Insets around the plot in rem. */
  readonly marginRem: Margin;
  /** Size in CSS pixels until setSize says otherwise. */
  readonly width: number;
  readonly height: number;
  /** A clip path over the plot for the chart's marks, its id starting with `idPrefix`; `overflowTop` pixels above the plot stay visible (marks on the top edge). */
  readonly clip?: { readonly idPrefix: string; readonly overflowTop?: number };
  /** A group for horizontal grid lines, under the axes. */
  readonly grid?: boolean;
}

/** What the hover area does with the pointer; positions are in the SVG units of the svg it lies on. */
export interface HoverAreaOptions {
  readonly cursor: 'crosshair' | 'pointer';
  /** Hover on pointerdown too (a tap on a touch screen shows the readout). */
  readonly hoverOnPress?: boolean;
  /** Selector of a layer the area goes under (one drawn over it that lets the pointer through); on top without. */
  readonly before?: string;
  readonly onHover: (at: [number, number] | null) => void;
  readonly onClick: (at: [number, number]) => void;
}

/**
 * Size, margins and the shared scaffolding of a chart drawn into one or more stacked SVGs of the
 * same size (the first holds the axes). Built in the chart's constructor, which then appends its
 * own layers, adds the hover area where it belongs in the stacking order, and calls `layout`.
 */
export class ChartFrame {
  readonly xAxis: Group;
  readonly yAxis: Group;
  readonly xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  readonly yTitle: Selection<SVGTextElement, unknown, null, undefined>;
  /** The grid lines' group, when asked for. */
  readonly grid: Group | null;
  /** `url(#…)` of the clip path, when asked for. */
  readonly clipPath: string | null;
  private size: { width: number; height: number };
  private marginPixels: Margin = { top: 0, right: 0, bottom: 0, left: 0 };
  /** Pixels added to the rem margins for what the chart draws around its plot (a legend, direct labels). */
  private extraPixels: Margin = { top: 0, right: 0, bottom: 0, left: 0 };
  private readonly svgs: readonly Svg[];
  private readonly marginRem: Margin;
  private readonly clipRect: Selection<SVGRectElement, unknown, null, undefined> | null = null;
  private readonly clipOverflowTop: number;
  private hoverArea: Selection<SVGRectElement, unknown, null, undefined> | null = null;

  constructor(svgs: readonly Svg[], options: ChartFrameOptions) {
    const root = svgs[0];
    this.svgs = svgs;
    this.marginRem = options.marginRem;
    this.size = { width: options.width, height: options.height };
    this.clipOverflowTop = options.clip?.overflowTop ?? 0;
    this.clipPath = null;
    if (options.clip) {
      const clipId = `${options.clip.idPrefix}-${Math.random().toString(36).slice(2, 8)}`;
      this.clipRect = root.append('clipPath').attr('id', clipId).append('rect');
      this.clipPath = `url(#${clipId})`;
    }
    this.grid = options.grid ? root.append('g').attr('class', 'grid') : null;
    this.xAxis = root.append('g').attr('class', 'axis axis-x');
    this.yAxis = root.append('g').attr('class', 'axis axis-y');
    this.xTitle = root.append('text').attr('class', 'axis-label x-label').attr('text-anchor', 'middle');
    this.yTitle = root.append('text').attr('class', 'axis-label y-label').attr('text-anchor', 'middle');
  }

  /** The chart's width in CSS pixels (and SVG units). */
  get width(): number {
    return this.size.width;
  }

  /** The chart's height in CSS pixels (and SVG units). */
  get height(): number {
    return this.size.height;
  }

  /** The margins in SVG units at the current root font size. */
  get margin(): Margin {
    return this.marginPixels;
  }

  /** The plot's top edge in SVG units. */
  get top(): number {
    return this.margin.top;
  }

  /** The plot's bottom edge in SVG units. */
  get bottom(): number {
    return this.height - this.margin.bottom;
  }

  /** The plot's left edge in SVG units. */
  get left(): number {
    return this.margin.left;
  }

  /** The plot's right edge in SVG units. */
  get right(): number {
    return this.width - this.margin.right;
  }

  /** The plot's width in SVG units. */
  get plotWidth(): number {
    return this.width - this.margin.left - this.margin.right;
  }

  /** The plot's height in SVG units. */
  get plotHeight(): number {
    return this.height - this.margin.top - this.margin.bottom;
  }

  /** The plot's horizontal middle: a readout right of it is placed on the left of the pointer. */
  get middle(): number {
    return (this.margin.left + this.width - this.margin.right) / 2;
  }

  /** Appends the transparent rect over the plot that takes the pointer, to `svg` (one of the frame's). */
  addHoverArea(svg: Svg, options: HoverAreaOptions): void {
    const node = svg.node()!;
    this.hoverArea = svg
      .insert('rect', options.before)
      .attr('class', 'hover-area')
      .attr('fill', 'transparent')
      .attr('pointer-events', 'all')
      .style('cursor', options.cursor)
      .on(options.hoverOnPress ? 'pointermove pointerdown' : 'pointermove', (event: PointerEvent) => options.onHover(pointer(event, node)))
      .on('pointerleave', () => options.onHover(null))
      .on('click', (event: MouseEvent) => options.onClick(pointer(event, node)));
  }

  /** Sets the size in CSS pixels (never below 240 × 160) and lays the frame out again. */
  setSize(width: number, height: number): void {
    this.size = { width: Math.max(MIN_WIDTH, Math.round(width)), height: Math.max(MIN_HEIGHT, Math.round(height)) };
    this.layout();
  }

  /** Widens the margins by these pixels (a legend above the plot, labels right of it) and lays the frame out again. */
  setExtraMargin(extra: Partial<Margin>): void {
    const next = { top: 0, right: 0, bottom: 0, left: 0, ...extra };
    const previous = this.extraPixels;
    if (next.top === previous.top && next.right === previous.right && next.bottom === previous.bottom && next.left === previous.left) return;
    this.extraPixels = next;
    this.layout();
  }

  /** Places what depends on the size and the root font size: view boxes, margins, axes, titles, clip and hover area. */
  layout(): void {
    const { width, height } = this;
    const rootFontSize = parseFloat(getComputedStyle(this.svgs[0].node()!.ownerDocument.documentElement).fontSize) || 16;
    const rem = this.marginRem;
    const extra = this.extraPixels;
    const margin: Margin = {
      top: rem.top * rootFontSize + extra.top,
      right: rem.right * rootFontSize + extra.right,
      bottom: rem.bottom * rootFontSize + extra.bottom,
      left: rem.left * rootFontSize + extra.left,
    };
    this.marginPixels = margin;
    for (const svg of this.svgs) svg.attr('viewBox', `0 0 ${width} ${height}`);
    const plot = { x: margin.left, y: margin.top, width: this.plotWidth, height: this.plotHeight };
    this.clipRect
      ?.attr('x', plot.x)
      .attr('y', plot.y - this.clipOverflowTop)
      .attr('width', plot.width)
      .attr('height', plot.height + this.clipOverflowTop);
    this.hoverArea?.attr('x', plot.x).attr('y', plot.y).attr('width', plot.width).attr('height', plot.height);
    this.xAxis.attr('transform', `translate(0,${height - margin.bottom})`);
    this.yAxis.attr('transform', `translate(${margin.left},0)`);
    this.xTitle.attr('x', margin.left + plot.width / 2).attr('y', height - 0.4 * rootFontSize);
    this.yTitle.attr('transform', `translate(${rootFontSize},${margin.top + plot.height / 2}) rotate(-90)`);
  }

  /** Draws a horizontal grid line across the plot at each of `values` on `y`; the lines, for more attributes. */
  drawGrid(values: readonly number[], y: (value: number) => number): Selection<SVGLineElement, number, SVGGElement, unknown> {
    return this.grid!.selectAll<SVGLineElement, number>('line')
      .data(values)
      .join('line')
      .attr('x1', this.left)
      .attr('x2', this.right)
      .attr('y1', (value) => y(value))
      .attr('y2', (value) => y(value));
  }

  /** Takes the pointer handlers off and removes everything drawn into the frame's SVGs. */
  destroy(): void {
    this.hoverArea?.on('pointermove pointerdown pointerleave click', null);
    for (const svg of this.svgs) svg.selectAll('*').remove();
  }
}
