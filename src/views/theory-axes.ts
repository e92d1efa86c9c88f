import type { LocalQuadratic } from '../engine/theory/local-quadratic';
import type { PlanePoint } from './glyph-geometry';

// The local quadratic model drawn at a point: each Hessian eigenvector as an axis through it, half
// as long as the model's level set ½ dᵀHd = c reaches along it, √(2c/|λ|) ∝ 1/√|λ| (a stiff
// direction short, a flat one long), and, where H is definite, that level set itself, an ellipse.
// c is chosen so that the longest axis is a fixed share of the view; a near-zero λ is capped there.

/** One eigen-axis of the model through its point. */
export interface TheoryAxis {
  readonly eigenvalue: number;
  /** Unit eigenvector (coordinates 0 and 1). */
  readonly direction: PlanePoint;
  readonly from: PlanePoint;
  readonly to: PlanePoint;
  /** Half-length in parameter units, ∝ 1/√|λ|. */
  readonly halfLength: number;
  /** λ < 0: the model curves down along it (drawn dashed). */
  readonly negative: boolean;
  /** λ so near 0 that 1/√|λ| was capped at the view. */
  readonly capped: boolean;
}

/** The longest axis's half-length as a share of the view's width. */
export const AXIS_SHARE = 0.18;
/** No axis is drawn shorter than this share of its longest one's (it would vanish; the readout has λ). */
const MIN_AXIS_RATIO = 0.01;

/** The eigen-axes of a 2-D model at `point`, and the level-set ellipse's outline (null unless H is definite), in a view `viewWidth` wide. */
export function theoryAxes(model: LocalQuadratic, point: PlanePoint, viewWidth: number, outlinePoints = 72): { axes: TheoryAxis[]; ellipse: PlanePoint[] | null } {
  if (model.dimension !== 2) return { axes: [], ellipse: null };
  const magnitudes = Array.from(model.eigenvalues, Math.abs);
  const largest = Math.max(...magnitudes);
  if (!Number.isFinite(largest) || largest === 0) return { axes: [], ellipse: null };
  const longest = AXIS_SHARE * viewWidth;
  // half-length s/√|λ|: s puts the flattest direction's at `longest`, unless λ there is (nearly) 0
  const smallest = Math.max(Math.min(...magnitudes), largest * MIN_AXIS_RATIO ** 2);
  const scale = longest * Math.sqrt(smallest);
  const axes = [0, 1].map((k): TheoryAxis => {
    const lambda = model.eigenvalues[k];
    const direction: PlanePoint = [model.eigenvectors[2 * k], model.eigenvectors[2 * k + 1]];
    const raw = Math.abs(lambda) > 0 ? scale / Math.sqrt(Math.abs(lambda)) : Infinity;
    const halfLength = Math.min(raw, longest);
    return {
      eigenvalue: lambda,
      direction,
      from: [point[0] - direction[0] * halfLength, point[1] - direction[1] * halfLength],
      to: [point[0] + direction[0] * halfLength, point[1] + direction[1] * halfLength],
      halfLength,
      negative: lambda < 0,
      capped: raw > longest * (1 + 1e-12),
    };
  });
  const definite = model.curvature === 'positive-definite' || model.curvature === 'negative-definite';
  const ellipse = definite
    ? Array.from({ length: outlinePoints }, (_, i): PlanePoint => {
        const angle = (2 * Math.PI * i) / outlinePoints;
        const [a, b] = axes;
        const u = a.halfLength * Math.cos(angle);
        const v = b.halfLength * Math.sin(angle);
        return [point[0] + u * a.direction[0] + v * b.direction[0], point[1] + u * a.direction[1] + v * b.direction[1]];
      })
    : null;
  return { axes, ellipse };
}
