// The optimizer-internals glyphs at the shown step, over the map's paths: each visible run's
// gradient step, velocity, Adam's boxes, Newton step beside the gradient step and probe direction
// (glyph-geometry.ts says where; this draws them). Redrawn whole on each change: a few marks a run.
import { select, type Selection } from 'd3';
import { runGlyphs, type GlyphArrow, type GlyphSource, type GlyphToggles, type PlanePoint } from './glyph-geometry';
import type { MapScales } from './scales';

/** One visible run's glyph inputs. */
export interface GlyphRun {
  /** Position in the experiment's runs. */
  readonly index: number;
  readonly label: string;
  readonly color: string;
  readonly source: GlyphSource;
}

const defaults = { headLength: 8, headAngle: Math.PI / 7, strokeWidth: 2, fontSize: 11 };

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** The arrow's shaft and head(s) as one stroked path in screen pixels. */
function arrowPath(from: readonly [number, number], to: readonly [number, number], twoHeaded: boolean): string {
  const head = (tip: readonly [number, number], tail: readonly [number, number]) => {
    const angle = Math.atan2(tip[1] - tail[1], tip[0] - tail[0]);
    const length = Math.min(defaults.headLength, Math.hypot(tip[0] - tail[0], tip[1] - tail[1]) / 2);
    const wing = (side: number) => `${tip[0] - length * Math.cos(angle + side * defaults.headAngle)},${tip[1] - length * Math.sin(angle + side * defaults.headAngle)}`;
    return `M${wing(1)}L${tip[0]},${tip[1]}L${wing(-1)}`;
  };
  return `M${from[0]},${from[1]}L${to[0]},${to[1]}${head(to, from)}${twoHeaded ? head(from, to) : ''}`;
}

/** Each visible run's glyphs at the shown step. */
export class GlyphLayer {
  private readonly root: Group;
  private scales: MapScales | null = null;
  private runs: readonly GlyphRun[] = [];
  private toggles: GlyphToggles = { gradient: false, velocity: false, stepBox: false, newtonStep: false, probeDirection: false };

  constructor(parent: SVGGElement) {
    this.root = select(parent).append('g').attr('class', 'glyphs').attr('aria-hidden', 'true').style('pointer-events', 'none');
  }

  /** Redraws with new parameter-space ↔ pixel scales (a new view: normalised arrows follow its width). */
  setScales(scales: MapScales): void {
    this.scales = scales;
    this.render();
  }

  /** Replaces the runs drawn (new inspections, Hessians, colours). */
  setRuns(runs: readonly GlyphRun[]): void {
    this.runs = runs;
    this.render();
  }

  /** Which glyphs are drawn. */
  setToggles(toggles: GlyphToggles): void {
    this.toggles = toggles;
    this.render();
  }

  private render(): void {
    const scales = this.scales;
    if (!scales) return;
    const viewWidth = scales.domain[0][1] - scales.domain[0][0];
    const anyOn = Object.values(this.toggles).some(Boolean);
    const groups = this.root
      .selectAll<SVGGElement, GlyphRun>('g.run-glyphs')
      .data(anyOn ? this.runs : [], (run) => String(run.index))
      .join('g')
      .attr('class', 'run-glyphs')
      .attr('data-index', (run) => run.index)
      .attr('data-label', (run) => run.label)
      .attr('data-step', (run) => run.source.inspection.step);
    const toScreen = (point: PlanePoint) => scales.toScreen(point[0], point[1]) as unknown as [number, number];
    for (const element of groups.nodes()) {
      const run = select<SVGGElement, GlyphRun>(element).datum();
      const glyphs = runGlyphs(run.source, this.toggles, viewWidth);
      const group = select<SVGGElement, unknown>(element);
      this.drawBoxes(group, run, glyphs.boxes, toScreen);
      this.drawArrows(group, run, glyphs.arrows, toScreen);
      group.attr('data-notes', glyphs.notes.join(' ') || null);
    }
  }

  private drawBoxes(group: Group, run: GlyphRun, boxes: ReturnType<typeof runGlyphs>['boxes'], toScreen: (point: PlanePoint) => [number, number]): void {
    group
      .selectAll('rect.glyph-box')
      .data(boxes)
      .join('rect')
      .attr('class', 'glyph-box')
      .attr('data-glyph', 'stepBox')
      .attr('data-role', (box) => box.role)
      .each(function (box) {
        const [x0, y0] = toScreen([box.centre[0] - box.halfWidths[0], box.centre[1] - box.halfWidths[1]]);
        const [x1, y1] = toScreen([box.centre[0] + box.halfWidths[0], box.centre[1] + box.halfWidths[1]]);
        select(this)
          .attr('x', Math.min(x0, x1))
          .attr('y', Math.min(y0, y1))
          .attr('width', Math.abs(x1 - x0))
          .attr('height', Math.abs(y1 - y0));
      })
      .attr('fill', (box) => (box.role === 'step' ? run.color : 'none'))
      .attr('fill-opacity', 0.15)
      .attr('stroke', run.color)
      .attr('stroke-width', (box) => (box.role === 'step' ? 1.5 : 1))
      .attr('stroke-dasharray', (box) => (box.role === 'step' ? null : '5 3'));
  }

  private drawArrows(group: Group, run: GlyphRun, arrows: readonly GlyphArrow[], toScreen: (point: PlanePoint) => [number, number]): void {
    // the plain gradient step beside Newton's is grey, so the two read apart
    const colour = (arrow: GlyphArrow) => (arrow.role === 'newton-gradient-step' ? '#666' : run.color);
    group
      .selectAll('path.glyph-arrow')
      .data(arrows)
      .join('path')
      .attr('class', 'glyph-arrow')
      .attr('data-glyph', (arrow) => arrow.glyph)
      .attr('data-role', (arrow) => arrow.role)
      .attr('data-scale', (arrow) => arrow.scale)
      .attr('data-dashed', (arrow) => String(arrow.dashed))
      .attr('data-to', (arrow) => `${arrow.to[0]},${arrow.to[1]}`)
      .attr('d', (arrow) => arrowPath(toScreen(arrow.from), toScreen(arrow.to), arrow.twoHeaded))
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', (arrow) => (arrow.role === 'newton-gradient-step' ? 1.5 : defaults.strokeWidth))
      .attr('stroke-linecap', 'round')
      .attr('stroke-dasharray', (arrow) => (arrow.dashed ? '6 4' : null));
    group
      .selectAll('text.glyph-label')
      .data(arrows)
      .join('text')
      .attr('class', 'glyph-label')
      .attr('data-role', (arrow) => arrow.role)
      .attr('x', (arrow) => toScreen(arrow.to)[0] + 5)
      .attr('y', (arrow) => toScreen(arrow.to)[1] - 5)
      .attr('fill', colour)
      .attr('font-size', defaults.fontSize)
      .attr('paint-order', 'stroke')
      .attr('stroke', 'rgba(255,255,255,0.85)')
      .attr('stroke-width', 3)
      .text((arrow) => arrow.label);
  }

  /** Removes everything this layer drew. */
  destroy(): void {
    this.root.remove();
  }
}
