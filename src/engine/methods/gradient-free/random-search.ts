import type { Domain } from '../../objective';
import type { Oracle } from '../../oracle';
import { Random } from '../../random';
import { choiceHyper, numberHyper } from '../first-order/hyper';
import type { MethodContext, MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { MethodInspection } from '../inspection';
import type { MethodSnapshot } from '../snapshot';
import { randomSearchInspection, type SearchStep } from './random-search-narration';

// Pure random search, the baseline every gradient-free method must beat: draw candidates, keep the best.
// "uniform" samples the region in view (Brooks 1958); "local" takes Gaussian steps of σ around the best
// point so far (Rastrigin 1963's fixed-step random search). The iterate is the best point found.

/**
 * The box "uniform" samples when the run has no domain (a run outside the app with no plane): each
 * coordinate in [−5, 5], the usual box of the BBOB test functions.
 */
export const DEFAULT_SEARCH_BOX: readonly [number, number] = [-5, 5];

/** Random search: uniform samples of the view, or Gaussian steps around the best point; keeps the best. */
export const randomSearchSpec: MethodSpec = {
  id: 'random_search',
  name: 'Random search',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`x' \sim \mathcal{U}(\text{view}) \text{ or } x' = x^\star + \sigma z,\ z \sim \mathcal{N}(0, I);\quad x^\star \leftarrow x' \text{ if } f(x') < f(x^\star)`,
  hyperSpecs: [
    {
      kind: 'choice',
      name: 'mode',
      defaultValue: 'uniform',
      options: ['uniform', 'local'],
      description: 'uniform: samples anywhere in the view (coordinates past the second use the x range); local: Gaussian steps of σ around the best point',
    },
    { kind: 'number', name: 'sigma', defaultValue: 0.25, min: 0, max: 100, exclusiveMin: true, log: true, description: 'σ of the local mode\'s Gaussian steps' },
    { kind: 'number', name: 'samples', defaultValue: 1, min: 1, max: 1000, integer: true, log: true, description: 'candidates drawn per step' },
  ],
};

/** random_search: its spec and its implementation (what runs in the workers and the CLI). */
export const randomSearch: MethodDefinition = {
  ...randomSearchSpec,
  create: (hyper, context) =>
    new RandomSearch(choiceHyper(hyper, 'mode') === 'local', numberHyper(hyper, 'sigma'), numberHyper(hyper, 'samples'), context),
};

/** The box each coordinate is drawn from: the domain's x range, its y range for the second coordinate. */
function coordinateRanges(dimension: number, domain: Domain | undefined): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < dimension; i++) {
    // an n-D problem is viewed through its first two coordinates; the rest share the x range
    const range = domain === undefined ? DEFAULT_SEARCH_BOX : domain[i === 1 ? 1 : 0];
    ranges.push([range[0], range[1]]);
  }
  return ranges;
}

class RandomSearch implements MethodInstance {
  private readonly random: Random;
  private readonly dimension: number;
  private readonly ranges: [number, number][];
  private readonly best: Float64Array;
  private bestValue = NaN;
  // this step's candidates, reused from step to step (lean batch runs never ask for a snapshot)
  private readonly proposals: Float64Array;
  private readonly accepted: Uint8Array;
  private stepped = false;
  private readonly inspecting: boolean;
  /** The latest step as the inspector tells it (kept on its replay only). */
  private latest: SearchStep | null = null;

  constructor(
    private readonly local: boolean,
    private readonly sigma: number,
    private readonly samples: number,
    context: MethodContext,
  ) {
    this.random = new Random(context.seed);
    this.dimension = context.dimension;
    this.ranges = coordinateRanges(context.dimension, context.domain);
    this.best = new Float64Array(context.dimension);
    this.proposals = new Float64Array(samples * context.dimension);
    this.accepted = new Uint8Array(samples);
    this.inspecting = context.inspecting === true;
  }

  start(point: Float64Array, oracle: Oracle): number {
    this.best.set(point);
    this.bestValue = oracle.value(point);
    return this.bestValue;
  }

  step(point: Float64Array, oracle: Oracle): number {
    const n = this.dimension;
    const { proposals, accepted } = this;
    accepted.fill(0);
    const values = this.inspecting ? new Float64Array(this.samples) : null;
    const previousBest = this.inspecting ? this.best.slice() : null;
    const previousBestValue = this.bestValue;
    for (let s = 0; s < this.samples; s++) {
      const candidate = proposals.subarray(s * n, (s + 1) * n);
      for (let i = 0; i < n; i++) {
        const [low, high] = this.ranges[i];
        candidate[i] = this.local ? this.best[i] + this.sigma * this.random.nextGaussian() : low + (high - low) * this.random.nextFloat();
      }
      const value = oracle.value(candidate);
      if (values !== null) values[s] = value;
      // strictly better: NaN never wins, and ties keep the incumbent (the path does not wander on plateaus)
      if (value < this.bestValue || Number.isNaN(this.bestValue)) {
        this.best.set(candidate);
        this.bestValue = value;
        accepted[s] = 1;
      }
    }
    this.stepped = true;
    if (values !== null && previousBest !== null) this.latest = { samples: proposals.slice(), values, accepted: accepted.slice(), previousBest, previousBestValue };
    point.set(this.best);
    return this.bestValue;
  }

  inspect(): MethodInspection {
    return randomSearchInspection(this.best, this.bestValue, { local: this.local, sigma: this.sigma, ranges: this.ranges }, this.latest);
  }

  snapshot(): MethodSnapshot | null {
    if (!this.stepped) return null;
    return { proposals: this.proposals.slice(), accepted: this.accepted.slice() };
  }
}
