import type { Domain } from '../objective';
import type { SurfaceGrid } from '../sample';

// The loss on a slice: f(θ_c + α d1 + β d2) sampled on a grid over (α, β), laid out as the contour
// map's SurfaceGrid (row 0 at the top, β = βmax), so the map draws it as it draws a surface.

/** Share of the projected paths' extent added on each side of the slice's domain. */
const DOMAIN_MARGIN = 0.15;

/**
 * The (α, β) square that holds every finite projected point (flattened pairs) with a margin, centred
 * on their extent; [−1, 1]² around them when they all coincide. A square, because α and β are
 * steps along directions of comparable length (the same ‖θ‖ or per-filter norms).
 */
export function sliceDomain(projectedPaths: readonly ArrayLike<number>[]): Domain {
  let [aMin, aMax, bMin, bMax] = [0, 0, 0, 0];
  for (const path of projectedPaths) {
    for (let k = 0; k + 1 < path.length; k += 2) {
      const [alpha, beta] = [path[k], path[k + 1]];
      if (!Number.isFinite(alpha) || !Number.isFinite(beta)) continue;
      aMin = Math.min(aMin, alpha);
      aMax = Math.max(aMax, alpha);
      bMin = Math.min(bMin, beta);
      bMax = Math.max(bMax, beta);
    }
  }
  const half = Math.max(aMax - aMin, bMax - bMin) / 2;
  const halfWidth = half > 0 ? half * (1 + 2 * DOMAIN_MARGIN) : 1;
  const [alphaMid, betaMid] = [(aMin + aMax) / 2, (bMin + bMax) / 2];
  return [
    [alphaMid - halfWidth, alphaMid + halfWidth],
    [betaMid - halfWidth, betaMid + halfWidth],
  ];
}

/** f(θ_c + α d1 + β d2) at the grid's cell corners over `domain` (α across, β up). */
export function sampleSlice(
  value: (point: Float64Array) => number,
  centre: ArrayLike<number>,
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  domain: Domain,
  columns: number,
  rows: number,
): SurfaceGrid {
  const [[alphaMin, alphaMax], [betaMin, betaMax]] = domain;
  const n = centre.length;
  const values = new Float64Array(columns * rows);
  const point = new Float64Array(n);
  for (let row = 0; row < rows; row++) {
    const beta = betaMax - (row * (betaMax - betaMin)) / (rows - 1);
    for (let column = 0; column < columns; column++) {
      const alpha = alphaMin + (column * (alphaMax - alphaMin)) / (columns - 1);
      for (let i = 0; i < n; i++) point[i] = centre[i] + alpha * first[i] + beta * second[i];
      values[row * columns + column] = value(point);
    }
  }
  return { columns, rows, domain, values };
}
