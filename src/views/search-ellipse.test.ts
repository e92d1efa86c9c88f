import { describe, expect, it } from 'vitest';
import { ellipseOutline, searchEllipse } from './search-ellipse';

// Oracles: eigen-decompositions worked by hand for 2 × 2 matrices, and the quadratic form
// (p − m)ᵀ Σ⁻¹ (p − m) with Σ⁻¹ from the explicit 2 × 2 inverse, which every point of the k-σ
// ellipse must bring to k², independent of how the eigen-decomposition was computed.

/** (p − m)ᵀ Σ⁻¹ (p − m) for Σ = [[a, b], [b, d]], inverted as [[d, −b], [−b, a]] / (ad − b²). */
function mahalanobisSquared(p: readonly number[], m: readonly number[], a: number, b: number, d: number): number {
  const det = a * d - b * b;
  const dx = p[0] - m[0];
  const dy = p[1] - m[1];
  return (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
}

describe('the search ellipse', () => {
  it('has the hand-derived axes of C = [[2, 1], [1, 2]]: eigenvalues 3 and 1 along (1, 1) and (1, −1)', () => {
    const ellipse = searchEllipse({ mean: [1, -2], sigma: 0.5, covariance: [2, 1, 1, 2] }, 2)!;
    expect([...ellipse.center]).toEqual([1, -2]);
    // semi-axes k·σ·√λ = 2 · 0.5 · √3 and 2 · 0.5 · 1
    expect(ellipse.radii[0]).toBeCloseTo(Math.sqrt(3), 14);
    expect(ellipse.radii[1]).toBeCloseTo(1, 14);
    expect(ellipse.angle).toBeCloseTo(Math.PI / 4, 14);
  });

  it('is a circle of radius kσ for the identity, and axis-aligned for a diagonal C', () => {
    const circle = searchEllipse({ mean: [0, 0], sigma: 0.3, covariance: [1, 0, 0, 1] }, 1)!;
    expect(circle.radii[0]).toBeCloseTo(0.3, 15);
    expect(circle.radii[1]).toBeCloseTo(0.3, 15);
    const tall = searchEllipse({ mean: [0, 0], sigma: 1, covariance: [1, 0, 0, 4] }, 1)!;
    expect(tall.radii).toEqual([2, 1]);
    expect(Math.abs(tall.angle)).toBeCloseTo(Math.PI / 2, 15);
  });

  it('puts every outline point at Mahalanobis distance k from the mean', () => {
    const [a, b, d] = [0.8, -0.35, 0.3];
    const sigma = 1.7;
    for (const k of [1, 2]) {
      const ellipse = searchEllipse({ mean: [-0.4, 2.5], sigma, covariance: [a, b, b, d] }, k)!;
      for (const point of ellipseOutline(ellipse, 24)) {
        expect(mahalanobisSquared(point, [-0.4, 2.5], sigma * sigma * a, sigma * sigma * b, sigma * sigma * d)).toBeCloseTo(k * k, 10);
      }
    }
  });

  it('projects an n-D distribution onto the two coordinates drawn (the marginal is the 2 × 2 block)', () => {
    // 3-D: C's block on (0, 1) is [[2, 1], [1, 2]]; the third coordinate plays no part
    const covariance = [2, 1, 0.5, 1, 2, -0.7, 0.5, -0.7, 9];
    const ellipse = searchEllipse({ mean: [1, 2, 3], sigma: 1, covariance }, 1)!;
    expect([...ellipse.center]).toEqual([1, 2]);
    expect(ellipse.radii[0]).toBeCloseTo(Math.sqrt(3), 14);
    expect(ellipse.radii[1]).toBeCloseTo(1, 14);
  });

  it('draws nothing for a matrix that is no covariance', () => {
    expect(searchEllipse({ mean: [0, 0], sigma: 1, covariance: [1, 2, 2, 1] }, 1)).toBeNull();
    expect(searchEllipse({ mean: [0, 0], sigma: NaN, covariance: [1, 0, 0, 1] }, 1)).toBeNull();
    expect(searchEllipse({ mean: [0], sigma: 1, covariance: [1] }, 1)).toBeNull();
  });
});
