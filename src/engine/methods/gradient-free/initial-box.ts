import type { Domain } from '../../objective';
import type { Random } from '../../random';
import { choiceHyper, numberHyper } from '../first-order/hyper';
import type { HyperSpec, HyperValues } from '../hyperparameters';

// Where a population method (PSO, differential evolution) draws its first members. scipy's
// differential_evolution samples its `bounds`; the playground has none, so the box is either a cube
// around the start point of half-width `init_radius` (the default: the run begins where the user
// put it) or the region in view (`init_region: "view"`, the 2-D map's domain). The view is 2-D: in
// other dimensions, or without a view (the CLI gives the problem's plotting domain), the cube around
// the start is used. The box only seeds the population: later members may leave it (no bounds).

/** A box [lower, upper] per coordinate. */
export interface InitialBox {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** `init_region` and `init_radius`: the box the first members are drawn from. */
export const INITIAL_BOX_SPECS: readonly HyperSpec[] = [
  {
    kind: 'choice',
    name: 'init_region',
    defaultValue: 'start',
    options: ['start', 'view'],
    description: 'where the first members are drawn: a cube of half-width init_radius around the start, or the region in view (2-D)',
  },
  { kind: 'number', name: 'init_radius', defaultValue: 1, min: 0, max: 1e6, exclusiveMin: true, log: true, description: 'half-width of the cube around the start the first members are drawn from' },
];

/** The box the hyperparameters ask for around `start` (the view only where it exists and the run is 2-D). */
export function initialBox(start: ArrayLike<number>, hyper: HyperValues, domain: Domain | undefined): InitialBox {
  const dimension = start.length;
  const lower = new Float64Array(dimension);
  const upper = new Float64Array(dimension);
  if (choiceHyper(hyper, 'init_region') === 'view' && domain !== undefined && dimension === 2) {
    for (let i = 0; i < 2; i++) {
      lower[i] = domain[i][0];
      upper[i] = domain[i][1];
    }
    return { lower, upper };
  }
  const radius = numberHyper(hyper, 'init_radius');
  for (let i = 0; i < dimension; i++) {
    lower[i] = start[i] - radius;
    upper[i] = start[i] + radius;
  }
  return { lower, upper };
}

/** Writes a point drawn uniformly from `box` into `out` at `offset`. */
export function sampleUniform(box: InitialBox, random: Random, out: Float64Array, offset: number): void {
  const { lower, upper } = box;
  for (let i = 0; i < lower.length; i++) out[offset + i] = lower[i] + (upper[i] - lower[i]) * random.nextFloat();
}

/** A uniform integer in [0, count). */
export function randomIndex(random: Random, count: number): number {
  return Math.floor(random.nextFloat() * count);
}
