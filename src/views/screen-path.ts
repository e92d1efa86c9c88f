// A trajectory as SVG path data, built once per result so that playback only cuts a prefix of it.
// Points far outside the view (a run heading for divergence reaches 1e12) are clipped to a box
// around the plot: SVG renderers work in float32 and draw segments millions of pixels long badly,
// while the part of a clipped segment that is visible keeps its exact direction.
import type { PlotBox } from './scales';

/** Path data for points 0..n-1 and where each point's part of it ends. */
export interface ScreenPath {
  /** SVG path data of the whole trajectory. */
  readonly d: string;
  /** ends[k]: the length of the prefix of `d` that draws points 0..k; d.slice(0, ends[k]) is the path up to step k. */
  readonly ends: Uint32Array;
}

/** How far beyond the plot, in plot sizes on each side, a path is kept before it is clipped. */
export const CLIP_MARGIN = 2;

/**
 * A point closer than this (in pixels, along each axis) to the last point drawn is left out: a
 * converging run of 100,000 steps spends most of them inside one pixel, and a path of 100,000
 * segments froze the page for seconds while adding nothing anyone could see. The step marker
 * still sits on the exact point; only the line's corner moves, by at most this much.
 */
export const THIN_PIXELS = 0.25;

/** Pixels rounded to 1/100: finer than any screen, and short strings. */
function pixel(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The box a path is clipped to: the plot grown by CLIP_MARGIN of its size on every side. */
export function clipBox(plot: PlotBox): PlotBox {
  const width = plot.right - plot.left;
  const height = plot.bottom - plot.top;
  return {
    left: plot.left - CLIP_MARGIN * width,
    right: plot.right + CLIP_MARGIN * width,
    top: plot.top - CLIP_MARGIN * height,
    bottom: plot.bottom + CLIP_MARGIN * height,
  };
}

/**
 * Liang–Barsky: the parameters [t0, t1] ⊆ [0, 1] of the part of segment p + t (q − p) inside the
 * box, or null when none of it is.
 */
export function clipSegment(x0: number, y0: number, x1: number, y1: number, box: PlotBox): [number, number] | null {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: ReadonlyArray<readonly [number, number]> = [
    [-dx, x0 - box.left],
    [dx, box.right - x0],
    [-dy, y0 - box.top],
    [dy, box.bottom - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null; // parallel to this edge and outside it
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [t0, t1];
}

/**
 * Path data for the first `count` points of a flattened [x0, y0, x1, y1, ...] trajectory, drawn
 * with `toScreenX`/`toScreenY` and clipped to `box`. The pen lifts (a new M) where the path
 * leaves the box and comes back, so nothing is drawn along the box's edge.
 */
export function buildScreenPath(
  trajectory: ArrayLike<number>,
  count: number,
  toScreenX: (x: number) => number,
  toScreenY: (y: number) => number,
  box: PlotBox,
): ScreenPath {
  const ends = new Uint32Array(count);
  const parts: string[] = [];
  let length = 0;
  // the last point written, for thinning
  let drawnX = NaN;
  let drawnY = NaN;
  const emit = (command: 'M' | 'L', x: number, y: number) => {
    const part = `${command}${pixel(x)},${pixel(y)}`;
    parts.push(part);
    length += part.length;
    drawnX = x;
    drawnY = y;
  };
  if (count === 0) return { d: '', ends };
  let previousX = toScreenX(trajectory[0]);
  let previousY = toScreenY(trajectory[1]);
  // the pen is down when the last thing drawn ended at the previous point
  let penDown = false;
  if (insideBox(previousX, previousY, box)) {
    emit('M', previousX, previousY);
    penDown = true;
  }
  ends[0] = length;
  for (let k = 1; k < count; k++) {
    const x = toScreenX(trajectory[2 * k]);
    const y = toScreenY(trajectory[2 * k + 1]);
    // a run records finite points only, but a path must never print NaN whatever it is given
    const clipped = Number.isFinite(previousX + previousY + x + y) ? clipSegment(previousX, previousY, x, y, box) : null;
    if (clipped && penDown && clipped[0] === 0 && clipped[1] === 1 && Math.abs(x - drawnX) < THIN_PIXELS && Math.abs(y - drawnY) < THIN_PIXELS) {
      // inside the box and within a quarter pixel of the line's end: nothing to draw (the pen stays down)
    } else if (clipped) {
      const [t0, t1] = clipped;
      if (!penDown || t0 > 0) emit('M', previousX + t0 * (x - previousX), previousY + t0 * (y - previousY));
      emit('L', previousX + t1 * (x - previousX), previousY + t1 * (y - previousY));
      penDown = t1 === 1;
    } else if (Number.isFinite(x + y) && insideBox(x, y, box)) {
      emit('M', x, y); // back from a point that could not be drawn
      penDown = true;
    } else {
      penDown = false;
    }
    ends[k] = length;
    previousX = x;
    previousY = y;
  }
  return { d: parts.join(''), ends };
}

function insideBox(x: number, y: number, box: PlotBox): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}
