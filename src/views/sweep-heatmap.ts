// A 2-D sweep as a heatmap: learning rate across (log scale), beta1 or momentum up (linear), each
// cell coloured by its run's final (or best) loss on a log scale with viridis (dark purple lowest,
// as on the contour map); diverged runs are light grey, cells not computed yet stay empty. The
// run's current setting is marked; clicking a cell picks its pair.
import { axisBottom, axisLeft, format, rgb, scaleLinear, scaleLog, select, type Selection } from 'd3';
import { interpolateViridis } from './colour-schemes';
import type { SweepJob } from '../engine/batch/types';
import { linearSpaced, logSpaced } from '../engine/batch/cells';
import type { SweepMetric, SweepSecondName } from '../experiment/analysis-settings';
import { powerOfTenLabel, powerOfTenTicks } from './chart-axes';
import { ChartFrame } from './chart-frame';
import { formatLoss } from './loss-series';
import { RasterImage } from './raster-image';
import { sweepLosses } from './sweep-chart';
import type { Margin } from './scales';

const defaults = {
  width: 520,
  height: 300,
  /** Called with the cell picked by a click. */
  onPick: undefined as ((learningRate: number, second: number) => void) | undefined,
};

/** Options of a SweepHeatmap; any left out take `defaults`. */
export type SweepHeatmapOptions = Partial<typeof defaults>;

/** A diverged cell. */
export const HEATMAP_DIVERGED_COLOUR = '#d4d4d4';


/** A 2-D sweep's cells: loss[secondIndex · columns + lrIndex], NaN where not computed yet. */
export interface SweepGrid {
  readonly learningRates: Float64Array;
  readonly seconds: Float64Array;
  readonly secondName: SweepSecondName;
  readonly loss: Float64Array;
  readonly diverged: Uint8Array;
}

/** The grid of a 2-D sweep's summaries (run i = secondIndex · lrCount + lrIndex), by final or best loss. */
export function sweepGrid(summaries: Float64Array, job: Pick<SweepJob, 'start' | 'learningRates' | 'second'>, metric: SweepMetric): SweepGrid {
  const { min, max, count } = job.learningRates;
  const second = job.second ?? { name: 'momentum' as const, min: 0, max: 0, count: 1 };
  return {
    learningRates: Float64Array.from({ length: count }, (_, j) => logSpaced(min, max, count, j)),
    seconds: Float64Array.from({ length: second.count }, (_, k) => linearSpaced(second.min, second.max, second.count, k)),
    secondName: second.name,
    ...sweepLosses(summaries, job.start.length, metric, 0, count * second.count),
  };
}

/** The heatmap's log colour scale: log10(loss − reference) from lowLog to highLog. */
export interface HeatmapScale {
  readonly reference: number;
  /** "f*" or "the lowest loss". */
  readonly referenceName: string;
  readonly lowLog: number;
  readonly highLog: number;
}

/** The colour scale spanning the computed cells that did not diverge; reference is f* when known. */
export function heatmapScale(grid: Pick<SweepGrid, 'loss' | 'diverged'>, fStar: number | null): HeatmapScale {
  let lowest = Infinity;
  for (let i = 0; i < grid.loss.length; i++) if (!grid.diverged[i] && grid.loss[i] < lowest) lowest = grid.loss[i];
  // without f*, the lowest loss is the reference; a tenth of the smallest positive gap stands for the gap 0
  const reference = fStar ?? (Number.isFinite(lowest) ? lowest : 0);
  let smallest = Infinity;
  let largest = 0;
  for (let i = 0; i < grid.loss.length; i++) {
    const gap = grid.loss[i] - reference;
    if (grid.diverged[i] || !(gap > 0) || !Number.isFinite(gap)) continue;
    smallest = Math.min(smallest, gap);
    largest = Math.max(largest, gap);
  }
  const lowLog = Number.isFinite(smallest) ? Math.log10(fStar === null ? smallest / 10 : smallest) : -12;
  const highLog = largest > 0 ? Math.log10(largest) : lowLog + 1;
  return { reference, referenceName: fStar === null ? 'the lowest loss' : 'f*', lowLog, highLog: highLog > lowLog ? highLog : lowLog + 1 };
}

/** Colour stops of the heatmap's key, lowest first. */
export const HEATMAP_RAMP: readonly string[] = Array.from({ length: 9 }, (_, k) => interpolateViridis(k / 8));

const VIRIDIS_TABLE = (() => {
  const table = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) {
    const colour = rgb(interpolateViridis(k / 255));
    table.set([colour.r, colour.g, colour.b], 3 * k);
  }
  return table;
})();
const DIVERGED_RGB = rgb(HEATMAP_DIVERGED_COLOUR);

/** Paints the grid into RGBA, the highest second value in the top row; cells not computed stay transparent. */
export function paintHeatmap(grid: SweepGrid, scale: HeatmapScale, rgba: Uint8ClampedArray): void {
  const columns = grid.learningRates.length;
  const rows = grid.seconds.length;
  const span = scale.highLog - scale.lowLog;
  for (let k = 0; k < rows; k++) {
    for (let j = 0; j < columns; j++) {
      const cell = k * columns + j;
      const out = 4 * ((rows - 1 - k) * columns + j);
      const loss = grid.loss[cell];
      if (Number.isNaN(loss) && !grid.diverged[cell]) {
        rgba[out + 3] = 0;
        continue;
      }
      if (grid.diverged[cell] || !Number.isFinite(loss)) {
        rgba.set([DIVERGED_RGB.r, DIVERGED_RGB.g, DIVERGED_RGB.b, 255], out);
        continue;
      }
      const gap = loss - scale.reference;
      const t = gap > 0 ? (Math.log10(gap) - scale.lowLog) / span : 0;
      const at = 3 * Math.round(Math.max(0, Math.min(1, t)) * 255);
      rgba.set([VIRIDIS_TABLE[at], VIRIDIS_TABLE[at + 1], VIRIDIS_TABLE[at + 2], 255], out);
    }
  }
}

/**
 * The edges of cells centred on evenly spaced values (in log space when `log`): half a step beyond
 * the first and the last, so the cells tile the axis and each is centred on its value.
 */
export function cellEdges(values: ArrayLike<number>, log: boolean): [number, number] {
  const count = values.length;
  const first = values[0];
  const last = values[count - 1];
  if (count < 2) return log ? [first / 2, first * 2] : [first - 0.5, first + 0.5];
  if (log) {
    const halfStep = Math.sqrt(Math.pow(last / first, 1 / (count - 1)));
    return [first / halfStep, last * halfStep];
  }
  const halfStep = (last - first) / (count - 1) / 2;
  return [first - halfStep, last + halfStep];
}

const MARGIN_REM: Margin = { top: 0.6, right: 1, bottom: 2.6, left: 3.8 };
const FORMAT_VALUE = format('.3~g');
const SECOND_TITLES: Record<SweepSecondName, string> = { beta1: 'β1 (betas[0])', momentum: 'momentum μ' };

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Loss over learning rate × beta1 (or momentum), as a heatmap. */
export class SweepHeatmap {
  private readonly onPick: ((learningRate: number, second: number) => void) | undefined;
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly image: RasterImage;
  private readonly frame: ChartFrame;
  private readonly current: Selection<SVGCircleElement, unknown, null, undefined>;
  private readonly hoverLayer: Group;
  private grid: SweepGrid | null = null;
  private metric: SweepMetric = 'final';
  private scale: HeatmapScale | null = null;
  private currentPoint: { learningRate: number; second: number } | null = null;
  private x = scaleLog();
  private y = scaleLinear();
  /** The pending animation frame of a repaint, 0 when none. */
  private repaintFrame = 0;

  constructor(svg: SVGSVGElement, options: SweepHeatmapOptions = {}) {
    const { width, height, onPick } = { ...defaults, ...options };
    this.onPick = onPick;
    this.root = select(svg).classed('sweep-heatmap', true);
    this.image = new RasterImage(this.root.node()!, 'heatmap-image');
    this.frame = new ChartFrame([this.root], { marginRem: MARGIN_REM, width, height });
    this.frame.xTitle.text('learning rate (log scale)');
    this.current = this.root.append('circle').attr('class', 'heatmap-current').attr('r', 6).attr('fill', 'none').attr('stroke-width', 2.5);
    this.hoverLayer = this.root.append('g').attr('class', 'heatmap-hover').attr('pointer-events', 'none').attr('display', 'none');
    this.hoverLayer.append('rect').attr('class', 'heatmap-hover-cell').attr('fill', 'none').attr('stroke-width', 1.5);
    this.hoverLayer.append('text').attr('class', 'sweep-tooltip');
    this.frame.addHoverArea(this.root, {
      cursor: 'pointer',
      onHover: (at) => this.hover(at),
      onClick: (at) => {
        const cell = this.cellAt(at);
        if (cell && this.grid) this.onPick?.(this.grid.learningRates[cell.j], this.grid.seconds[cell.k]);
      },
    });
    this.frame.layout();
    this.placeImage();
  }

  /** Resizes to width × height CSS pixels. */
  setSize(width: number, height: number): void {
    this.frame.setSize(width, height);
    this.placeImage();
    this.render();
  }

  /** Shows a sweep's grid (null: nothing yet), coloured on `scale`; repainted before the next frame. */
  setGrid(grid: SweepGrid | null, scale: HeatmapScale | null, metric: SweepMetric): void {
    this.grid = grid;
    this.scale = scale;
    this.metric = metric;
    this.render();
    if (!grid) this.image.clear();
    else if (!this.repaintFrame) this.repaintFrame = requestAnimationFrame(() => this.repaint());
  }

  /** Marks the run's current learning rate and second value (null: none). */
  setCurrent(point: { learningRate: number; second: number } | null): void {
    this.currentPoint = point;
    this.renderCurrent();
  }

  private repaint(): void {
    this.repaintFrame = 0;
    const { grid, scale } = this;
    if (!grid || !scale) return;
    this.image.paint(grid.learningRates.length, grid.seconds.length, (rgba) => paintHeatmap(grid, scale, rgba));
  }

  /** Puts the picture over the plot (after each layout). */
  private placeImage(): void {
    const { frame } = this;
    this.image.place(frame.left, frame.top, frame.plotWidth, frame.plotHeight);
  }

  private render(): void {
    const { frame, grid } = this;
    this.x = scaleLog()
      .domain(grid ? cellEdges(grid.learningRates, true) : [1e-4, 1])
      .range([frame.left, frame.right]);
    this.y = scaleLinear()
      .domain(grid ? cellEdges(grid.seconds, false) : [0, 1])
      .range([frame.bottom, frame.top]);
    frame.xAxis.call(axisBottom(this.x).tickValues(powerOfTenTicks(this.x, 7)).tickFormat(powerOfTenLabel));
    frame.yAxis.call(axisLeft(this.y).ticks(5).tickFormat((value) => FORMAT_VALUE(Number(value))));
    frame.yTitle.text(grid ? SECOND_TITLES[grid.secondName] : '');
    this.root
      .attr('data-columns', grid ? grid.learningRates.length : 0)
      .attr('data-rows', grid ? grid.seconds.length : 0)
      .attr('data-filled', grid ? countComputed(grid) : 0);
    this.renderCurrent();
  }

  private renderCurrent(): void {
    const point = this.currentPoint;
    const [xLow, xHigh] = this.x.domain();
    const [yLow, yHigh] = this.y.domain();
    const shown = point !== null && this.grid !== null && point.learningRate >= xLow && point.learningRate <= xHigh && point.second >= yLow && point.second <= yHigh;
    this.current
      .attr('display', shown ? null : 'none')
      .attr('cx', shown ? this.x(point.learningRate) : 0)
      .attr('cy', shown ? this.y(point.second) : 0);
  }

  /** The cell under an SVG point: lr index j and second index k, or null. */
  private cellAt([px, py]: [number, number]): { j: number; k: number } | null {
    const grid = this.grid;
    if (!grid) return null;
    const [xLow, xHigh] = this.x.domain();
    const [yLow, yHigh] = this.y.domain();
    const fractionX = Math.log(this.x.invert(px) / xLow) / Math.log(xHigh / xLow);
    const fractionY = (this.y.invert(py) - yLow) / (yHigh - yLow);
    const j = Math.floor(fractionX * grid.learningRates.length);
    const k = Math.floor(fractionY * grid.seconds.length);
    if (j < 0 || k < 0 || j >= grid.learningRates.length || k >= grid.seconds.length) return null;
    return { j, k };
  }

  private hover(at: [number, number] | null): void {
    const cell = at ? this.cellAt(at) : null;
    const grid = this.grid;
    if (!cell || !grid) {
      this.hoverLayer.attr('display', 'none');
      return;
    }
    const { j, k } = cell;
    const columns = grid.learningRates.length;
    const [left, right] = [j, j + 1].map((edge) => this.x(this.x.domain()[0] * Math.pow(this.x.domain()[1] / this.x.domain()[0], edge / columns)));
    const rowHeight = (this.y.range()[0] - this.y.range()[1]) / grid.seconds.length;
    const top = this.y.range()[0] - (k + 1) * rowHeight;
    this.hoverLayer.attr('display', null);
    this.hoverLayer.select('rect').attr('x', left).attr('y', top).attr('width', right - left).attr('height', rowHeight);
    const index = k * columns + j;
    const loss = grid.loss[index];
    const value = grid.diverged[index] ? 'diverged' : Number.isNaN(loss) ? 'not computed yet' : `${this.metric} loss ${formatLoss(loss)}`;
    const name = grid.secondName === 'beta1' ? 'β1' : 'momentum';
    const text = `lr ${FORMAT_VALUE(grid.learningRates[j])}, ${name} ${FORMAT_VALUE(grid.seconds[k])}: ${value}`;
    const { frame } = this;
    const onRight = left > frame.middle;
    this.hoverLayer
      .select('text')
      .text(text)
      .attr('x', onRight ? left - 6 : right + 6)
      .attr('y', Math.max(frame.top + 12, top + rowHeight / 2))
      .attr('dy', '0.35em')
      .attr('text-anchor', onRight ? 'end' : 'start');
  }

  /** Removes everything this heatmap drew and its pointer handlers. */
  destroy(): void {
    cancelAnimationFrame(this.repaintFrame);
    this.image.destroy();
    this.frame.destroy();
  }
}

/** Cells computed so far (diverged included). */
function countComputed(grid: SweepGrid): number {
  let count = 0;
  for (let i = 0; i < grid.loss.length; i++) if (!Number.isNaN(grid.loss[i]) || grid.diverged[i]) count++;
  return count;
}
