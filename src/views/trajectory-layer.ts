// Each run's path over the contour map. Playback moves the step up to 60 times a second with 8
// runs of thousands of points, so the work is split by how often it happens: the path data of a
// whole run is built once per result (or view), and a step change only cuts a prefix of that
// string and moves two markers per run.
import { select, type Selection } from 'd3';
import type { Divergence } from '../engine/run';
import type { MapScales, ParameterPoint } from './scales';
import { buildScreenPath, clipBox, type ScreenPath } from './screen-path';
import { formatCoordinate } from './view-domain';

/** What the map draws for one run. */
export interface MapRun {
  /** Position in the experiment's runs; the map calls it "run index + 1". */
  readonly index: number;
  readonly label: string;
  readonly color: string;
  /** The start as the experiment has it now: during a drag it leads the computed trajectory. */
  readonly start: ParameterPoint;
  /** Flattened [x0, y0, x1, y1, ...]: the start first, one point per recorded step. */
  readonly trajectory: Float64Array;
  readonly diverged: Divergence | null;
}

/** The elements of one run and the path data they cut from. */
interface RunView {
  run: MapRun;
  group: SVGGElement;
  casing: SVGPathElement;
  line: SVGPathElement;
  start: SVGGElement;
  startMarker: SVGCircleElement;
  stepMarker: SVGCircleElement;
  divergedMarker: SVGTextElement;
  divergedTitle: SVGTitleElement;
  /** Path data for `pathFor` at `pathScales`; rebuilt when either changes. */
  path: ScreenPath | null;
  pathFor: Float64Array | null;
  pathScales: MapScales | null;
  /** The prefix length last written, to skip unchanged attributes. */
  shownEnd: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** How a start point is named for screen readers: "Start of run 2: -1.5, 2". */
export function startLabel(run: Pick<MapRun, 'index' | 'start'>, viewWidth: number): string {
  return `Start of run ${run.index + 1}: ${formatCoordinate(run.start[0], viewWidth)}, ${formatCoordinate(run.start[1], viewWidth)}`;
}

/** The point shown at step k: the last recorded one when the run is shorter (it diverged, or is still being computed). */
export function shownPointIndex(pointCount: number, step: number): number {
  return Math.max(0, Math.min(pointCount - 1, Math.floor(step)));
}

/**
 * Sets an attribute (null removes it) only when its value changes: a write of the same value can
 * still invalidate what the browser painted, and the paths of a thousand points each repainted on
 * every pointer move were much of what made a drag lag.
 */
function setAttribute(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** Each run's path over the contour map, with start, current-step and divergence markers. */
export class TrajectoryLayer {
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private scales: MapScales | null = null;
  private runs: readonly MapRun[] = [];
  private views: RunView[] = [];
  private step = Infinity;
  private moving: ReadonlySet<number> = new Set();

  /** `draggableStarts` false: the starts are drawn only (a landscape slice, where a start is a projection). */
  constructor(
    parent: SVGGElement,
    private readonly draggableStarts = true,
  ) {
    this.root = select(parent).append('g').attr('class', 'trajectories');
  }

  /** Redraws with new parameter-space ↔ pixel scales (a new view). */
  setScales(scales: MapScales): void {
    this.scales = scales;
    this.render();
  }

  /** Replaces the runs drawn (new results, starts, colours or labels). */
  setRuns(runs: readonly MapRun[]): void {
    this.runs = runs;
    this.render();
  }

  /**
   * Puts these runs (by index) on compositing layers of their own while they are dragged, none
   * when empty: a recomputed path then repaints alone, not with every other run and the contour
   * picture under it.
   */
  setMoving(indices: readonly number[]): void {
    this.moving = new Set(indices);
    for (const view of this.views) this.showMoving(view);
  }

  /** Moves every run to step k (clamped to what each run recorded); cheap enough for every frame. */
  setStep(step: number): void {
    this.step = step;
    for (const view of this.views) this.showStep(view);
  }

  private render(): void {
    const scales = this.scales;
    if (!scales) return;
    const viewWidth = scales.domain[0][1] - scales.domain[0][0];
    const previous = new Map(this.views.map((view) => [view.run.index, view]));
    this.views = this.runs.map((run) => {
      const view = previous.get(run.index) ?? this.createRunView(run);
      previous.delete(run.index);
      view.run = run;
      this.showMoving(view);
      return view;
    });
    for (const stale of previous.values()) stale.group.remove();
    // keep the DOM in run order (later runs on top), moving only what is out of place
    const root = this.root.node()!;
    this.views.forEach((view, position) => {
      if (root.children[position] !== view.group) root.insertBefore(view.group, root.children[position] ?? null);
    });
    for (const view of this.views) {
      const { run } = view;
      // a run whose result is the same object as before keeps its path: a drag recomputes one run
      if (view.pathFor !== run.trajectory || view.pathScales !== scales) {
        view.path = buildScreenPath(run.trajectory, run.trajectory.length / 2, scales.x, scales.y, clipBox(scales.box));
        view.pathFor = run.trajectory;
        view.pathScales = scales;
        view.shownEnd = -1;
      }
      const points = run.trajectory.length / 2;
      setAttribute(view.group, 'data-index', String(run.index));
      setAttribute(view.group, 'data-label', run.label);
      setAttribute(view.group, 'data-points', String(points));
      setAttribute(view.group, 'data-diverged', run.diverged ? String(run.diverged.step) : null);
      setAttribute(view.line, 'stroke', run.color);
      const [startX, startY] = scales.toScreen(run.start[0], run.start[1]);
      setAttribute(view.start, 'transform', `translate(${startX},${startY})`);
      setAttribute(view.start, 'aria-label', this.draggableStarts ? startLabel(run, viewWidth) : null);
      setAttribute(view.start, 'data-index', String(run.index));
      setAttribute(view.startMarker, 'stroke', run.color);
      setAttribute(view.stepMarker, 'fill', run.color);
      setAttribute(view.divergedMarker, 'fill', run.color);
      const divergedTitle = run.diverged ? `${run.label}: diverged at step ${run.diverged.step}: ${run.diverged.reason}` : '';
      if (view.divergedTitle.textContent !== divergedTitle) view.divergedTitle.textContent = divergedTitle;
      this.showStep(view);
    }
  }

  private showMoving(view: RunView): void {
    const willChange = this.moving.has(view.run.index) ? 'transform' : '';
    if (view.group.style.willChange !== willChange) view.group.style.willChange = willChange;
  }

  private showStep(view: RunView): void {
    const scales = this.scales;
    const { run, path } = view;
    if (!scales || !path) return;
    const points = run.trajectory.length / 2;
    const shown = shownPointIndex(points, this.step);
    const end = points > 0 ? path.ends[shown] : 0;
    if (end !== view.shownEnd) {
      // a recomputed run often draws the same path (a drag that ends where it was): same data, no repaint
      const d = path.d.slice(0, end);
      setAttribute(view.casing, 'd', d);
      setAttribute(view.line, 'd', d);
      view.shownEnd = end;
    }
    const reachedEnd = points === 0 || this.step >= points - 1;
    const showDiverged = run.diverged !== null && reachedEnd;
    if (points > 0) {
      const x = run.trajectory[2 * shown];
      const y = run.trajectory[2 * shown + 1];
      const [px, py] = scales.toScreen(x, y);
      setAttribute(view.stepMarker, 'cx', String(px));
      setAttribute(view.stepMarker, 'cy', String(py));
      setAttribute(view.stepMarker, 'data-x', String(x));
      setAttribute(view.stepMarker, 'data-y', String(y));
      setAttribute(view.stepMarker, 'data-step', String(shown));
    }
    setAttribute(view.stepMarker, 'display', points > 0 && !showDiverged ? 'inline' : 'none');
    setAttribute(view.divergedMarker, 'display', showDiverged ? 'inline' : 'none');
    if (showDiverged) {
      // the last finite point, or the start when f was not finite there; kept on the plot's
      // edge when the run left the view, so the mark is always seen
      const last = points > 0 ? ([run.trajectory[2 * (points - 1)], run.trajectory[2 * (points - 1) + 1]] as const) : run.start;
      const [px, py] = scales.toScreen(last[0], last[1]);
      const { box } = scales;
      view.divergedMarker.setAttribute('x', String(Math.min(box.right - 8, Math.max(box.left + 8, px))));
      view.divergedMarker.setAttribute('y', String(Math.min(box.bottom - 8, Math.max(box.top + 8, py))));
    }
  }

  private createRunView(run: MapRun): RunView {
    const element = <K extends keyof SVGElementTagNameMap>(parent: Element, name: K, attributes: Record<string, string>) => {
      const child = document.createElementNS(SVG_NS, name);
      for (const [key, value] of Object.entries(attributes)) child.setAttribute(key, value);
      parent.appendChild(child);
      return child;
    };
    const group = element(this.root.node()!, 'g', { class: 'run' });
    // a light casing under each path keeps it readable on every colour of the map
    const casing = element(group, 'path', { class: 'casing', fill: 'none', stroke: 'rgba(255,255,255,0.85)' });
    const line = element(group, 'path', { class: 'trajectory', fill: 'none' });
    const stepMarker = element(group, 'circle', { class: 'step-marker', r: '4.5', stroke: '#111' });
    const divergedMarker = element(group, 'text', { class: 'diverged-marker', 'text-anchor': 'middle', dy: '0.35em', stroke: '#111' });
    divergedMarker.textContent = '✕';
    const divergedTitle = element(divergedMarker, 'title', {});
    // the start is a handle: focusable and named (MapInteraction also grabs it from a near miss)
    const start = this.draggableStarts
      ? element(group, 'g', { class: 'start-point', tabindex: '0', role: 'button', 'aria-roledescription': 'draggable start point' })
      : element(group, 'g', { class: 'start-point' });
    element(start, 'circle', { class: 'start-focus-ring', r: '10', fill: 'none' });
    const startMarker = element(start, 'circle', { class: 'start-marker', r: '6', fill: '#fff' });
    const startTitle = element(start, 'title', {});
    startTitle.textContent = this.draggableStarts
      ? 'Drag to move this start (runs starting here move together; Alt-drag moves this run alone). Arrow keys nudge it.'
      : 'Start of the run, projected onto the slice';
    return { run, group, casing, line, start, startMarker, stepMarker, divergedMarker, divergedTitle, path: null, pathFor: null, pathScales: null, shownEnd: -1 };
  }

  /** Removes everything this layer drew. */
  destroy(): void {
    this.root.remove();
    this.views = [];
  }
}
