import { axisBottom, axisLeft, line, scaleLinear, scaleLog, select, type ScaleContinuousNumeric, type Selection } from 'd3';
import type { Margin } from './scales';
import type { RunTrace } from './run-trace';

const defaults = {
  width: 560,
  height: 300,
  margin: { top: 12, right: 16, bottom: 40, left: 64 } as Margin,
};

/** Options of a LossChart; any left out take `defaults`. */
export type LossChartOptions = Partial<typeof defaults>;

/** Loss against step for every run; a log y axis whenever every loss is positive. */
export class LossChart {
  private readonly options: typeof defaults;
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly curves: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yLabel: Selection<SVGTextElement, unknown, null, undefined>;

  constructor(svg: SVGSVGElement, options: LossChartOptions = {}) {
    this.options = { ...defaults, ...options };
    const { width, height, margin } = this.options;
    this.root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).classed('loss-chart', true);
    this.curves = this.root.append('g').attr('class', 'curves');
    this.xAxis = this.root.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${height - margin.bottom})`);
    this.yAxis = this.root.append('g').attr('class', 'axis axis-y').attr('transform', `translate(${margin.left},0)`);
    this.root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', (margin.left + width - margin.right) / 2)
      .attr('y', height - 6)
      .attr('text-anchor', 'middle')
      .text('step');
    this.yLabel = this.root
      .append('text')
      .attr('class', 'axis-label')
      .attr('transform', `translate(14,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle');
  }

  /** Draws every run's loss curve. */
  setRuns(traces: readonly RunTrace[]): void {
    const { width, height, margin } = this.options;
    let lowest = Infinity;
    let highest = -Infinity;
    let longest = 1;
    for (const trace of traces) {
      longest = Math.max(longest, trace.loss.length - 1);
      for (const value of trace.loss) {
        if (!Number.isFinite(value)) continue;
        lowest = Math.min(lowest, value);
        highest = Math.max(highest, value);
      }
    }
    if (!(highest >= lowest)) [lowest, highest] = [0, 1];
    const useLog = lowest > 0;
    const y: ScaleContinuousNumeric<number, number> = useLog
      ? scaleLog().domain([lowest, Math.max(highest, lowest * 10)])
      : scaleLinear().domain([lowest, highest === lowest ? lowest + 1 : highest]);
    y.range([height - margin.bottom, margin.top]).nice();
    const x = scaleLinear().domain([0, longest]).range([margin.left, width - margin.right]);
    const path = line<number>()
      .defined((value) => Number.isFinite(value))
      .x((_value, step) => x(step))
      .y((value) => y(value));
    this.curves
      .selectAll('path')
      .data(traces)
      .join('path')
      .attr('class', 'loss-curve')
      .attr('data-label', (trace) => trace.label)
      .attr('data-points', (trace) => trace.loss.length)
      .attr('d', (trace) => path(Array.from(trace.loss)))
      .attr('fill', 'none')
      .attr('stroke', (trace) => trace.color)
      .attr('stroke-width', 1.8);
    this.xAxis.call(axisBottom(x).ticks(6));
    this.yAxis.call(useLog ? axisLeft(y).ticks(5, '~e') : axisLeft(y).ticks(6));
    this.yLabel.text(useLog ? 'loss f (log scale)' : 'loss f');
  }

  /** Removes everything this chart drew. */
  destroy(): void {
    this.root.selectAll('*').remove();
  }
}
