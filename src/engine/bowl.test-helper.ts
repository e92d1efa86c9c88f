import type { Objective } from './objective';

/** f(x, y) = x² + y² with its exact gradient and Hessian: the tests' smallest honest objective. */
export const bowl: Objective = {
  dimension: 2,
  value: (p) => p[0] * p[0] + p[1] * p[1],
  valueAndGradient(p, gradient) {
    gradient[0] = 2 * p[0];
    gradient[1] = 2 * p[1];
    return p[0] * p[0] + p[1] * p[1];
  },
  hessian: (_p, hessian) => hessian.set([2, 0, 0, 2]),
};
