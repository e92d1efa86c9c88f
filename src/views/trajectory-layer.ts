import { select, type Selection } from 'd3';
import type { MapScales } from './scales';
import { pointCount, type RunTrace } from './run-trace';

/** Each run's path over the contour map, with start, current-step and divergence markers. */
export class TrajectoryLayer {
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private scales: MapScales | null = null;
  private traces: readonly RunTrace[] = [];
  private step = Infinity;

  constructor(parent: SVGGElement) {
    this.root = select(parent).append('g').attr('class', 'trajectories');
  }

  /** Redraws with new parameter-space ↔ pixel scales (a new surface or view). */
  setScales(scales: MapScales): void {
    this.scales = scales;
    this.render();
  }

  /** Replaces the runs drawn. */
  setRuns(traces: readonly RunTrace[]): void {
    this.traces = traces;
    this.render();
  }

  /** Moves every run's marker to step k (clamped to what the run recorded). */
  setStep(step: number): void {
    this.step = step;
    this.render();
  }

  private render(): void {
    const scales = this.scales;
    if (!scales) return;
    const lastShown = (trace: RunTrace) => Math.min(pointCount(trace) - 1, this.step);
    const pathOf = (trace: RunTrace) => {
      const last = lastShown(trace);
      let d = '';
      for (let k = 0; k <= last; k++) {
        const [px, py] = scales.toScreen(trace.trajectory[2 * k], trace.trajectory[2 * k + 1]);
        d += `${k === 0 ? 'M' : 'L'}${px.toFixed(2)},${py.toFixed(2)}`;
      }
      return d;
    };
    const groups = this.root
      .selectAll<SVGGElement, RunTrace>('g.run')
      .data(this.traces)
      .join((enter) => {
        const group = enter.append('g').attr('class', 'run');
        group.append('path').attr('class', 'casing');
        group.append('path').attr('class', 'trajectory');
        group.append('circle').attr('class', 'start-marker').attr('r', 5);
        group.append('circle').attr('class', 'step-marker').attr('r', 4.5);
        group.append('text').attr('class', 'diverged-marker').attr('text-anchor', 'middle').attr('dy', '0.35em').text('✕');
        return group;
      })
      .attr('data-label', (trace) => trace.label)
      .attr('data-points', (trace) => pointCount(trace))
      .attr('data-diverged', (trace) => (trace.diverged ? trace.diverged.step : null));
    groups.select('path.casing').attr('d', pathOf).attr('fill', 'none').attr('stroke', 'rgba(255,255,255,0.85)').attr('stroke-width', 4);
    groups.select('path.trajectory').attr('d', pathOf).attr('fill', 'none').attr('stroke', (trace) => trace.color).attr('stroke-width', 2);
    groups
      .select('circle.start-marker')
      .attr('cx', (trace) => scales.x(trace.trajectory[0]))
      .attr('cy', (trace) => scales.y(trace.trajectory[1]))
      .attr('fill', '#fff')
      .attr('stroke', (trace) => trace.color)
      .attr('stroke-width', 2.5);
    const markerAt = (trace: RunTrace) => scales.toScreen(trace.trajectory[2 * lastShown(trace)], trace.trajectory[2 * lastShown(trace) + 1]);
    groups
      .select('circle.step-marker')
      .attr('cx', (trace) => markerAt(trace)[0])
      .attr('cy', (trace) => markerAt(trace)[1])
      .attr('fill', (trace) => trace.color)
      .attr('stroke', '#111')
      .attr('stroke-width', 1.2);
    groups
      .select('text.diverged-marker')
      .attr('display', (trace) => (trace.diverged && this.step >= pointCount(trace) - 1 ? null : 'none'))
      .attr('x', (trace) => markerAt(trace)[0])
      .attr('y', (trace) => markerAt(trace)[1] - 14)
      .attr('fill', (trace) => trace.color)
      .attr('stroke', '#111')
      .attr('stroke-width', 0.5)
      .attr('font-size', 16)
      .attr('font-weight', 700);
  }

  /** Removes everything this layer drew. */
  destroy(): void {
    this.root.remove();
  }
}
