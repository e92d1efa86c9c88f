// The runtime ECDF as the COCO/BBOB platform draws it: the fraction of (seed, target) pairs reached
// against the cost in function evaluations on a log axis, one step function per run, each ending
// with a cross at the largest budget its seeds used (beyond it there is no data).
import { axisBottom, axisLeft, format, scaleLinear, scaleLog, select, type Selection } from 'd3';
import type { RuntimeEcdf } from '../analyses/ecdf';
import { powerOfTenLabel, powerOfTenTicks } from './chart-axes';
import { ChartFrame } from './chart-frame';
import type { Margin } from './scales';

const defaults = { width: 520, height: 260 };

/** Options of an EcdfChart; any left out take `defaults`. */
export type EcdfChartOptions = Partial<typeof defaults>;

/** One run's line: its ECDF, name and colour. */
export interface EcdfLine {
  readonly runIndex: number;
  readonly label: string;
  readonly color: string;
  readonly ecdf: RuntimeEcdf;
}

const MARGIN_REM: Margin = { top: 0.9, right: 1, bottom: 2.6, left: 3.4 };
const FORMAT_FRACTION = format('.0%');

/** The step function's corners from (from, 0): up at each cost to its fraction, flat on to the budget. */
export function ecdfSteps(ecdf: RuntimeEcdf, from: number): [number, number][] {
  const corners: [number, number][] = [[from, 0]];
  let fraction = 0;
  ecdf.costs.forEach((cost, k) => {
    corners.push([cost, fraction], [cost, ecdf.fractions[k]]);
    fraction = ecdf.fractions[k];
  });
  corners.push([Math.max(ecdf.budget, ecdf.costs.at(-1) ?? from), fraction]);
  return corners;
}

/** Fraction of (seed, target) pairs reached against function evaluations (log scale), one line per run. */
export class EcdfChart {
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly frame: ChartFrame;
  private readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  private lines: readonly EcdfLine[] = [];

  constructor(svg: SVGSVGElement, options: EcdfChartOptions = {}) {
    const { width, height } = { ...defaults, ...options };
    this.root = select(svg).classed('ecdf-chart', true);
    this.frame = new ChartFrame([this.root], { marginRem: MARGIN_REM, width, height, clip: { idPrefix: 'ecdf-clip', overflowTop: 4 }, grid: true });
    this.frame.xTitle.text('function evaluations (log scale)');
    this.frame.yTitle.text('fraction of (seed, target) pairs');
    this.plot = this.root.append('g').attr('class', 'ecdf-plot').attr('clip-path', this.frame.clipPath);
    this.frame.layout();
  }

  /** Resizes to width × height CSS pixels. */
  setSize(width: number, height: number): void {
    this.frame.setSize(width, height);
    this.render();
  }

  /** Shows one line per run. */
  setLines(lines: readonly EcdfLine[]): void {
    this.lines = lines;
    this.render();
  }

  /** Removes what the chart drew. */
  destroy(): void {
    this.root.selectAll('*').remove();
    this.root.classed('ecdf-chart', false);
  }

  private render(): void {
    const { frame, lines } = this;
    // the log axis starts at one evaluation (the start's) and ends at the largest budget
    const budget = Math.max(10, ...lines.map((line) => line.ecdf.budget));
    const x = scaleLog().domain([1, budget]).range([frame.left, frame.right]);
    const y = scaleLinear().domain([0, 1]).range([frame.bottom, frame.top]);
    frame.xAxis.call(axisBottom(x).tickValues(powerOfTenTicks(x, 7)).tickFormat(powerOfTenLabel));
    const yTicks = [0, 0.25, 0.5, 0.75, 1];
    frame.yAxis.call(axisLeft(y).tickValues(yTicks).tickFormat((value) => FORMAT_FRACTION(value as number)));
    frame.drawGrid(yTicks, y);
    const drawn = lines.map((line) => {
      const corners = ecdfSteps(line.ecdf, 1);
      const d = corners.map(([cost, fraction], k) => `${k === 0 ? 'M' : 'L'}${x(cost).toFixed(1)},${y(fraction).toFixed(1)}`).join('');
      const [endCost, endFraction] = corners[corners.length - 1];
      return { line, d, end: [x(endCost), y(endFraction)] as const, final: endFraction };
    });
    this.plot
      .selectAll<SVGPathElement, (typeof drawn)[number]>('path.ecdf-line')
      .data(drawn)
      .join('path')
      .attr('class', 'ecdf-line')
      .attr('data-run', ({ line }) => line.runIndex)
      .attr('data-final-fraction', ({ final }) => final)
      .attr('d', ({ d }) => d)
      .attr('fill', 'none')
      .attr('stroke', ({ line }) => line.color)
      .attr('stroke-width', 2);
    this.plot
      .selectAll<SVGTextElement, (typeof drawn)[number]>('text.ecdf-budget')
      .data(drawn)
      .join('text')
      .attr('class', 'ecdf-budget')
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .attr('x', ({ end }) => end[0])
      .attr('y', ({ end }) => end[1])
      .attr('fill', ({ line }) => line.color)
      .text('✕');
    this.root.attr('data-lines', drawn.length);
  }
}
