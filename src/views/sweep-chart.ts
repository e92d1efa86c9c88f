// A learning-rate sweep as a chart: final (or best) loss against learning rate, both on log
// scales, with the run's current learning rate marked and the best one ringed. Diverged runs sit
// as ✕ on the top edge. Clicking picks the swept learning rate nearest the pointer.
import { axisBottom, axisLeft, format, pointer, scaleLog, scaleLinear, select, type ScaleContinuousNumeric, type Selection } from 'd3';
import { SUMMARY_OFFSET, SUMMARY_STRIDE, type SweepJob } from '../engine/batch/types';
import { logSpaced } from '../engine/batch/cells';
import type { SweepMetric } from '../experiment/analysis-settings';
import { formatLoss, formatPowerOfTen, logTickExponents, yExtent, yMapping, type LossCurve, type YMapping } from './loss-series';
import type { Margin } from './scales';

const defaults = {
  width: 520,
  height: 260,
  /** Called with the learning rate picked by a click. */
  onPick: undefined as ((learningRate: number) => void) | undefined,
};

/** Options of a SweepChart; any left out take `defaults`. */
export type SweepChartOptions = Partial<typeof defaults>;

const { finalLoss: FINAL_LOSS, bestLoss: BEST_LOSS, divergedStep: DIVERGED_STEP } = SUMMARY_OFFSET;

/** Points drawn as dots as well as a line up to this many learning rates. */
const MAX_DOTS = 128;

/** One row of a sweep: each learning rate's loss, NaN where the run has not reported yet. */
export interface SweepLine {
  /** Ascending, log-spaced. */
  readonly learningRates: Float64Array;
  readonly loss: Float64Array;
  /** 1 where the run diverged (its loss is the last finite one). */
  readonly diverged: Uint8Array;
}

/** Each of `count` runs' loss (final or best) and whether it diverged, from run `from` of a sweep's summaries. */
export function sweepLosses(summaries: Float64Array, metric: SweepMetric, from: number, count: number): Pick<SweepLine, 'loss' | 'diverged'> {
  const loss = new Float64Array(count);
  const diverged = new Uint8Array(count);
  const field = metric === 'best' ? BEST_LOSS : FINAL_LOSS;
  for (let j = 0; j < count; j++) {
    const offset = (from + j) * SUMMARY_STRIDE;
    loss[j] = summaries[offset + field];
    diverged[j] = summaries[offset + DIVERGED_STEP] >= 0 ? 1 : 0;
  }
  return { loss, diverged };
}

/** The line of a sweep's summaries for row `secondIndex` (0 for a 1-D sweep), by final or best loss. */
export function sweepLine(summaries: Float64Array, job: Pick<SweepJob, 'learningRates'>, metric: SweepMetric, secondIndex = 0): SweepLine {
  const { min, max, count } = job.learningRates;
  const learningRates = Float64Array.from({ length: count }, (_, j) => logSpaced(min, max, count, j));
  return { learningRates, ...sweepLosses(summaries, metric, secondIndex * count, count) };
}

/** Index of the lowest loss among runs that did not diverge, or −1. */
export function bestIndex(line: Pick<SweepLine, 'loss' | 'diverged'>): number {
  let best = -1;
  for (let j = 0; j < line.loss.length; j++) {
    if (line.diverged[j] || !Number.isFinite(line.loss[j])) continue;
    if (best < 0 || line.loss[j] < line.loss[best]) best = j;
  }
  return best;
}

/** Index of the computed learning rate nearest `learningRate` on the log scale, or −1 when none is computed. */
export function nearestComputed(line: Pick<SweepLine, 'learningRates' | 'loss'>, learningRate: number): number {
  let nearest = -1;
  let distance = Infinity;
  const target = Math.log(learningRate);
  for (let j = 0; j < line.learningRates.length; j++) {
    if (Number.isNaN(line.loss[j])) continue;
    const d = Math.abs(Math.log(line.learningRates[j]) - target);
    if (d < distance) {
      nearest = j;
      distance = d;
    }
  }
  return nearest;
}

/** How a sweep's losses are plotted: log f, or log(f − f*) when some loss is ≤ 0 and f* is known. */
export function sweepMapping(line: Pick<SweepLine, 'loss' | 'diverged'>, fStar: number | null): YMapping {
  const curve = asCurve(line);
  let positive = true;
  for (let j = 0; j < curve.loss.length; j++) if (curve.loss[j] <= 0) positive = false;
  return yMapping(!positive && fStar !== null ? 'gap' : 'log', fStar, [curve]);
}

/** The line's losses as a loss curve, diverged runs left out (they are marked on the edge instead). */
function asCurve(line: Pick<SweepLine, 'loss' | 'diverged'>): LossCurve {
  const loss = Float64Array.from(line.loss, (value, j) => (line.diverged[j] ? NaN : value));
  return { label: 'sweep', color: '', loss, evaluations: [], elapsedMs: [], diverged: null };
}

type Group = Selection<SVGGElement, unknown, null, undefined>;

const MARGIN_REM: Margin = { top: 0.9, right: 1, bottom: 2.6, left: 4.2 };
const FORMAT_RATE = format('.3~g');

/** Loss against learning rate for one sweep, log-log. */
export class SweepChart {
  private readonly onPick: ((learningRate: number) => void) | undefined;
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly grid: Group;
  private readonly xAxis: Group;
  private readonly yAxis: Group;
  private readonly xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly plot: Group;
  private readonly currentLine: Selection<SVGLineElement, unknown, null, undefined>;
  private readonly hoverLayer: Group;
  private readonly hoverArea: Selection<SVGRectElement, unknown, null, undefined>;
  private width: number;
  private height: number;
  private margin: Margin = { top: 14, right: 16, bottom: 42, left: 67 };
  private line: SweepLine | null = null;
  private metric: SweepMetric = 'final';
  private fStar: number | null = null;
  private current: number | null = null;
  private x = scaleLog();
  private y: ScaleContinuousNumeric<number, number> = scaleLog();
  private mapping: YMapping = yMapping('log', null, []);

  constructor(svg: SVGSVGElement, options: SweepChartOptions = {}) {
    const { width, height, onPick } = { ...defaults, ...options };
    this.width = width;
    this.height = height;
    this.onPick = onPick;
    this.root = select(svg).classed('sweep-chart', true);
    const clipId = `sweep-clip-${Math.random().toString(36).slice(2, 8)}`;
    this.root.append('clipPath').attr('id', clipId).append('rect').attr('class', 'clip-rect');
    this.grid = this.root.append('g').attr('class', 'grid');
    this.xAxis = this.root.append('g').attr('class', 'axis axis-x');
    this.yAxis = this.root.append('g').attr('class', 'axis axis-y');
    this.xTitle = this.root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text('learning rate (log scale)');
    this.yTitle = this.root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
    this.currentLine = this.root.append('line').attr('class', 'sweep-current').attr('stroke-dasharray', '4 3').attr('stroke-width', 1.5);
    this.plot = this.root.append('g').attr('class', 'sweep-plot').attr('clip-path', `url(#${clipId})`);
    this.hoverLayer = this.root.append('g').attr('class', 'sweep-hover').attr('pointer-events', 'none').attr('display', 'none');
    this.hoverLayer.append('line').attr('class', 'crosshair-line').attr('stroke-dasharray', '3 3');
    this.hoverLayer.append('circle').attr('r', 5).attr('fill', 'none').attr('stroke-width', 2);
    this.hoverLayer.append('text').attr('class', 'sweep-tooltip');
    this.hoverArea = this.root.append('rect').attr('class', 'hover-area').attr('fill', 'transparent').style('cursor', 'pointer');
    this.hoverArea
      .on('pointermove', (event: PointerEvent) => this.hover(pointer(event, svg)[0]))
      .on('pointerleave', () => this.hover(null))
      .on('click', (event: MouseEvent) => {
        const index = this.indexAt(pointer(event, svg)[0]);
        if (index >= 0 && this.line) this.onPick?.(this.line.learningRates[index]);
      });
    this.layout();
  }

  /** Resizes to width × height CSS pixels (one SVG unit per pixel, like the loss chart). */
  setSize(width: number, height: number): void {
    this.width = Math.max(240, Math.round(width));
    this.height = Math.max(160, Math.round(height));
    this.layout();
    this.render();
  }

  /** Shows a sweep's line (null: nothing yet), by final or best loss; f* allows f − f* when some loss is ≤ 0. */
  setLine(line: SweepLine | null, metric: SweepMetric, fStar: number | null): void {
    this.line = line;
    this.metric = metric;
    this.fStar = fStar;
    this.render();
  }

  /** Marks the run's current learning rate (null: none). */
  setCurrent(learningRate: number | null): void {
    this.current = learningRate;
    this.renderCurrent();
  }

  private layout(): void {
    const rootFontSize = parseFloat(getComputedStyle(this.root.node()!.ownerDocument.documentElement).fontSize) || 16;
    this.margin = { top: MARGIN_REM.top * rootFontSize, right: MARGIN_REM.right * rootFontSize, bottom: MARGIN_REM.bottom * rootFontSize, left: MARGIN_REM.left * rootFontSize };
    const { width, height, margin } = this;
    this.root.attr('viewBox', `0 0 ${width} ${height}`);
    this.root
      .selectAll('rect.clip-rect')
      .attr('x', margin.left)
      .attr('y', margin.top - 8)
      .attr('width', width - margin.left - margin.right)
      .attr('height', height - margin.top - margin.bottom + 8);
    this.hoverArea
      .attr('x', margin.left)
      .attr('y', margin.top)
      .attr('width', width - margin.left - margin.right)
      .attr('height', height - margin.top - margin.bottom);
    this.xAxis.attr('transform', `translate(0,${height - margin.bottom})`);
    this.yAxis.attr('transform', `translate(${margin.left},0)`);
    this.xTitle.attr('x', margin.left + (width - margin.left - margin.right) / 2).attr('y', height - 0.4 * rootFontSize);
    this.yTitle.attr('transform', `translate(${rootFontSize},${margin.top + (height - margin.top - margin.bottom) / 2}) rotate(-90)`);
  }

  private render(): void {
    const { width, height, margin, line } = this;
    const top = margin.top;
    const bottom = height - margin.bottom;
    this.root.attr('data-points', line ? line.learningRates.length : 0);
    const rates = line?.learningRates;
    this.x = scaleLog()
      .domain(rates && rates.length > 1 ? [rates[0], rates[rates.length - 1]] : [1e-4, 1])
      .range([margin.left, width - margin.right]);
    this.mapping = line ? sweepMapping(line, this.fStar) : yMapping('log', null, []);
    const mapping = this.mapping;
    const curve = line ? asCurve(line) : null;
    const y: ScaleContinuousNumeric<number, number> = mapping.log ? scaleLog() : scaleLinear();
    this.y = y
      .domain(yExtent(curve ? [curve] : [], mapping))
      .range([bottom, top])
      .nice();
    const x = this.x;

    const xTicks = logTickExponents(x.domain()[0], x.domain()[1], 7).map((exponent) => 10 ** exponent);
    this.xAxis.call(axisBottom(x).tickValues(xTicks).tickFormat((value) => formatPowerOfTen(Math.round(Math.log10(Number(value))))));
    const yTicks = mapping.log ? logTickExponents(y.domain()[0], y.domain()[1]).map((exponent) => 10 ** exponent) : y.ticks(5);
    this.yAxis.call(
      axisLeft(y)
        .tickValues(yTicks)
        .tickFormat((value) => (mapping.log ? formatPowerOfTen(Math.round(Math.log10(Number(value)))) : format('~g')(Number(value)))),
    );
    this.grid
      .selectAll('line')
      .data(yTicks)
      .join('line')
      .attr('x1', margin.left)
      .attr('x2', width - margin.right)
      .attr('y1', (value) => y(value))
      .attr('y2', (value) => y(value));
    this.yTitle.text(`${this.metric === 'best' ? 'best' : 'final'} ${mapping.gap ? 'f − f*' : 'loss'} (${mapping.log ? 'log scale' : 'linear'})`);

    const points: { j: number; px: number; py: number }[] = [];
    const diverged: { j: number; px: number }[] = [];
    let d = '';
    let penDown = false;
    if (line && curve) {
      for (let j = 0; j < line.learningRates.length; j++) {
        const px = x(line.learningRates[j]);
        if (line.diverged[j]) diverged.push({ j, px });
        const plotted = mapping.plot(curve.loss[j]);
        const py = Number.isFinite(plotted) ? y(plotted) : NaN;
        if (!Number.isFinite(py)) {
          penDown = false;
          continue;
        }
        points.push({ j, px, py });
        d += `${penDown ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
        penDown = true;
      }
    }
    this.plot
      .selectAll<SVGPathElement, string>('path.sweep-line')
      .data([d])
      .join('path')
      .attr('class', 'sweep-line')
      .attr('d', (path) => path)
      .attr('fill', 'none')
      .attr('stroke-width', 1.8);
    const dots = line && line.learningRates.length <= MAX_DOTS ? points : [];
    this.plot
      .selectAll<SVGCircleElement, (typeof points)[number]>('circle.sweep-dot')
      .data(dots)
      .join('circle')
      .attr('class', 'sweep-dot')
      .attr('r', 2.6)
      .attr('cx', (point) => point.px)
      .attr('cy', (point) => point.py);
    this.plot
      .selectAll<SVGTextElement, (typeof diverged)[number]>('text.diverged-marker')
      .data(diverged)
      .join('text')
      .attr('class', 'diverged-marker')
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .attr('x', (point) => point.px)
      .attr('y', top)
      .text('✕');
    const best = line ? bestIndex(line) : -1;
    const bestPoint = points.find((point) => point.j === best);
    this.plot
      .selectAll<SVGCircleElement, (typeof points)[number]>('circle.sweep-best')
      .data(bestPoint ? [bestPoint] : [])
      .join('circle')
      .attr('class', 'sweep-best')
      .attr('r', 6)
      .attr('fill', 'none')
      .attr('stroke-width', 2)
      .attr('cx', (point) => point.px)
      .attr('cy', (point) => point.py);
    this.root.attr('data-diverged', diverged.length).attr('data-drawn', points.length);
    this.renderCurrent();
  }

  private renderCurrent(): void {
    const { margin, height, current } = this;
    const [low, high] = this.x.domain();
    const shown = current !== null && current >= low && current <= high;
    this.currentLine
      .attr('display', shown ? null : 'none')
      .attr('data-learning-rate', current)
      .attr('x1', shown ? this.x(current) : 0)
      .attr('x2', shown ? this.x(current) : 0)
      .attr('y1', margin.top)
      .attr('y2', height - margin.bottom);
  }

  /** The computed learning rate nearest pixel x, or −1. */
  private indexAt(pixelX: number): number {
    return this.line ? nearestComputed(this.line, this.x.invert(pixelX)) : -1;
  }

  private hover(pixelX: number | null): void {
    const index = pixelX === null ? -1 : this.indexAt(pixelX);
    const line = this.line;
    if (index < 0 || !line) {
      this.hoverLayer.attr('display', 'none');
      return;
    }
    const { margin, width, height } = this;
    const px = this.x(line.learningRates[index]);
    const plotted = line.diverged[index] ? NaN : this.mapping.plot(line.loss[index]);
    const py = Number.isFinite(plotted) ? this.y(plotted) : margin.top;
    this.hoverLayer.attr('display', null);
    this.hoverLayer.select('line').attr('x1', px).attr('x2', px).attr('y1', margin.top).attr('y2', height - margin.bottom);
    this.hoverLayer.select('circle').attr('cx', px).attr('cy', py);
    const value = line.diverged[index] ? 'diverged' : `${this.metric} loss ${formatLoss(line.loss[index])}`;
    const text = `lr ${FORMAT_RATE(line.learningRates[index])}: ${value} · click to use it`;
    const right = px > (margin.left + width - margin.right) / 2;
    this.hoverLayer
      .select('text')
      .text(text)
      .attr('x', right ? px - 8 : px + 8)
      .attr('y', margin.top + 12)
      .attr('text-anchor', right ? 'end' : 'start');
  }

  /** Removes everything this chart drew and its pointer handlers. */
  destroy(): void {
    this.hoverArea.on('pointermove pointerleave click', null);
    this.root.selectAll('*').remove();
  }
}
