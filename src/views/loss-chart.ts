import { axisBottom, scaleLinear, scaleLog, select, type ScaleContinuousNumeric, type Selection } from 'd3';
import { lossAxisLeft } from './chart-axes';
import { ChartFrame } from './chart-frame';
import { placeDirectLabels } from './direct-labels';
import { drawLossBand, type LossBand } from './loss-band';
import { lossCurvePath, PIXEL_LIMIT } from './loss-curve-path';
import { LossReadout, readoutHeader, readoutRow } from './loss-readout';
import {
  axisTitle,
  formatCount,
  nearestIndex,
  xAt,
  xSeries,
  xExtent,
  yExtent,
  yMapping,
  type LossChartAxis,
  type LossChartScale,
  type LossCurve,
  type SampledSeries,
  type YMapping,
} from './loss-series';
import { drawRunLegend, legendEntries } from './run-legend';
import type { Margin } from './scales';
import { textWidth } from './text-width';

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

const MARGIN_REM: Margin = { top: 0.75, right: 1.25, bottom: 2.6, left: 4.2 };

/** Direct labels: the leader from a curve's end to its label, the gap before the text, and the most of the chart's width they may take. */
const DIRECT_LABEL = { leader: 9, gap: 3, maxShare: 0.3, lineHeight: 1.3 } as const;

/** One run's name at the end of its curve: where the curve ends and where its label sits (SVG units). */
interface DirectLabel {
  readonly curve: LossCurve;
  readonly endY: number;
  readonly labelY: number;
}

/**
 * Loss against step (or evaluations, or wall time) for every run, with the current step marked and
 * a crosshair that reads every run's loss under the pointer. Long runs are drawn downsampled
 * (M4, see downsample.ts); the data attributes still count every point. One SVG unit is one CSS
 * pixel (setSize follows the panel), so text keeps its size on a phone and on a projector.
 */
export class LossChart {
  private readonly onPickStep: ((step: number) => void) | undefined;
  private readonly frame: ChartFrame;
  private readonly bandLayer: Group;
  private readonly curvesLayer: Group;
  private readonly validationLayer: Group;
  private readonly divergedLayer: Group;
  private readonly budgetLayer: Group;
  private readonly legendLayer: Group;
  private readonly directLabelsLayer: Group;
  private readonly stepLayer: Group;
  private readonly readout: LossReadout;

  private curves: readonly LossCurve[] = [];
  private band: LossBand | null = null;
  private numSteps = 1;
  private scale: LossChartScale = 'log';
  private fStar: number | null = null;
  private axis: LossChartAxis = 'step';
  /** What the y axis shows: the loss, or a data problem's accuracy (curves carry it in `loss`). */
  private measure: 'loss' | 'accuracy' = 'loss';
  /** What each evaluation weighs on the weighted-cost axis, for its title. */
  private weights: string | null = null;
  /** Budget mode's budget on the x axis, and its words; null when off. */
  private budget: number | null = null;
  private budgetLabel = '';
  /** The wall clock's tick in milliseconds (null: not known), for the time axis. */
  private clockResolution: number | null = null;
  private step = 0;
  private x = scaleLinear();
  private y: ScaleContinuousNumeric<number, number> = scaleLog();
  private mapping: YMapping = yMapping('log', null, []);
  /** Each curve's path data by its losses, with the scales (and x values) it was drawn for. */
  private readonly paths = new WeakMap<LossCurve['loss'], { scales: string; xs: LossCurve['cost'] | null; path: { d: string; drawn: number } }>();
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
    this.onPickStep = onPickStep;
    const root = select(layers.chart).classed('loss-chart', true);
    // the overlay lets the pointer through to the page, except over the plot (hover-area)
    const overlay = select(layers.overlay).classed('loss-chart-overlay', true).style('pointer-events', 'none');
    this.frame = new ChartFrame([root, overlay], { marginRem: MARGIN_REM, width, height, clip: { idPrefix: 'loss-clip' }, grid: true });
    this.bandLayer = root.append('g').attr('class', 'loss-band').attr('clip-path', this.frame.clipPath);
    this.validationLayer = root.append('g').attr('class', 'validation-curves').attr('clip-path', this.frame.clipPath);
    this.curvesLayer = root.append('g').attr('class', 'curves').attr('clip-path', this.frame.clipPath);
    this.divergedLayer = root.append('g').attr('class', 'diverged-markers');
    this.budgetLayer = root.append('g').attr('class', 'budget');
    // the legend above the plot and the names at the curves' ends are part of the picture, so every export has them
    this.legendLayer = root.append('g').attr('class', 'loss-legend');
    this.directLabelsLayer = root.append('g').attr('class', 'direct-labels');
    this.stepLayer = overlay.append('g').attr('class', 'step-indicator');
    this.stepLayer.append('line').attr('class', 'step-line').attr('stroke', '#666').attr('stroke-width', 1.2);
    this.readout = new LossReadout(overlay);
    this.frame.addHoverArea(overlay, {
      cursor: 'crosshair',
      hoverOnPress: true,
      before: '.chart-tooltip',
      onHover: (at) => this.hover(at),
      onClick: (at) => {
        const picked = this.pickStep(at);
        if (picked !== null) this.onPickStep?.(picked);
      },
    });
    this.frame.layout();
    this.render();
  }

  /** Resizes the chart to width × height CSS pixels, and re-reads the text size (the large-text toggle). */
  setSize(width: number, height: number): void {
    this.frame.setSize(width, height);
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

  /** Switches what the x axis counts; on the weighted cost `weights` says what each evaluation weighs ("f = 1, ∇f = 1, ∇²f = n = 2"). */
  setAxis(axis: LossChartAxis, weights: string | null = null): void {
    this.axis = axis;
    this.weights = weights;
    this.render();
  }

  /** Switches the y axis between the loss and a data problem's accuracy (then linear, the curves' `loss` holding the training accuracy). */
  setMeasure(measure: 'loss' | 'accuracy'): void {
    this.measure = measure;
    this.render();
  }

  /** Marks the budget (in the x axis's units) with a vertical line named `label`; null removes it. The runs arrive already cut. */
  setBudget(budget: number | null, label: string | null = null): void {
    this.budget = budget;
    this.budgetLabel = label ?? '';
    this.render();
  }

  /** Sets the wall clock's resolution in milliseconds: the time axis states it and spans at least MIN_TIME_TICKS of its ticks. */
  setClockResolution(milliseconds: number | null): void {
    this.clockResolution = milliseconds;
    if (this.axis === 'time') this.render();
  }

  /** Moves the current-step line and dots; the curves stay as they are (this runs every frame while playing). */
  setStep(step: number): void {
    this.step = step;
    this.renderStep();
  }

  private render(): void {
    const { curves, axis, frame } = this;
    // the legend takes the top of the chart; the plot gets what is left
    const legendHeight = drawRunLegend(this.legendLayer, legendEntries(curves), frame.width);
    frame.setExtraMargin({ top: legendHeight });
    // the band's quartiles take part in the y scale like curves of their own
    const band = axis === 'step' ? this.band : null;
    const validationCurves = curves.flatMap((curve) => (curve.validation && curve.validation.index.length > 0 ? [validationCurve(curve, curve.validation, axis)] : []));
    const scaled = [...curves, ...validationCurves, ...(band ? [bandCurve(band, band.lower), bandCurve(band, band.upper)] : [])];
    this.mapping =
      this.measure === 'accuracy'
        ? { plot: (value) => (Number.isFinite(value) ? value : NaN), log: false, gap: false, title: 'accuracy (solid: training, dashed: validation)' }
        : yMapping(this.scale, this.fStar, scaled);
    const mapping = this.mapping;
    const xDomain = xExtent(curves, axis, this.numSteps, this.clockResolution);
    // the budget line stays in view even where every run stopped short of it
    if (this.budget !== null && this.budget > xDomain[1]) xDomain[1] = this.budget;
    const y: ScaleContinuousNumeric<number, number> = mapping.log ? scaleLog() : scaleLinear();
    this.y = y
      .domain(yExtent(scaled, mapping))
      .range([frame.bottom, frame.top])
      .nice();
    // the names at the curves' ends need room right of the plot; without it, the legend alone names the runs
    const direct = this.directLabelLayout(xDomain);
    frame.setExtraMargin({ top: legendHeight, right: direct?.room ?? 0 });
    this.x = scaleLinear().domain(xDomain).range([frame.left, frame.right]);
    const x = this.x;
    this.drawDirectLabels(direct?.labels ?? []);
    // the band's quartiles held to ±PIXEL_LIMIT like the curves (NaN: not drawn)
    drawLossBand(this.bandLayer, band, x, (loss) => clamp(y(mapping.plot(loss)), -PIXEL_LIMIT, PIXEL_LIMIT, NaN));

    // a curve whose losses and scales are as before keeps its path data, and an unchanged path is
    // not written again: dragging a start recomputes one run, and the others stay as they were
    const scalesNow = `${axis} ${this.scale} ${this.fStar} ${x.domain()} ${x.range()} ${y.domain()} ${y.range()}`;
    const pathOf = (curve: LossCurve) => {
      const xs = xSeries(curve, axis);
      const kept = this.paths.get(curve.loss);
      if (kept && kept.scales === scalesNow && kept.xs === xs) return kept.path;
      const path = lossCurvePath(curve, axis, x, y, mapping);
      this.paths.set(curve.loss, { scales: scalesNow, xs, path });
      return path;
    };
    this.curvesLayer
      .selectAll<SVGPathElement, { curve: LossCurve; d: string; drawn: number }>('path.loss-curve')
      .data(curves.map((curve) => ({ curve, ...pathOf(curve) })))
      .join('path')
      .attr('class', 'loss-curve')
      .attr('data-label', ({ curve }) => curve.label)
      .attr('data-points', ({ curve }) => curve.loss.length)
      .attr('data-drawn', ({ drawn }) => drawn)
      // where the curve ends on the x axis, in the axis's units (steps, evaluations, cost, ms)
      .attr('data-end-x', ({ curve }) => (curve.loss.length > 0 ? xAt(curve, axis, curve.loss.length - 1) : null))
      .each(function ({ d }) {
        if (this.getAttribute('d') !== d) this.setAttribute('d', d);
      })
      .attr('fill', 'none')
      .attr('stroke', ({ curve }) => curve.color)
      .attr('stroke-width', 1.8)
      .attr('stroke-linejoin', 'round');

    // the held-out series, dashed in the run's colour: their x values are already in the axis's units
    this.validationLayer
      .selectAll<SVGPathElement, LossCurve>('path.validation-curve')
      .data(validationCurves)
      .join('path')
      .attr('class', 'validation-curve')
      .attr('data-label', (curve) => curve.label)
      .attr('data-points', (curve) => curve.loss.length)
      .attr('d', (curve) => lossCurvePath(curve, 'evaluations', x, y, mapping).d)
      .attr('fill', 'none')
      .attr('stroke', (curve) => curve.color)
      .attr('stroke-width', 1.6)
      .attr('stroke-dasharray', '6 4')
      .attr('stroke-linejoin', 'round');

    const { top, bottom } = frame;
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
    frame.xAxis.call(
      axis === 'time' || axis === 'epoch' ? axisBottom(x).ticks(6) : axisBottom(x).tickValues(integerTicks(x)).tickFormat((value) => formatCount(Number(value))),
    );
    const yAxis = lossAxisLeft(y, mapping, 6);
    frame.yAxis.call(yAxis.axis);
    frame.drawGrid(yAxis.ticks, y).attr('stroke', '#e5e5e5');
    frame.xTitle.text(axisTitle(axis, this.clockResolution, this.weights));
    this.drawBudget(x);
    frame.yTitle.text(mapping.title);
    this.renderStep();
    if (this.hoverAt) this.hover(this.hoverAt);
  }

  /** The budget's vertical line and its name at the top of the plot. */
  private drawBudget(x: ScaleContinuousNumeric<number, number>): void {
    const { top, bottom } = this.frame;
    const budget = this.budget;
    const shown = budget !== null && budget >= x.domain()[0] && budget <= x.domain()[1] ? [budget] : [];
    const marks = this.budgetLayer
      .selectAll<SVGGElement, number>('g.budget-line')
      .data(shown)
      .join((enter) => {
        const mark = enter.append('g').attr('class', 'budget-line');
        mark.append('line').attr('stroke', '#888').attr('stroke-width', 1.2).attr('stroke-dasharray', '5 4');
        mark.append('text').attr('text-anchor', 'end').attr('dy', '1em').attr('font-size', 11).attr('fill', 'currentColor');
        return mark;
      })
      .attr('data-budget', (value) => value);
    marks.select('line').attr('x1', (value) => x(value)).attr('x2', (value) => x(value)).attr('y1', top).attr('y2', bottom);
    marks.select('text').attr('x', (value) => x(value) - 4).attr('y', top + 2).text(this.budgetLabel);
  }

  /**
   * Each run's name beside its curve's end, for the curves that reach the right edge (a diverged
   * run ends at its ✕ and is named in the legend), moved apart where ends are close; null when
   * they do not fit beside the plot or cannot stay near their curves.
   */
  private directLabelLayout(xDomain: readonly [number, number]): { labels: DirectLabel[]; room: number } | null {
    const { y, mapping, axis, frame } = this;
    const { top, bottom } = frame;
    const xEnd = xDomain[1];
    const tolerance = 0.005 * (xDomain[1] - xDomain[0]);
    const ending = this.curves.flatMap((curve) => {
      const last = curve.loss.length - 1;
      if (last < 0 || curve.diverged || xAt(curve, axis, last) < xEnd - tolerance) return [];
      const plotted = y(mapping.plot(curve.loss[last]));
      return Number.isFinite(plotted) ? [{ curve, endY: Math.max(top, Math.min(bottom, plotted)) }] : [];
    });
    if (ending.length === 0) return null;
    const node = this.directLabelsLayer.node()!;
    const style = getComputedStyle(node);
    const fontSize = parseFloat(style.fontSize) || 12;
    const font = `${style.fontWeight} ${fontSize}px ${style.fontFamily}`;
    const widest = Math.max(...ending.map(({ curve }) => textWidth(curve.label, font, fontSize)));
    const needed = Math.ceil(DIRECT_LABEL.leader + DIRECT_LABEL.gap + widest + 4);
    if (needed > DIRECT_LABEL.maxShare * frame.width) return null;
    // the margin's own width (no extra yet) holds part of it
    const room = Math.max(0, needed - frame.margin.right);
    const positions = placeDirectLabels(
      ending.map((item) => item.endY),
      fontSize * DIRECT_LABEL.lineHeight,
      top,
      bottom,
    );
    if (!positions) return null;
    return { labels: ending.map((item, index) => ({ ...item, labelY: positions[index] })), room };
  }

  /** Draws the direct labels at the plot's right edge: a leader in the run's colour, then its name. */
  private drawDirectLabels(labels: readonly DirectLabel[]): void {
    const right = this.frame.right;
    const items = this.directLabelsLayer
      .selectAll<SVGGElement, DirectLabel>('g.direct-label')
      .data(labels)
      .join((enter) => {
        const item = enter.append('g').attr('class', 'direct-label');
        item.append('path').attr('class', 'leader');
        item.append('text');
        return item;
      })
      .attr('data-label', (label) => label.curve.label);
    items
      .select('path.leader')
      .attr('d', (label) => `M${right + 2},${label.endY}L${right + DIRECT_LABEL.leader - 2},${label.labelY}H${right + DIRECT_LABEL.leader}`)
      .attr('fill', 'none')
      .attr('stroke', (label) => label.curve.color)
      .attr('stroke-width', 2);
    items
      .select('text')
      .attr('x', right + DIRECT_LABEL.leader + DIRECT_LABEL.gap)
      .attr('y', (label) => label.labelY)
      .attr('dy', '0.35em')
      .text((label) => label.curve.label);
  }

  /** The line at the current step and each run's dot on it. */
  private renderStep(): void {
    const { x, y, mapping, axis, step } = this;
    const { top, bottom } = this.frame;
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
        const xs = xSeries(curve, this.axis)!;
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
      this.readout.hide();
      return;
    }
    const { width, height, top, bottom } = this.frame;
    const { x, y, mapping, axis, numSteps } = this;
    const [pixelX] = at;
    const rows = this.pointsUnder(pixelX).map(({ curve, index, beyond }) => {
      const plotted = mapping.plot(curve.loss[index]);
      return {
        px: x(xAt(curve, axis, index)),
        // past a diverged run's end there is no point to ring: its ✕ is there already
        py: Number.isFinite(plotted) && !(beyond && curve.diverged) ? clamp(y(plotted), top, bottom, top) : NaN,
        color: curve.color,
        text: readoutRow(curve, index, beyond, axis, mapping),
      };
    });
    const picked = this.pickStep(at);
    this.readout.show({
      at,
      // on the step axis the crosshair snaps to the step it reads
      lineX: axis === 'step' ? x(Math.min(numSteps, Math.max(0, Math.round(x.invert(pixelX))))) : pixelX,
      top,
      bottom,
      rings: rows.filter((row) => Number.isFinite(row.py)),
      lines: [
        { text: readoutHeader(Math.max(0, x.invert(pixelX)), axis, numSteps), color: null, kind: 'header' },
        ...rows.map((row) => ({ text: row.text, color: row.color, kind: 'row' as const })),
        ...(picked === null ? [] : [{ text: `click: show step ${formatCount(picked)}`, color: null, kind: 'hint' as const }]),
      ],
      width,
      height,
    });
  }

  /** Removes everything this chart drew and its pointer handlers. */
  destroy(): void {
    this.frame.destroy();
  }
}

/** Clamps to [low, high]; NaN, and what a d3 scale answers for a NaN (undefined), become `fallback`. */
function clamp(value: number | undefined, low: number, high: number, fallback: number): number {
  // y(NaN) is the scale's .unknown(), undefined by default: Math.min would make it NaN, and a run
  // whose f is undefined at its start put y="NaN" on its ✕
  if (value === undefined || Number.isNaN(value)) return fallback;
  return Math.max(low, Math.min(high, value));
}

/** A curve's validation series as a curve of its own, its x values (in `cost`) on `axis` already: drawn and scaled on the 'evaluations' axis, which reads `cost`. */
function validationCurve(curve: LossCurve, series: SampledSeries, axis: LossChartAxis): LossCurve {
  const cost = Float64Array.from({ length: series.index.length }, (_, index) => xAt(curve, axis, series.index[index]));
  return { label: curve.label, color: curve.color, loss: series.value, cost, elapsedMs: [], diverged: null };
}

/** A band's quartile as a curve, for the y scale. */
function bandCurve(band: LossBand, loss: ArrayLike<number>): LossCurve {
  return { label: band.label, color: band.color, loss, cost: [], elapsedMs: [], diverged: null };
}

/** About six whole-number ticks of a count axis (steps and evaluations have no halves). */
function integerTicks(x: ScaleContinuousNumeric<number, number>): number[] {
  return x.ticks(6).filter((value) => Number.isInteger(value));
}
