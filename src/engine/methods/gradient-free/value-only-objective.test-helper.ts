import type { Objective } from '../../objective';

/** An objective of f alone: asking it for ∇f or ∇²f throws, so a test fails loudly if a gradient-free method does. */
export function valueOnlyObjective(dimension: number, value: (point: ArrayLike<number>) => number): Objective {
  return {
    dimension,
    value,
    valueAndGradient: () => {
      throw new Error('a gradient-free method asked for a gradient');
    },
    hessian: () => {
      throw new Error('a gradient-free method asked for a Hessian');
    },
  };
}
