// What the pointer, fingers and keyboard do on the map: drag a start point, pan the background,
// wheel or pinch to zoom about the cursor or the fingers, double-click to go home, click or tap to
// place the selected run's start, hover to read f. It turns events into parameter-space intents for
// its owner; it keeps no state of the experiment or the store, so the owner decides what a move
// means (one run, a stack, linked starts).
import { drag, pointer, select, type D3DragEvent, type Selection } from 'd3';
import type { Domain } from '../engine/objective';
import type { MapScales, ParameterPoint, ScreenPoint } from './scales';
import { clampZoomFactor, nudgeOffset, panDomain, pinchDomain, wheelZoomFactor, zoomDomain } from './view-domain';

/** What the map's owner does with the reader's gestures. */
export interface MapInteractionHandlers {
  /** The scales of the view shown now (null before the first view). */
  getScales(): MapScales | null;
  /** The problem's own domain: where a reset goes and what zoom limits are measured against. */
  getHomeDomain(): Domain;
  /** The view moved (zoom or pan): show it at once. Called for every event of a gesture. */
  onView(domain: Domain): void;
  /** Back to the problem's own domain (double-click). */
  onResetView(): void;
  /** A start point was grabbed; `alone` when only that run should move (Alt held). */
  onStartDragBegin(runIndex: number, alone: boolean): void;
  /** The grabbed start point is at `point` now. */
  onStartDrag(point: ParameterPoint): void;
  onStartDragEnd(): void;
  /** An arrow key on a focused start point: move that run's start by (dx, dy). */
  onNudge(runIndex: number, dx: number, dy: number): void;
  /** A click (not a drag) on the map's background. */
  onBackgroundClick(point: ParameterPoint): void;
  /** The cursor is over this point of the plot, or left it (null). */
  onHover(point: ParameterPoint | null): void;
}

/** A click is held back this long in case it is the first half of a double-click (which resets the view instead). */
export const DOUBLE_CLICK_MS = 300;
/** Pixels a press may move and still count as a click. */
const CLICK_DISTANCE = 4;
/**
 * A press this close (in CSS pixels) to a start point grabs it, as if the dot were larger. Done
 * by distance rather than with a larger invisible circle, which would cover a neighbouring dot.
 */
export const GRAB_RADIUS = 12;
/** The same for a finger, which covers the dot it aims at (about the 48 px touch targets guidelines ask for). */
export const TOUCH_GRAB_RADIUS = 24;

type Subject =
  | { kind: 'start'; runIndex: number; x: number; y: number }
  // `cancelled`: a second finger turned this pan into a pinch; the finger left behind moves nothing
  | { kind: 'pan'; x: number; y: number; domain: Domain; scales: MapScales; moved: boolean; cancelled: boolean };

/** A two-finger pinch under way: the fingers by identifier, where they went down, and the view then. */
interface Pinch {
  readonly fingers: readonly [number, number];
  readonly from: readonly [ScreenPoint, ScreenPoint];
  readonly scales: MapScales;
}

type DragEvent = D3DragEvent<SVGSVGElement, unknown, Subject>;

function startPointOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? target.closest<SVGGElement>('g.start-point') : null;
}

/** True for a touch event, or a mouse event the browser made from a touch (a tap's click). */
function isTouch(event: MouseEvent | TouchEvent): boolean {
  return 'changedTouches' in event || (event as PointerEvent).pointerType === 'touch';
}

/** Where a start point's centre is drawn, in SVG pixels. */
function centreOf(handle: SVGGElement): [number, number] | null {
  const matrix = handle.transform.baseVal.consolidate()?.matrix;
  return matrix ? [matrix.e, matrix.f] : null;
}

/** Pointer, wheel and keyboard handling of the contour map's SVG. */
export class MapInteraction {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private pendingClick: ReturnType<typeof setTimeout> | undefined;
  private hoverFrame = 0;
  private hoverPoint: ParameterPoint | null = null;
  /** What the press under way drags (a mouse button or the first finger), until it ends. */
  private dragging: Subject | null = null;
  private pinch: Pinch | null = null;

  constructor(
    svgElement: SVGSVGElement,
    private readonly handlers: MapInteractionHandlers,
  ) {
    this.svg = select(svgElement);
    const dragBehaviour = drag<SVGSVGElement, unknown, Subject>()
      .container(svgElement)
      .clickDistance(CLICK_DISTANCE)
      // a second finger does not start a drag of its own: it turns a pan into a pinch (touched())
      .filter((event: MouseEvent | TouchEvent) => !event.ctrlKey && !('button' in event && event.button) && !('touches' in event && event.touches.length > 1) && this.subjectAt(event) !== null)
      // the filter only lets presses with a subject through
      .subject((event: DragEvent) => this.subjectAt(event.sourceEvent as MouseEvent)!)
      .on('start', (event: DragEvent) => {
        this.cancelPendingClick();
        this.dragging = event.subject;
        if (event.subject.kind === 'start') this.handlers.onStartDragBegin(event.subject.runIndex, (event.sourceEvent as MouseEvent).altKey === true);
      })
      .on('drag', (event: DragEvent) => this.dragged(event))
      .on('end', (event: DragEvent) => {
        this.dragging = null;
        if (event.subject.kind === 'start') this.handlers.onStartDragEnd();
      });
    this.svg
      // before the drag behaviour's own touch listeners, which stop the event from reaching later ones
      .on('touchstart.map', (event: TouchEvent) => this.touched(event), { passive: false })
      .on('touchmove.map', (event: TouchEvent) => this.pinched(event), { passive: false })
      .on('touchend.map touchcancel.map', (event: TouchEvent) => this.untouched(event))
      .call(dragBehaviour)
      .on('click.map', (event: MouseEvent) => this.clicked(event))
      .on('dblclick.map', (event: MouseEvent) => {
        if (!this.pointInPlot(event) || startPointOf(event.target)) return;
        event.preventDefault();
        this.cancelPendingClick();
        this.handlers.onResetView();
      })
      .on('wheel.map', (event: WheelEvent) => this.wheeled(event), { passive: false })
      .on('pointermove.map', (event: PointerEvent) => this.hovered(this.pointInPlot(event)))
      .on('pointerleave.map', () => this.hovered(null))
      .on('keydown.map', (event: KeyboardEvent) => this.keyed(event));
  }

  /** The parameter-space point under a pointer event, or null outside the plot. */
  private pointInPlot(event: MouseEvent): ParameterPoint | null {
    const scales = this.handlers.getScales();
    if (!scales) return null;
    const [px, py] = pointer(event, this.svg.node());
    return scales.contains(px, py) ? scales.toParameter(px, py) : null;
  }

  /** What a press here would drag: a start point, the background (to pan), or nothing (axes, legend). */
  private subjectAt(event: MouseEvent | TouchEvent): Subject | null {
    const scales = this.handlers.getScales();
    if (!scales) return null;
    // a touch is located by the finger that went down
    const [px, py] = pointer('changedTouches' in event ? event.changedTouches[0] : event, this.svg.node());
    const handle = startPointOf(event.target) ?? this.nearestStartPoint(px, py, isTouch(event));
    if (handle) {
      const [x, y] = centreOf(handle) ?? [px, py];
      return { kind: 'start', runIndex: Number(handle.dataset.index), x, y };
    }
    if (!scales.contains(px, py)) return null;
    return { kind: 'pan', x: px, y: py, domain: scales.domain, scales, moved: false, cancelled: false };
  }

  /** The start point within the grab radius (a finger's is larger) of (px, py), the nearest (and of equals the one drawn on top). */
  private nearestStartPoint(px: number, py: number, touch: boolean): SVGGElement | null {
    // the radius is in CSS pixels; the SVG may be drawn larger or smaller than its viewBox
    const cssPixelsPerUnit = this.svg.node()!.getScreenCTM()?.a || 1;
    let nearest: SVGGElement | null = null;
    let nearestDistance = (touch ? TOUCH_GRAB_RADIUS : GRAB_RADIUS) / cssPixelsPerUnit;
    for (const handle of this.svg.node()!.querySelectorAll<SVGGElement>('g.start-point')) {
      const centre = centreOf(handle);
      if (!centre || handle.getAttribute('display') === 'none') continue;
      const distance = Math.hypot(centre[0] - px, centre[1] - py);
      if (distance <= nearestDistance) {
        nearest = handle;
        nearestDistance = distance;
      }
    }
    return nearest;
  }

  private dragged(event: DragEvent): void {
    const subject = event.subject;
    const scales = this.handlers.getScales();
    if (!scales) return;
    if (subject.kind === 'start') {
      // the start stays on the plot, where it can be grabbed again
      const { box } = scales;
      const px = Math.min(box.right, Math.max(box.left, event.x));
      const py = Math.min(box.bottom, Math.max(box.top, event.y));
      this.handlers.onStartDrag(scales.toParameter(px, py));
      return;
    }
    if (subject.cancelled) return;
    const offsetX = event.x - subject.x;
    const offsetY = event.y - subject.y;
    if (!subject.moved && Math.hypot(offsetX, offsetY) <= CLICK_DISTANCE) return;
    subject.moved = true;
    // measured against the view at the press, so the point grabbed stays under the pointer
    const unitsPerPixelX = (subject.domain[0][1] - subject.domain[0][0]) / (subject.scales.box.right - subject.scales.box.left);
    const unitsPerPixelY = (subject.domain[1][1] - subject.domain[1][0]) / (subject.scales.box.bottom - subject.scales.box.top);
    this.handlers.onView(panDomain(subject.domain, -offsetX * unitsPerPixelX, offsetY * unitsPerPixelY));
  }

  private clicked(event: MouseEvent): void {
    const point = this.pointInPlot(event);
    if (!point) return;
    // a press on (or next to) a start point grabs it; letting go without a move is not a click on the map
    const [px, py] = pointer(event, this.svg.node());
    if (startPointOf(event.target) ?? this.nearestStartPoint(px, py, isTouch(event))) return;
    // the second click of a double-click: the dblclick handler resets the view instead
    if (event.detail > 1) {
      this.cancelPendingClick();
      return;
    }
    this.cancelPendingClick();
    this.pendingClick = setTimeout(() => {
      this.pendingClick = undefined;
      this.handlers.onBackgroundClick(point);
    }, DOUBLE_CLICK_MS);
  }

  private wheeled(event: WheelEvent): void {
    const scales = this.handlers.getScales();
    const point = this.pointInPlot(event);
    if (!scales || !point || event.deltaY === 0) return;
    event.preventDefault();
    const factor = clampZoomFactor(scales.domain, this.handlers.getHomeDomain(), wheelZoomFactor(event.deltaY, event.deltaMode, event.ctrlKey));
    if (factor === 1) return;
    this.handlers.onView(zoomDomain(scales.domain, point, factor));
  }

  /** Where a finger touches, in SVG pixels. */
  private fingerAt(touch: Touch): ScreenPoint {
    return pointer(touch, this.svg.node()) as unknown as ScreenPoint;
  }

  /**
   * A second finger on the map starts a pinch, unless the first is dragging a start point (which
   * goes on). The first finger's pan ends there: after the pinch, the finger left on the map moves
   * nothing, or the view would jump to follow it.
   */
  private touched(event: TouchEvent): void {
    const scales = this.handlers.getScales();
    if (!scales || this.pinch || event.touches.length !== 2 || this.dragging?.kind === 'start') return;
    event.preventDefault();
    if (this.dragging?.kind === 'pan') this.dragging.cancelled = true;
    this.cancelPendingClick();
    const [first, second] = [event.touches[0], event.touches[1]];
    this.pinch = { fingers: [first.identifier, second.identifier], from: [this.fingerAt(first), this.fingerAt(second)], scales };
  }

  private pinched(event: TouchEvent): void {
    const pinch = this.pinch;
    if (!pinch) return;
    event.preventDefault();
    const touches = Array.from(event.touches);
    const fingers = pinch.fingers.map((identifier) => touches.find((touch) => touch.identifier === identifier));
    if (!fingers[0] || !fingers[1]) return;
    const to = [this.fingerAt(fingers[0]), this.fingerAt(fingers[1])] as const;
    this.handlers.onView(pinchDomain(pinch.scales, pinch.from, to, this.handlers.getHomeDomain()));
  }

  /** Lifting either finger of a pinch ends it. */
  private untouched(event: TouchEvent): void {
    const pinch = this.pinch;
    if (!pinch) return;
    const lifted = Array.from(event.changedTouches, (touch) => touch.identifier);
    if (pinch.fingers.some((finger) => lifted.includes(finger))) this.pinch = null;
  }

  /** Hover requests go out at most once per frame: the pointer reports far more often than that. */
  private hovered(point: ParameterPoint | null): void {
    const wasShown = this.hoverPoint !== null;
    this.hoverPoint = point;
    if (point === null) {
      if (!wasShown) return; // moving over the axes: nothing to clear again
      cancelAnimationFrame(this.hoverFrame);
      this.hoverFrame = 0;
      this.handlers.onHover(null);
      return;
    }
    if (this.hoverFrame) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      this.handlers.onHover(this.hoverPoint);
    });
  }

  private keyed(event: KeyboardEvent): void {
    const handle = startPointOf(event.target);
    const scales = this.handlers.getScales();
    if (!handle || !scales || event.altKey || event.ctrlKey || event.metaKey) return;
    const offset = nudgeOffset(scales.domain, event.key, event.shiftKey);
    if (!offset) return;
    event.preventDefault();
    this.handlers.onNudge(Number(handle.dataset.index), offset[0], offset[1]);
  }

  private cancelPendingClick(): void {
    clearTimeout(this.pendingClick);
    this.pendingClick = undefined;
  }

  /** Stops listening; a click still waiting to count is dropped. */
  destroy(): void {
    this.cancelPendingClick();
    this.pinch = null;
    cancelAnimationFrame(this.hoverFrame);
    this.svg.on('.drag', null).on('.map', null);
  }
}
