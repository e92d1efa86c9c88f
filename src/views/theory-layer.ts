// The theory overlay on the map: the local quadratic model at the cursor or the selected run's
// point, as its Hessian's eigen-axes (∝ 1/√|λ|, labelled with λ) and, where H is definite, the
// model's level-set ellipse (theory-axes.ts has the geometry; the readout beside the map the numbers).
import { line, select, type Selection } from 'd3';
import type { LocalQuadratic } from '../engine/theory/local-quadratic';
import type { PlanePoint } from './glyph-geometry';
import type { MapScales } from './scales';
import { theoryAxes } from './theory-axes';

/** The model drawn and where. */
export interface TheoryDrawing {
  readonly point: PlanePoint;
  readonly model: LocalQuadratic;
}

const AXIS_COLOURS = ['#0072B2', '#D55E00'] as const;

/** The local quadratic model's axes and level set at one point of the map. */
export class TheoryLayer {
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private scales: MapScales | null = null;
  private drawing: TheoryDrawing | null = null;

  constructor(parent: SVGGElement) {
    this.root = select(parent).append('g').attr('class', 'theory-overlay').attr('aria-hidden', 'true').style('pointer-events', 'none');
  }

  /** Redraws with new scales (the axes keep their share of the view). */
  setScales(scales: MapScales): void {
    this.scales = scales;
    this.render();
  }

  /** The model to draw; null removes it. */
  setDrawing(drawing: TheoryDrawing | null): void {
    this.drawing = drawing;
    this.render();
  }

  private render(): void {
    const scales = this.scales;
    if (!scales) return;
    const drawing = this.drawing;
    const viewWidth = scales.domain[0][1] - scales.domain[0][0];
    const { axes, ellipse } = drawing ? theoryAxes(drawing.model, drawing.point, viewWidth) : { axes: [], ellipse: null };
    const toScreen = (point: PlanePoint) => scales.toScreen(point[0], point[1]) as unknown as [number, number];
    this.root
      .selectAll('path.theory-level-set')
      .data(ellipse ? [ellipse.map(toScreen)] : [])
      .join('path')
      .attr('class', 'theory-level-set')
      .attr('d', (points) => `${line()(points)}Z`)
      .attr('fill', 'none')
      .attr('stroke', '#444')
      .attr('stroke-width', 1)
      .attr('stroke-dasharray', '3 3');
    this.root
      .selectAll('line.theory-axis')
      .data(axes)
      .join('line')
      .attr('class', 'theory-axis')
      .attr('data-eigenvalue', (axis) => axis.eigenvalue)
      .attr('data-capped', (axis) => String(axis.capped))
      .attr('x1', (axis) => toScreen(axis.from)[0])
      .attr('y1', (axis) => toScreen(axis.from)[1])
      .attr('x2', (axis) => toScreen(axis.to)[0])
      .attr('y2', (axis) => toScreen(axis.to)[1])
      .attr('stroke', (_axis, k) => AXIS_COLOURS[k])
      .attr('stroke-width', 2.5)
      .attr('stroke-dasharray', (axis) => (axis.negative ? '6 4' : null));
    this.root
      .selectAll('text.theory-axis-label')
      .data(axes)
      .join('text')
      .attr('class', 'theory-axis-label')
      .attr('x', (axis) => toScreen(axis.to)[0] + 4)
      .attr('y', (axis) => toScreen(axis.to)[1] - 4)
      .attr('fill', (_axis, k) => AXIS_COLOURS[k])
      .attr('font-size', 12)
      .attr('paint-order', 'stroke')
      .attr('stroke', 'rgba(255,255,255,0.9)')
      .attr('stroke-width', 3)
      .text((axis, k) => `λ${k === 0 ? '₁' : '₂'} = ${formatEigenvalue(axis.eigenvalue)}`);
    this.root
      .selectAll('circle.theory-point')
      .data(drawing ? [toScreen(drawing.point)] : [])
      .join('circle')
      .attr('class', 'theory-point')
      .attr('cx', (point) => point[0])
      .attr('cy', (point) => point[1])
      .attr('r', 3)
      .attr('fill', '#444');
  }

  /** Removes everything this layer drew. */
  destroy(): void {
    this.root.remove();
  }
}

function formatEigenvalue(value: number): string {
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5 ? String(Number(value.toPrecision(4))) : value.toExponential(3);
}
