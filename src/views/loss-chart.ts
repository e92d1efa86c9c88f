import { axisBottom, axisLeft, format, pointer, scaleLinear, scaleLog, select, type ScaleContinuousNumeric, type Selection } from 'd3';
import { m4Indices } from './downsample';
import { lossBandPaths, type LossBand } from './loss-band';
import {
  AXIS_TITLES,
  formatCount,
  formatLoss,
  formatMilliseconds,
  formatPowerOfTen,
  logTickExponents,
  nearestIndex,
  xAt,
  xExtent,
  yExtent,
  yMapping,
  type LossChartAxis,
  type LossChartScale,
  type LossCurve,
  type YMapping,
} from './loss-series';
import type { Margin } from './scales';

const defaults = {
  /** Size in CSS pixels until setSize says otherwise. */
  width: 560,
  height: 300,
  /** Called with the step under the pointer when the chart is clicked. */
  onPickStep: undefined as ((step: number) => void) | undefined,
};

/** Options of a LossChart; any left out take `defaults`. */
export type LossChartOptions = Partial<typeof defaults>;

type Group = Selection<SVGGElement, unknown, null, undefined>;

// margins in rem: the tick labels and titles are sized in rem too, so "large text" keeps them inside
const MARGIN_REM: Margin = { top: 0.75, right: 1.25, bottom: 2.6, left: 4.2 };
const TOOLTIP_PADDING = 8;
const MAX_LABEL = 28;
/** Farthest a curve's point is drawn outside the plot, in SVG units. */
const PIXEL_LIMIT = 1e6;

/**
 * Loss against step (or evaluations, or wall time) for every run, with the current step marked and
 * a crosshair that reads every run's loss under the pointer. Long runs are drawn downsampled
 * (M4, see downsample.ts); the data attributes still count every point. One SVG unit is one CSS
 * pixel (setSize follows the panel), so text keeps its size on a phone and on a projector.
 */
export class LossChart {
  private readonly onPickStep: ((step: number) => void) | undefined;
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly overlay: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly clipRect: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly grid: Group;
  private readonly bandLayer: Group;
  private readonly curvesLayer: Group;
  private readonly divergedLayer: Group;
  private readonly stepLayer: Group;
  private readonly crosshair: Group;
  private readonly tooltip: Group;
  private readonly xAxis: Group;
  private readonly yAxis: Group;
  private readonly xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly hoverArea: Selection<SVGRectElement, unknown, null, undefined>;

  private width: number;
  private height: number;
  private margin: Margin = { top: 12, right: 20, bottom: 42, left: 67 };
  private curves: readonly LossCurve[] = [];
  private band: LossBand | null = null;
  private numSteps = 1;
  private scale: LossChartScale = 'log';
  private fStar: number | null = null;
  private axis: LossChartAxis = 'step';
  private step = 0;
  private x = scaleLinear();
  private y: ScaleContinuousNumeric<number, number> = scaleLog();
  private mapping: YMapping = yMapping('log', null, []);
  /** The pointer's position over the plot while it hovers there, in SVG units. */
  private hoverAt: [number, number] | null = null;

  /**
   * Draws into two SVGs of the same size stacked on top of each other: `chart` holds what changes
   * with the data (axes, curves), `overlay` what changes with the step and the pointer (step line,
   * crosshair, tooltip). Playing moves the overlay 60 times a second; on a layer of its own it is
   * repainted alone (a few shapes) instead of the curves' thousands of segments.
   */
  constructor(layers: { chart: SVGSVGElement; overlay: SVGSVGElement }, options: LossChartOptions = {}) {
    const { width, height, onPickStep } = { ...defaults, ...options };
    this.width = width;
    this.height = height;
    this.onPickStep = onPickStep;
    this.root = select(layers.chart).classed('loss-chart', true);
    // the overlay lets the pointer through to the page, except over the plot (hover-area)
    this.overlay = select(layers.overlay).classed('loss-chart-overlay', true).style('pointer-events', 'none');
    const clipId = `loss-clip-${Math.random().toString(36).slice(2, 8)}`;
    this.clipRect = this.root.append('clipPath').attr('id', clipId).append('rect');
    this.grid = this.root.append('g').attr('class', 'grid');
    this.xAxis = this.root.append('g').attr('class', 'axis axis-x');
    this.yAxis = this.root.append('g').attr('class', 'axis axis-y');
    this.xTitle = this.root.append('text').attr('class', 'axis-label x-label').attr('text-anchor', 'middle');
    this.yTitle = this.root.append('text').attr('class', 'axis-label y-label').attr('text-anchor', 'middle');
    this.bandLayer = this.root.append('g').attr('class', 'loss-band').attr('clip-path', `url(#${clipId})`);
    this.curvesLayer = this.root.append('g').attr('class', 'curves').attr('clip-path', `url(#${clipId})`);
    this.divergedLayer = this.root.append('g').attr('class', 'diverged-markers');
    this.stepLayer = this.overlay.append('g').attr('class', 'step-indicator');
    this.stepLayer.append('line').attr('class', 'step-line').attr('stroke', '#666').attr('stroke-width', 1.2);
    this.crosshair = this.overlay.append('g').attr('class', 'crosshair').attr('display', 'none').attr('pointer-events', 'none');
    this.crosshair.append('line').attr('class', 'crosshair-line').attr('stroke', '#888').attr('stroke-dasharray', '3 3');
    this.hoverArea = this.overlay
      .append('rect')
      .attr('class', 'hover-area')
      .attr('fill', 'transparent')
      .attr('pointer-events', 'all')
      .style('cursor', 'crosshair');
    this.tooltip = this.overlay.append('g').attr('class', 'chart-tooltip').attr('display', 'none').attr('pointer-events', 'none');
    this.tooltip.append('rect').attr('class', 'tooltip-box').attr('rx', 4).attr('fill', '#fff').attr('stroke', '#ccc');

    this.hoverArea
      .on('pointermove pointerdown', (event: PointerEvent) => this.hover(pointer(event, layers.overlay)))
      .on('pointerleave', () => this.hover(null))
      .on('click', (event: MouseEvent) => {
        const picked = this.pickStep(pointer(event, layers.overlay));
        if (picked !== null) this.onPickStep?.(picked);
      });
    this.layout();
    this.render();
  }

  /** Resizes the chart to width × height CSS pixels, and re-reads the text size (the large-text toggle). */
  setSize(width: number, height: number): void {
    this.width = Math.max(240, Math.round(width));
    this.height = Math.max(160, Math.round(height));
    this.layout();
    this.render();
  }

  /** Replaces the curves drawn (hidden runs already left out); `numSteps` is the steps asked for. */
  setRuns(curves: readonly LossCurve[], numSteps: number): void {
    this.curves = curves;
    this.numSteps = Math.max(1, numSteps);
    this.render();
  }

  /** Shows a median loss curve with its inter-quartile band (many seeds), under the runs' curves; null removes it. Drawn on the step axis. */
  setBand(band: LossBand | null): void {
    this.band = band;
    this.render();
  }

  /** Switches the y axis: log f, linear f, or log(f − f*) with the known minimum value f*. */
  setScale(scale: LossChartScale, fStar: number | null): void {
    this.scale = scale;
    this.fStar = fStar;
    this.render();
  }

  /** Switches what the x axis counts. */
  setAxis(axis: LossChartAxis): void {
    this.axis = axis;
    this.render();
  }

  /** Moves the current-step line and dots; the curves stay as they are (this runs every frame while playing). */
  setStep(step: number): void {
    this.step = step;
    this.renderStep();
  }

  /** Places what depends on the size: view boxes, margins, axes, titles, the plot's clip and hover area. */
  private layout(): void {
    const { width, height } = this;
    const rootFontSize = parseFloat(getComputedStyle(this.root.node()!.ownerDocument.documentElement).fontSize) || 16;
    const margin: Margin = {
      top: MARGIN_REM.top * rootFontSize,
      right: MARGIN_REM.right * rootFontSize,
      bottom: MARGIN_REM.bottom * rootFontSize,
      left: MARGIN_REM.left * rootFontSize,
    };
    this.margin = margin;
    for (const svg of [this.root, this.overlay]) svg.attr('viewBox', `0 0 ${width} ${height}`);
    const plot = { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
    for (const rect of [this.clipRect, this.hoverArea]) rect.attr('x', plot.x).attr('y', plot.y).attr('width', plot.width).attr('height', plot.height);
    this.xAxis.attr('transform', `translate(0,${height - margin.bottom})`);
    this.yAxis.attr('transform', `translate(${margin.left},0)`);
    this.xTitle.attr('x', margin.left + plot.width / 2).attr('y', height - 0.4 * rootFontSize);
    this.yTitle.attr('transform', `translate(${rootFontSize},${margin.top + plot.height / 2}) rotate(-90)`);
  }

  private render(): void {
    const { width, height, margin } = this;
    const { curves, axis } = this;
    // the band's quartiles take part in the y scale like curves of their own
    const band = axis === 'step' ? this.band : null;
    const scaled = band ? [...curves, bandCurve(band, band.lower), bandCurve(band, band.upper)] : curves;
    this.mapping = yMapping(this.scale, this.fStar, scaled);
    const mapping = this.mapping;
    this.x = scaleLinear()
      .domain(xExtent(curves, axis, this.numSteps))
      .range([margin.left, width - margin.right]);
    const y: ScaleContinuousNumeric<number, number> = mapping.log ? scaleLog() : scaleLinear();
    this.y = y
      .domain(yExtent(scaled, mapping))
      .range([height - margin.bottom, margin.top])
      .nice();
    const x = this.x;
    this.renderBand(band);

    this.curvesLayer
      .selectAll<SVGPathElement, { curve: LossCurve; d: string; drawn: number }>('path.loss-curve')
      .data(curves.map((curve) => ({ curve, ...this.pathOf(curve) })))
      .join('path')
      .attr('class', 'loss-curve')
      .attr('data-label', ({ curve }) => curve.label)
      .attr('data-points', ({ curve }) => curve.loss.length)
      .attr('data-drawn', ({ drawn }) => drawn)
      .attr('d', ({ d }) => d)
      .attr('fill', 'none')
      .attr('stroke', ({ curve }) => curve.color)
      .attr('stroke-width', 1.8)
      .attr('stroke-linejoin', 'round');

    const top = margin.top;
    const bottom = height - margin.bottom;
    const diverged = curves.filter((curve) => curve.diverged && curve.loss.length > 0);
    this.divergedLayer
      .selectAll<SVGTextElement, LossCurve>('text.diverged-marker')
      .data(diverged)
      .join((enter) => {
        const marker = enter.append('text').attr('class', 'diverged-marker').attr('text-anchor', 'middle').attr('dy', '0.35em').text('✕');
        marker.append('title');
        return marker;
      })
      .attr('data-label', (curve) => curve.label)
      .attr('x', (curve) => x(xAt(curve, axis, curve.loss.length - 1)))
      .attr('y', (curve) => clamp(y(mapping.plot(curve.loss[curve.loss.length - 1])), top, bottom, top))
      .attr('fill', (curve) => curve.color)
      .attr('font-size', 15)
      .attr('font-weight', 700)
      .select('title')
      .text((curve) => `${curve.label} diverged at step ${curve.diverged!.step}: ${curve.diverged!.reason}`);

    // time ticks take the precision their spacing needs (d3's tickFormat); counts are whole numbers
    this.xAxis.call(
      axis === 'time' ? axisBottom(x).ticks(6) : axisBottom(x).tickValues(integerTicks(x)).tickFormat((value) => formatCount(Number(value))),
    );
    const yTicks = mapping.log ? logTickExponents(y.domain()[0], y.domain()[1]).map((exponent) => 10 ** exponent) : y.ticks(6);
    const yAxis = axisLeft(y)
      .tickValues(yTicks)
      .tickFormat((value) => (mapping.log ? formatPowerOfTen(Math.round(Math.log10(Number(value)))) : format('~g')(Number(value))));
    this.yAxis.call(yAxis);
    this.grid
      .selectAll('line')
      .data(yTicks)
      .join('line')
      .attr('x1', margin.left)
      .attr('x2', width - margin.right)
      .attr('y1', (value) => y(value))
      .attr('y2', (value) => y(value))
      .attr('stroke', '#e5e5e5');
    this.xTitle.text(AXIS_TITLES[axis]);
    this.yTitle.text(mapping.title);
    this.renderStep();
    if (this.hoverAt) this.hover(this.hoverAt);
  }

  /** The band's area and its median line, under the curves; nothing without a band. */
  private renderBand(band: LossBand | null): void {
    const { x, y, mapping } = this;
    const paths = band ? lossBandPaths(band, x, (loss) => clamp(y(mapping.plot(loss)), -PIXEL_LIMIT, PIXEL_LIMIT, NaN)) : null;
    const shown = paths ? [{ kind: 'area', d: paths.area }, { kind: 'median', d: paths.median }] : [];
    this.bandLayer
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

  /** The downsampled SVG path of one curve, and how many points it draws. */
  private pathOf(curve: LossCurve): { d: string; drawn: number } {
    const count = curve.loss.length;
    const pixelX = new Float64Array(count);
    const pixelY = new Float64Array(count);
    // the scales written out as a + b·v (and a + b·log v): a 100,000-point run is mapped in a few
    // milliseconds instead of through a d3 scale call per point
    const [xLow, xHigh] = this.x.domain();
    const [xLeft, xRight] = this.x.range();
    const xSlope = (xRight - xLeft) / (xHigh - xLow);
    const xs = this.axis === 'step' ? null : this.axis === 'evaluations' ? curve.evaluations : curve.elapsedMs;
    const log = this.mapping.log;
    const [yLow, yHigh] = this.y.domain().map((bound) => (log ? Math.log(bound) : bound));
    const [yBottom, yTop] = this.y.range();
    const ySlope = (yTop - yBottom) / (yHigh - yLow);
    const plot = this.mapping.plot;
    for (let index = 0; index < count; index++) {
      pixelX[index] = xLeft + ((xs ? xs[index] : index) - xLow) * xSlope;
      const plotted = plot(curve.loss[index]);
      // plotted values are > 0 on a log axis (yMapping sees to it); NaN stays NaN. A diverging run
      // can be 1e40 pixels off the plot, and toFixed writes that as "1e+40", which SVG cannot read:
      // held to ±PIXEL_LIMIT, a segment leaving the plot keeps its visible part to within 0.001 px
      const pixel = yBottom + ((log ? Math.log(plotted) : plotted) - yLow) * ySlope;
      pixelY[index] = pixel > PIXEL_LIMIT ? PIXEL_LIMIT : pixel < -PIXEL_LIMIT ? -PIXEL_LIMIT : pixel;
    }
    const kept = m4Indices(pixelX, pixelY);
    let d = '';
    let penDown = false;
    for (const index of kept) {
      const py = pixelY[index];
      if (!Number.isFinite(py)) {
        penDown = false;
        continue;
      }
      d += `${penDown ? 'L' : 'M'}${pixelX[index].toFixed(1)},${py.toFixed(1)}`;
      penDown = true;
    }
    return { d, drawn: kept.length };
  }

  /** The line at the current step and each run's dot on it. */
  private renderStep(): void {
    const { margin, height } = this;
    const { x, y, mapping, axis, step } = this;
    const top = margin.top;
    const bottom = height - margin.bottom;
    const points = this.curves.map((curve) => {
      const index = Math.min(step, curve.loss.length - 1);
      // past the end of a diverged run its ✕ marks where it stopped
      if (index < 0 || (curve.diverged && step > index)) return { curve, px: NaN, py: NaN };
      const plotted = mapping.plot(curve.loss[index]);
      return { curve, px: x(xAt(curve, axis, index)), py: Number.isFinite(plotted) ? clamp(y(plotted), top, bottom, top) : NaN };
    });
    // on the step axis every run is at x = step; on the others the first run's x marks the moment
    const lineX = axis === 'step' ? x(step) : points.find((point) => Number.isFinite(point.px))?.px;
    this.stepLayer
      .select('line.step-line')
      .attr('display', lineX === undefined ? 'none' : null)
      .attr('data-step', step)
      .attr('x1', lineX ?? 0)
      .attr('x2', lineX ?? 0)
      .attr('y1', top)
      .attr('y2', bottom);
    this.stepLayer
      .selectAll<SVGCircleElement, (typeof points)[number]>('circle.step-dot')
      .data(points.filter((point) => Number.isFinite(point.px) && Number.isFinite(point.py)))
      .join('circle')
      .attr('class', 'step-dot')
      .attr('r', 3.5)
      .attr('cx', (point) => point.px)
      .attr('cy', (point) => point.py)
      .attr('fill', (point) => point.curve.color)
      .attr('stroke', '#fff')
      .attr('stroke-width', 1.2);
  }

  /** Each run's point under the pointer's x: on the step axis the same step, else the nearest in x. */
  private pointsUnder(pixelX: number): { curve: LossCurve; index: number; beyond: boolean }[] {
    const value = this.x.invert(pixelX);
    const step = Math.max(0, Math.round(value));
    return this.curves
      .filter((curve) => curve.loss.length > 0)
      .map((curve) => {
        const last = curve.loss.length - 1;
        if (this.axis === 'step') return { curve, index: Math.min(step, last), beyond: step > last };
        const xs = this.axis === 'evaluations' ? curve.evaluations : curve.elapsedMs;
        const index = nearestIndex(xs, value);
        return { curve, index, beyond: index === last && value > xs[last] && last < this.numSteps };
      });
  }

  /** The step a click at this point shows: the step under the pointer, or on the evaluation and time axes the step of the curve nearest the pointer. */
  private pickStep([pixelX, pixelY]: [number, number]): number | null {
    if (this.axis === 'step') return Math.max(0, Math.min(this.numSteps, Math.round(this.x.invert(pixelX))));
    let best: { index: number; distance: number } | null = null;
    for (const { curve, index } of this.pointsUnder(pixelX)) {
      const plotted = this.mapping.plot(curve.loss[index]);
      const distance = Number.isFinite(plotted) ? Math.abs(this.y(plotted) - pixelY) : Infinity;
      if (!best || distance < best.distance) best = { index, distance };
    }
    return best ? best.index : null;
  }

  /** Shows the crosshair and the tooltip for a pointer position, or hides them (null). */
  private hover(at: [number, number] | null): void {
    this.hoverAt = at;
    if (!at || this.curves.length === 0) {
      this.crosshair.attr('display', 'none');
      this.tooltip.attr('display', 'none');
      return;
    }
    const { width, height, margin } = this;
    const [pixelX, pixelY] = at;
    const top = margin.top;
    const bottom = height - margin.bottom;
    const under = this.pointsUnder(pixelX);
    const rows = under.map(({ curve, index, beyond }) => {
      const plotted = this.mapping.plot(curve.loss[index]);
      return {
        curve,
        px: this.x(xAt(curve, this.axis, index)),
        // past a diverged run's end there is no point to ring: its ✕ is there already
        py: Number.isFinite(plotted) && !(beyond && curve.diverged) ? clamp(this.y(plotted), top, bottom, top) : NaN,
        text: this.rowText(curve, index, beyond),
      };
    });
    this.crosshair.attr('display', null);
    // on the step axis the crosshair snaps to the step it reads
    const lineX = this.axis === 'step' ? this.x(Math.min(this.numSteps, Math.max(0, Math.round(this.x.invert(pixelX))))) : pixelX;
    this.crosshair.select('line.crosshair-line').attr('x1', lineX).attr('x2', lineX).attr('y1', top).attr('y2', bottom);
    this.crosshair
      .selectAll<SVGCircleElement, (typeof rows)[number]>('circle')
      .data(rows.filter((row) => Number.isFinite(row.py)))
      .join('circle')
      .attr('r', 4)
      .attr('cx', (row) => row.px)
      .attr('cy', (row) => row.py)
      .attr('fill', 'none')
      .attr('stroke', (row) => row.curve.color)
      .attr('stroke-width', 2);

    const picked = this.pickStep(at);
    const lines = [
      { text: this.headerText(pixelX), color: null as string | null, kind: 'header' },
      ...rows.map((row) => ({ text: row.text, color: row.curve.color, kind: 'row' })),
      ...(picked === null ? [] : [{ text: `click: show step ${formatCount(picked)}`, color: null, kind: 'hint' }]),
    ];
    this.tooltip.attr('display', null);
    const texts = this.tooltip
      .selectAll<SVGTextElement, (typeof lines)[number]>('text')
      .data(lines)
      .join('text')
      .attr('class', (line) => `tooltip-${line.kind}`)
      .text((line) => line.text);
    // the text size comes from the stylesheet (rem, so it follows "large text"): space lines by it
    const fontSize = parseFloat(getComputedStyle(texts.node()!).fontSize) || 11;
    const lineHeight = Math.round(fontSize * 1.4);
    const swatchSize = Math.round(fontSize * 0.65);
    const indent = swatchSize + 6;
    texts
      .attr('x', (line) => TOOLTIP_PADDING + (line.color ? indent : 0))
      .attr('y', (_line, index) => TOOLTIP_PADDING + index * lineHeight + fontSize * 0.95);
    this.tooltip
      .selectAll<SVGRectElement, (typeof lines)[number]>('rect.swatch')
      .data(lines.filter((line) => line.color))
      .join('rect')
      .attr('class', 'swatch')
      .attr('x', TOOLTIP_PADDING)
      .attr('y', (_line, index) => TOOLTIP_PADDING + (index + 1) * lineHeight + fontSize * 0.95 - swatchSize)
      .attr('width', swatchSize)
      .attr('height', swatchSize)
      .attr('rx', 2)
      .attr('fill', (line) => line.color!);
    let textWidth = 0;
    texts.each(function (line) {
      textWidth = Math.max(textWidth, this.getComputedTextLength() + (line.color ? indent : 0));
    });
    const boxWidth = textWidth + 2 * TOOLTIP_PADDING;
    const boxHeight = lines.length * lineHeight + TOOLTIP_PADDING * 1.5;
    this.tooltip.select('rect.tooltip-box').attr('width', boxWidth).attr('height', boxHeight);
    // beside the pointer, on whichever side has room, never off the chart
    const left = pixelX + 14 + boxWidth <= width - 2 ? pixelX + 14 : Math.max(2, pixelX - 14 - boxWidth);
    const topEdge = Math.max(2, Math.min(height - boxHeight - 2, pixelY - boxHeight / 2));
    this.tooltip.attr('transform', `translate(${left.toFixed(1)},${topEdge.toFixed(1)})`);
  }

  private headerText(pixelX: number): string {
    const value = Math.max(0, this.x.invert(pixelX));
    if (this.axis === 'step') return `step ${formatCount(Math.min(this.numSteps, Math.round(value)))}`;
    if (this.axis === 'evaluations') return `${formatCount(Math.round(value))} evaluations`;
    return `${formatMilliseconds(value)} ms`;
  }

  private rowText(curve: LossCurve, index: number, beyond: boolean): string {
    const label = curve.label.length > MAX_LABEL ? `${curve.label.slice(0, MAX_LABEL - 1)}…` : curve.label;
    if (beyond && curve.diverged) return `${label}: diverged at step ${curve.diverged.step}`;
    // in f − f* mode the tooltip reads what the curve shows
    const name = this.mapping.gap ? 'f − f* = ' : '';
    const value = this.mapping.gap ? this.mapping.plot(curve.loss[index]) : curve.loss[index];
    const where = this.axis === 'step' ? '' : ` (step ${formatCount(index)})`;
    return `${label}: ${name}${formatLoss(value)}${where}`;
  }

  /** Removes everything this chart drew and its pointer handlers. */
  destroy(): void {
    this.hoverArea.on('pointermove pointerdown pointerleave click', null);
    this.root.selectAll('*').remove();
    this.overlay.selectAll('*').remove();
  }
}

/** Clamps to [low, high]; NaN becomes `fallback`. */
function clamp(value: number, low: number, high: number, fallback: number): number {
  if (Number.isNaN(value)) return fallback;
  return Math.max(low, Math.min(high, value));
}

/** A band's quartile as a curve, for the y scale. */
function bandCurve(band: LossBand, loss: ArrayLike<number>): LossCurve {
  return { label: band.label, color: band.color, loss, evaluations: [], elapsedMs: [], diverged: null };
}

/** About six whole-number ticks of a count axis (steps and evaluations have no halves). */
function integerTicks(x: ScaleContinuousNumeric<number, number>): number[] {
  return x.ticks(6).filter((value) => Number.isInteger(value));
}
