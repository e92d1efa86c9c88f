// The ellipses a Gaussian search distribution (CMA-ES, (1+1)-ES) is drawn as on the map. The map
// shows two coordinates, so the n-D distribution N(m, σ²C) is projected onto them: the marginal of
// a Gaussian on coordinates (i, j) is N((mᵢ, mⱼ), σ² C[{i,j},{i,j}]), the 2 × 2 block of C. Its
// k-σ ellipse {p : (p − m)ᵀ (σ²C₂)⁻¹ (p − m) = k²} has semi-axes k·σ·√λ along C₂'s eigenvectors.
import type { ParameterPoint } from './scales';
import { parameterPoint } from './scales';

/** An ellipse in parameter space: centre, semi-axes (major first) and the major axis's angle from +x in radians. */
export interface SearchEllipse {
  readonly center: ParameterPoint;
  readonly radii: readonly [number, number];
  readonly angle: number;
}

/** A search distribution as methods snapshot it: mean (n), step size σ, covariance C (n × n, row-major). */
export interface SearchDistribution {
  readonly mean: ArrayLike<number>;
  readonly sigma: number;
  readonly covariance: ArrayLike<number>;
}

/**
 * The k-σ ellipse of the distribution projected onto coordinates (first, second); null when the
 * projected covariance is not a finite positive semi-definite matrix (nothing sensible to draw).
 */
export function searchEllipse(distribution: SearchDistribution, k: number, first = 0, second = 1): SearchEllipse | null {
  const { mean, sigma, covariance } = distribution;
  const n = mean.length;
  if (n < 2 || covariance.length < n * n) return null;
  const variance = sigma * sigma;
  const a = variance * covariance[first * n + first];
  const d = variance * covariance[second * n + second];
  // C is symmetric; the average absorbs rounding in a method's update
  const b = (variance * (covariance[first * n + second] + covariance[second * n + first])) / 2;
  if (![a, b, d].every(Number.isFinite)) return null;
  // eigenvalues of [[a, b], [b, d]]: (a + d)/2 ± √(((a − d)/2)² + b²)
  const half = (a + d) / 2;
  const spread = Math.hypot((a - d) / 2, b);
  const major = half + spread;
  const minor = half - spread;
  // a tiny negative minor eigenvalue is rounding of a singular matrix; a clearly negative one is not a covariance
  if (minor < -1e-12 * Math.max(1, Math.abs(major))) return null;
  // the major eigenvector's angle: tan 2θ = 2b / (a − d)
  const angle = 0.5 * Math.atan2(2 * b, a - d);
  return {
    center: parameterPoint(mean[first], mean[second]),
    radii: [k * Math.sqrt(major), k * Math.sqrt(Math.max(0, minor))],
    angle,
  };
}

/**
 * `segments` points around the ellipse in parameter space (the map's x and y scales may differ,
 * so the outline is built here and each point mapped to pixels, not drawn as a rotated SVG ellipse).
 */
export function ellipseOutline(ellipse: SearchEllipse, segments = 64): ParameterPoint[] {
  const [major, minor] = ellipse.radii;
  const cos = Math.cos(ellipse.angle);
  const sin = Math.sin(ellipse.angle);
  const points: ParameterPoint[] = [];
  for (let index = 0; index < segments; index++) {
    const t = (2 * Math.PI * index) / segments;
    const u = major * Math.cos(t);
    const v = minor * Math.sin(t);
    points.push(parameterPoint(ellipse.center[0] + cos * u - sin * v, ellipse.center[1] + sin * u + cos * v));
  }
  return points;
}
