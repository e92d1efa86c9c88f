// The arithmetic of looking around the map: zooming about a point, panning, nudging a start with
// the keyboard. Pure functions of domains in parameter space, so they are tested without a DOM.
import type { Domain } from '../engine/objective';
import type { MapScales, ParameterPoint, ScreenPoint } from './scales';

/** How far one can zoom, as view width / the problem's own width. */
export const ZOOM_LIMITS = { closest: 1e-6, farthest: 1e3 } as const;

/** Wheel pixels per e-fold of zoom: one 100-pixel notch zooms by e^0.2 ≈ 1.22. */
const WHEEL_PIXELS_PER_E_FOLD = 500;
/** Fraction of the view one arrow key moves a start point; Shift moves ten times as far. */
export const NUDGE_FRACTION = 0.01;

/** The domain zoomed by `factor` (< 1 zooms in) about a fixed point that stays where it is on screen. */
export function zoomDomain(domain: Domain, center: ParameterPoint, factor: number): Domain {
  const [[xMin, xMax], [yMin, yMax]] = domain;
  const [cx, cy] = center;
  return [
    [cx + (xMin - cx) * factor, cx + (xMax - cx) * factor],
    [cy + (yMin - cy) * factor, cy + (yMax - cy) * factor],
  ];
}

/**
 * `factor` limited so that the zoomed view stays between ZOOM_LIMITS of the problem's own width:
 * deep enough to see an optimizer's last steps, never so deep that float64 runs out of digits.
 */
export function clampZoomFactor(domain: Domain, home: Domain, factor: number): number {
  const width = domain[0][1] - domain[0][0];
  const homeWidth = home[0][1] - home[0][0];
  const lowest = (homeWidth * ZOOM_LIMITS.closest) / width;
  const highest = (homeWidth * ZOOM_LIMITS.farthest) / width;
  return Math.min(highest, Math.max(lowest, factor));
}

/** The domain moved by (dx, dy) in parameter units. */
export function panDomain(domain: Domain, dx: number, dy: number): Domain {
  return [
    [domain[0][0] + dx, domain[0][1] + dx],
    [domain[1][0] + dy, domain[1][1] + dy],
  ];
}

/**
 * The view after a two-finger pinch that began with the fingers at `from` (on the view `scales`
 * draws) and has them at `to` now (SVG pixels): the view grows or shrinks with the fingers'
 * spread (within ZOOM_LIMITS of `home`) and follows their midpoint, so the points first touched
 * stay under the fingers.
 */
export function pinchDomain(
  scales: Pick<MapScales, 'domain' | 'box' | 'toParameter'>,
  from: readonly [ScreenPoint, ScreenPoint],
  to: readonly [ScreenPoint, ScreenPoint],
  home: Domain,
): Domain {
  const { domain, box } = scales;
  const unitsPerPixelX = (domain[0][1] - domain[0][0]) / (box.right - box.left);
  const unitsPerPixelY = (domain[1][1] - domain[1][0]) / (box.bottom - box.top);
  const spreadFrom = Math.hypot(from[1][0] - from[0][0], from[1][1] - from[0][1]);
  const spreadTo = Math.hypot(to[1][0] - to[0][0], to[1][1] - to[0][1]);
  // fingers on top of each other give no spread to measure: pan only
  const factor = spreadFrom >= 1 && spreadTo >= 1 ? clampZoomFactor(domain, home, spreadFrom / spreadTo) : 1;
  const midFrom = [(from[0][0] + from[1][0]) / 2, (from[0][1] + from[1][1]) / 2];
  const midTo = [(to[0][0] + to[1][0]) / 2, (to[0][1] + to[1][1]) / 2];
  const zoomed = zoomDomain(domain, scales.toParameter(midFrom[0], midFrom[1]), factor);
  // then the point under the first midpoint moves with the fingers (pixels grow downwards, y upwards)
  return panDomain(zoomed, -(midTo[0] - midFrom[0]) * unitsPerPixelX * factor, (midTo[1] - midFrom[1]) * unitsPerPixelY * factor);
}

/** The zoom factor of one wheel event: deltaY in pixels, lines or pages (deltaMode 0, 1, 2); a pinch (ctrlKey) zooms faster. */
export function wheelZoomFactor(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
  const pixels = deltaY * (deltaMode === 1 ? 16 : deltaMode === 2 ? 400 : 1) * (ctrlKey ? 10 : 1);
  return Math.exp(pixels / WHEEL_PIXELS_PER_E_FOLD);
}

/** True when two domains are the same numbers (null is the problem's own domain). */
export function sameDomain(a: Domain | null, b: Domain | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a[0][0] === b[0][0] && a[0][1] === b[0][1] && a[1][0] === b[1][0] && a[1][1] === b[1][1];
}

/** How far an arrow key moves a start point in parameter space, or null for any other key. */
export function nudgeOffset(domain: Domain, key: string, large: boolean): [number, number] | null {
  const fraction = NUDGE_FRACTION * (large ? 10 : 1);
  const dx = (domain[0][1] - domain[0][0]) * fraction;
  const dy = (domain[1][1] - domain[1][0]) * fraction;
  switch (key) {
    case 'ArrowLeft':
      return [-dx, 0];
    case 'ArrowRight':
      return [dx, 0];
    case 'ArrowUp':
      return [0, dy];
    case 'ArrowDown':
      return [0, -dy];
    default:
      return null;
  }
}

/** Decimals that resolve a thousandth of a view this wide: 3 for a view 4 wide, 6 for one 0.004 wide. */
function decimalsFor(viewWidth: number): number {
  return Number.isFinite(viewWidth) && viewWidth > 0 ? Math.max(0, Math.min(15, 3 - Math.floor(Math.log10(viewWidth)))) : 15;
}

/**
 * A coordinate picked on the map, rounded to a thousandth of the view or finer: below a pixel,
 * so nothing visible is lost, and the URL and labels read -1.5 rather than -1.4987654321.
 */
export function roundToView(value: number, viewWidth: number): number {
  const rounded = Number(value.toFixed(decimalsFor(viewWidth)));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A coordinate for display at the view's resolution, so a nudge always shows and a zoomed-in view shows more digits. */
export function formatCoordinate(value: number, viewWidth: number): string {
  return String(roundToView(value, viewWidth));
}

/** A readout number: five significant digits without trailing zeros; ∞ and NaN in words a reader knows. */
export function formatSignificant(value: number): string {
  if (Number.isNaN(value)) return 'undefined (NaN)';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  const rounded = Number(value.toPrecision(5));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
