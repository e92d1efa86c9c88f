// A learning-rate sweep as a chart: final (or best) loss against learning rate, both on log
// scales, with the run's current learning rate marked and the best one ringed. Diverged runs sit
// as ✕ on the top edge. Clicking picks the swept learning rate nearest the pointer.
import { axisBottom, format, scaleLog, scaleLinear, select, type ScaleContinuousNumeric, type Selection } from 'd3';
import { SUMMARY_OFFSET, summaryStride, type SweepJob } from '../engine/batch/types';
import { logSpaced } from '../engine/batch/cells';
import type { SweepMetric } from '../experiment/analysis-settings';
import { lossAxisLeft, powerOfTenLabel, powerOfTenTicks } from './chart-axes';
import { ChartFrame } from './chart-frame';
import { formatLoss, yExtent, yMapping, type LossCurve, type YMapping } from './loss-series';
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

/** Each of `count` runs' loss (final or best) and whether it diverged, from run `from` of a sweep's summaries (runs on `dimension` coordinates). */
export function sweepLosses(summaries: Float64Array, dimension: number, metric: SweepMetric, from: number, count: number): Pick<SweepLine, 'loss' | 'diverged'> {
  const loss = new Float64Array(count);
  const diverged = new Uint8Array(count);
  const field = metric === 'best' ? BEST_LOSS : FINAL_LOSS;
  const stride = summaryStride(dimension);
  for (let j = 0; j < count; j++) {
    const offset = (from + j) * stride;
    loss[j] = summaries[offset + field];
    diverged[j] = summaries[offset + DIVERGED_STEP] >= 0 ? 1 : 0;
  }
  return { loss, diverged };
}

/** The line of a sweep's summaries (its runs have as many coordinates as its start) for row `secondIndex` (0 for a 1-D sweep), by final or best loss. */
export function sweepLine(summaries: Float64Array, job: Pick<SweepJob, 'start' | 'learningRates'>, metric: SweepMetric, secondIndex = 0): SweepLine {
  const { min, max, count } = job.learningRates;
  const learningRates = Float64Array.from({ length: count }, (_, j) => logSpaced(min, max, count, j));
  return { learningRates, ...sweepLosses(summaries, job.start.length, metric, secondIndex * count, count) };
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
  return { label: 'sweep', color: '', loss, cost: [], elapsedMs: [], diverged: null };
}

type Group = Selection<SVGGElement, unknown, null, undefined>;

const MARGIN_REM: Margin = { top: 0.9, right: 1, bottom: 2.6, left: 4.2 };
const FORMAT_RATE = format('.3~g');

/** Loss against learning rate for one sweep, log-log. */
export class SweepChart {
  private readonly onPick: ((learningRate: number) => void) | undefined;
  private parameterName = 'lr';
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly frame: ChartFrame;
  private readonly plot: Group;
  private readonly currentLine: Selection<SVGLineElement, unknown, null, undefined>;
  private readonly hoverLayer: Group;
  private line: SweepLine | null = null;
  private metric: SweepMetric = 'final';
  private fStar: number | null = null;
  private current: number | null = null;
  private x = scaleLog();
  private y: ScaleContinuousNumeric<number, number> = scaleLog();
  private mapping: YMapping = yMapping('log', null, []);

  constructor(svg: SVGSVGElement, options: SweepChartOptions = {}) {
    const { width, height, onPick } = { ...defaults, ...options };
    this.onPick = onPick;
    this.root = select(svg).classed('sweep-chart', true);
    // the clip reaches 8 px above the plot: the diverged runs' ✕ sit on its top edge
    this.frame = new ChartFrame([this.root], { marginRem: MARGIN_REM, width, height, clip: { idPrefix: 'sweep-clip', overflowTop: 8 }, grid: true });
    this.setParameter('lr');
    this.currentLine = this.root.append('line').attr('class', 'sweep-current').attr('stroke-dasharray', '4 3').attr('stroke-width', 1.5);
    this.plot = this.root.append('g').attr('class', 'sweep-plot').attr('clip-path', this.frame.clipPath);
    this.hoverLayer = this.root.append('g').attr('class', 'sweep-hover').attr('pointer-events', 'none').attr('display', 'none');
    this.hoverLayer.append('line').attr('class', 'crosshair-line').attr('stroke-dasharray', '3 3');
    this.hoverLayer.append('circle').attr('r', 5).attr('fill', 'none').attr('stroke-width', 2);
    this.hoverLayer.append('text').attr('class', 'sweep-tooltip');
    this.frame.addHoverArea(this.root, {
      cursor: 'pointer',
      onHover: (at) => this.hover(at ? at[0] : null),
      onClick: ([pixelX]) => {
        const index = this.indexAt(pixelX);
        if (index >= 0 && this.line) this.onPick?.(this.line.learningRates[index]);
      },
    });
    this.frame.layout();
  }

  /** Resizes to width × height CSS pixels (one SVG unit per pixel, like the loss chart). */
  setSize(width: number, height: number): void {
    this.frame.setSize(width, height);
    this.render();
  }

  /** Shows a sweep's line (null: nothing yet), by final or best loss; f* allows f − f* when some loss is ≤ 0. */
  setLine(line: SweepLine | null, metric: SweepMetric, fStar: number | null): void {
    this.line = line;
    this.metric = metric;
    this.fStar = fStar;
    this.render();
  }

  /** Names the swept hyperparameter on the axis and in the tooltip: `lr` reads "learning rate", others by their own name (σ of CMA-ES is `sigma`). */
  setParameter(name: string): void {
    this.parameterName = name;
    this.frame.xTitle.text(`${name === 'lr' ? 'learning rate' : name} (log scale)`);
  }

  /** Marks the run's current learning rate (null: none). */
  setCurrent(learningRate: number | null): void {
    this.current = learningRate;
    this.renderCurrent();
  }

  private render(): void {
    const { frame, line } = this;
    const { top, bottom } = frame;
    this.root.attr('data-points', line ? line.learningRates.length : 0);
    // the plotted losses, for tests and for readers of the SVG
    this.root.attr('data-losses', line ? Array.from(line.loss, (loss) => String(loss)).join(',') : '');
    const rates = line?.learningRates;
    this.x = scaleLog()
      .domain(rates && rates.length > 1 ? [rates[0], rates[rates.length - 1]] : [1e-4, 1])
      .range([frame.left, frame.right]);
    this.mapping = line ? sweepMapping(line, this.fStar) : yMapping('log', null, []);
    const mapping = this.mapping;
    const curve = line ? asCurve(line) : null;
    const y: ScaleContinuousNumeric<number, number> = mapping.log ? scaleLog() : scaleLinear();
    this.y = y
      .domain(yExtent(curve ? [curve] : [], mapping))
      .range([bottom, top])
      .nice();
    const x = this.x;

    frame.xAxis.call(axisBottom(x).tickValues(powerOfTenTicks(x, 7)).tickFormat(powerOfTenLabel));
    const yAxis = lossAxisLeft(y, mapping, 5);
    frame.yAxis.call(yAxis.axis);
    frame.drawGrid(yAxis.ticks, y);
    frame.yTitle.text(`${this.metric === 'best' ? 'best' : 'final'} ${mapping.gap ? 'f − f*' : 'loss'} (${mapping.log ? 'log scale' : 'linear'})`);

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
    const { frame, current } = this;
    const [low, high] = this.x.domain();
    const shown = current !== null && current >= low && current <= high;
    this.currentLine
      .attr('display', shown ? null : 'none')
      .attr('data-learning-rate', current)
      .attr('x1', shown ? this.x(current) : 0)
      .attr('x2', shown ? this.x(current) : 0)
      .attr('y1', frame.top)
      .attr('y2', frame.bottom);
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
    const { frame } = this;
    const px = this.x(line.learningRates[index]);
    const plotted = line.diverged[index] ? NaN : this.mapping.plot(line.loss[index]);
    const py = Number.isFinite(plotted) ? this.y(plotted) : frame.top;
    this.hoverLayer.attr('display', null);
    this.hoverLayer.select('line').attr('x1', px).attr('x2', px).attr('y1', frame.top).attr('y2', frame.bottom);
    this.hoverLayer.select('circle').attr('cx', px).attr('cy', py);
    const value = line.diverged[index] ? 'diverged' : `${this.metric} loss ${formatLoss(line.loss[index])}`;
    const text = `${this.parameterName} ${FORMAT_RATE(line.learningRates[index])}: ${value} · click to use it`;
    const right = px > frame.middle;
    this.hoverLayer
      .select('text')
      .text(text)
      .attr('x', right ? px - 8 : px + 8)
      .attr('y', frame.top + 12)
      .attr('text-anchor', right ? 'end' : 'start');
  }

  /** Removes everything this chart drew and its pointer handlers. */
  destroy(): void {
    this.frame.destroy();
  }
}
