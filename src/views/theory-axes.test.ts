import { describe, expect, it } from 'vitest';
import { localQuadratic } from '../engine/theory/local-quadratic';
import { AXIS_SHARE, theoryAxes } from './theory-axes';

// Oracle: the level set ½ dᵀHd = c by hand: along eigenvector i it reaches √(2c/λᵢ), so the axes'
// half-lengths are in the ratio √(λ_j/λ_i), and every outline point satisfies ½ dᵀHd = c.

describe('theoryAxes', () => {
  it('diag(1, 4) at (1, 2): axes along x and y, half-lengths ∝ 1/√λ, the outline a level set of the model', () => {
    const model = localQuadratic([1, 0, 0, 4], 2);
    const { axes, ellipse } = theoryAxes(model, [1, 2], 10);
    expect(axes.map((axis) => axis.eigenvalue)).toEqual([1, 4]);
    expect(axes[0].halfLength).toBeCloseTo(AXIS_SHARE * 10, 12);
    expect(axes[1].halfLength).toBeCloseTo((AXIS_SHARE * 10) / 2, 12);
    expect(Math.abs(axes[0].direction[0])).toBeCloseTo(1, 12);
    const c = 0.5 * 1 * axes[0].halfLength ** 2;
    for (const [x, y] of ellipse!) {
      const [dx, dy] = [x - 1, y - 2];
      expect(0.5 * (dx * dx + 4 * dy * dy)).toBeCloseTo(c, 10);
    }
  });

  it('rotated: the Hessian [[2, 1], [1, 2]] has axes along (1, −1)/√2 (λ = 1) and (1, 1)/√2 (λ = 3)', () => {
    const { axes } = theoryAxes(localQuadratic([2, 1, 1, 2], 2), [0, 0], 1);
    expect(Math.abs(axes[0].direction[0] * axes[0].direction[1])).toBeCloseTo(0.5, 12);
    expect(axes[0].direction[0] * axes[0].direction[1]).toBeLessThan(0);
    expect(axes[1].halfLength / axes[0].halfLength).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  it('a saddle: the negative axis dashed, no ellipse; a valley floor: the flat axis capped', () => {
    const saddle = theoryAxes(localQuadratic([-1, 0, 0, 9], 2), [0, 0], 1);
    expect(saddle.ellipse).toBeNull();
    expect(saddle.axes[0].negative).toBe(true);
    expect(saddle.axes[1].negative).toBe(false);
    expect(saddle.axes[1].halfLength / saddle.axes[0].halfLength).toBeCloseTo(1 / 3, 12);
    const floor = theoryAxes(localQuadratic([0, 0, 0, 5], 2), [0, 0], 1);
    expect(floor.axes[0].capped).toBe(true);
    expect(floor.axes[0].halfLength).toBeCloseTo(AXIS_SHARE, 12);
    expect(floor.ellipse).toBeNull();
  });
});
