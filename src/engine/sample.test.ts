import { describe, expect, it } from 'vitest';
import type { Objective } from './objective';
import { sampleObjective } from './sample';

// f(x, y) = 10x + y: every grid value is checkable by hand.
const plane: Objective = {
  dimension: 2,
  value: (p) => 10 * p[0] + p[1],
  valueAndGradient: (p, g) => {
    g[0] = 10;
    g[1] = 1;
    return 10 * p[0] + p[1];
  },
  hessian: (_p, h) => h.fill(0),
};

describe('sampleObjective', () => {
  it('puts row 0 at the top (yMax) and column 0 at the left (xMin), edges included', () => {
    const grid = sampleObjective(plane, [[0, 2], [-1, 1]], 3, 2);
    // rows: y = 1 then y = -1; columns: x = 0, 1, 2
    expect(Array.from(grid.values)).toEqual([1, 11, 21, -1, 9, 19]);
  });
});
