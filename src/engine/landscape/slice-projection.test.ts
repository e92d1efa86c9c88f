import { describe, expect, it } from 'vitest';
import { SliceProjection } from './slice-projection';

describe('SliceProjection', () => {
  it('recovers (α, β) of a point on the plane along non-orthogonal directions', () => {
    const centre = [1, -2, 0.5, 3];
    const first = [1, 1, 0, 2];
    const second = [0.5, 2, -1, 1];
    const [alpha, beta] = [0.7, -1.3];
    const point = centre.map((c, i) => c + alpha * first[i] + beta * second[i]);
    const [a, b] = new SliceProjection(centre, first, second).coordinates(point);
    expect(a).toBeCloseTo(alpha, 13);
    expect(b).toBeCloseTo(beta, 13);
  });

  it('gives the least-squares coordinates of a point off the plane: the residual is orthogonal to both directions', () => {
    const centre = [0, 0, 0];
    const first = [1, 0, 0];
    const second = [1, 1, 0];
    const projection = new SliceProjection(centre, first, second);
    const path = projection.projectPath([2, 3, 5, 0, 0, 0]);
    expect(Array.from(path)).toEqual([-1, 3, 0, 0]);
  });
});
