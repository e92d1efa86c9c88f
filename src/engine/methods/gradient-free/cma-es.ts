import type { Oracle } from '../../oracle';
import { Random } from '../../random';
import { numberHyper } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import type { MethodContext, MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { MethodInspection } from '../inspection';
import type { MethodSnapshot } from '../snapshot';
import { cmaConstants } from './cma-constants';
import { cmaInspection, type CmaGeneration } from './cma-es-narration';
import { CmaEvolution } from './cma-evolution';
import { distributionSnapshot } from './distribution-snapshot';

// The (μ/μ_W, λ)-CMA-ES of Hansen's tutorial (arXiv:1604.00772, 2016) as a method: each generation
// samples λ candidates from N(m, σ²C), moves the mean to the weighted average of the best μ, adapts σ
// by cumulative step-size adaptation and C by the rank-one and rank-μ updates (cma-evolution.ts; the
// constants of the tutorial's Table 1 in cma-constants.ts).
//
// One playground step is one generation. The trajectory point is the mean m, and the runner needs
// f(m): the mean is evaluated once per generation and counted, so a generation costs λ + 1 evaluations
// (the library's ask/tell loop evaluates only the λ candidates; cma-es.test.ts compares both counts).

/** CMA-ES after Hansen's tutorial: one generation of λ samples per step; the point is the mean. */
export const cmaEsSpec: MethodSpec = {
  id: 'cma_es',
  name: 'CMA-ES',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`x_k = m + \sigma y_k,\ y_k \sim \mathcal{N}(0, C);\quad m \leftarrow m + \sigma \textstyle\sum_{i=1}^{\mu} w_i y_{i:\lambda};\quad \sigma \leftarrow \sigma\, e^{\frac{c_\sigma}{d_\sigma}\left(\frac{\lVert p_\sigma \rVert}{E\lVert \mathcal{N}(0,I) \rVert} - 1\right)};\quad C \leftarrow (1 - c_1 - c_\mu \textstyle\sum w_j)\, C + c_1 p_c p_c^\top + c_\mu \textstyle\sum_{i=1}^{\lambda} w_i^\circ y_{i:\lambda} y_{i:\lambda}^\top`,
  hyperSpecs: [
    { kind: 'number', name: 'sigma', defaultValue: 0.5, min: 0, max: 100, exclusiveMin: true, log: true, description: 'σ0, the initial step size (about a quarter of the region the minimum may be in)' },
    {
      kind: 'number',
      name: 'population_size',
      defaultValue: 0,
      min: 0,
      max: 1000,
      integer: true,
      description: 'λ, candidates per generation; 0 for the default 4 + ⌊3 ln n⌋ (6 in 2-D)',
    },
    { kind: 'number', name: 'tolx', defaultValue: 1e-11, min: 0, max: 1, log: true, description: 'stop when σ·√C_ii and σ·|p_c,i| are below tolx in every coordinate (0: never)' },
  ],
  validate: (hyper: HyperValues) => (hyper.population_size === 1 ? 'population_size must be 0 (the default) or at least 2' : null),
};

/** cma_es: its spec and its implementation (what runs in the workers and the CLI). */
export const cmaEs: MethodDefinition = {
  ...cmaEsSpec,
  create: (hyper, context) => new CmaEs(numberHyper(hyper, 'sigma'), numberHyper(hyper, 'population_size'), numberHyper(hyper, 'tolx'), context),
};

class CmaEs implements MethodInstance {
  private readonly random: Random;
  private readonly evolution: CmaEvolution;
  private population: Float64Array | null = null;
  private readonly inspecting: boolean;
  /** The latest generation as the inspector tells it (kept on its replay only). */
  private generation: CmaGeneration | null = null;

  constructor(
    sigma: number,
    populationSize: number,
    private readonly tolx: number,
    context: MethodContext,
  ) {
    const n = context.dimension;
    this.random = new Random(context.seed);
    this.inspecting = context.inspecting === true;
    const constants = populationSize === 0 ? cmaConstants(n) : cmaConstants(n, populationSize);
    this.evolution = new CmaEvolution(constants, new Float64Array(n), sigma);
  }

  start(point: Float64Array, oracle: Oracle): number {
    this.evolution.mean.set(point);
    return oracle.value(point);
  }

  step(point: Float64Array, oracle: Oracle): number {
    const { evolution } = this;
    const n = evolution.constants.dimension;
    const lambda = evolution.constants.populationSize;
    const population = evolution.samplePopulation(this.random);
    const values = new Float64Array(lambda);
    for (let k = 0; k < lambda; k++) values[k] = oracle.value(population.subarray(k * n, (k + 1) * n));
    const report = evolution.tell(population, values, this.inspecting);
    this.population = population;
    point.set(evolution.mean);
    // the trajectory point is the mean: its f is one more evaluation, counted like any other
    const value = oracle.value(point);
    if (report !== null) this.generation = { population, values, report, evaluations: lambda + 1 };
    return value;
  }

  inspect(): MethodInspection {
    return cmaInspection(this.evolution, this.generation);
  }

  stoppingTest(): string | null {
    if (this.tolx <= 0) return null;
    const { sigma, covariance, covariancePath, constants } = this.evolution;
    const n = constants.dimension;
    for (let i = 0; i < n; i++) {
      // pycma's tolx: the sampling spread and the covariance path, coordinate by coordinate
      if (!(sigma * Math.sqrt(covariance[i * n + i]) < this.tolx)) return null;
      if (!(sigma * Math.abs(covariancePath[i]) < this.tolx)) return null;
    }
    return 'σ·√C_ii < tolx and σ·|p_c,i| < tolx';
  }

  snapshot(): MethodSnapshot | null {
    const { mean, sigma, covariance } = this.evolution;
    const distribution = distributionSnapshot(mean, sigma, covariance);
    if (distribution === undefined && this.population === null) return null;
    return {
      ...(distribution && { distribution }),
      // a fresh array each generation, never written again: no copy needed
      ...(this.population !== null && { population: this.population }),
    };
  }
}
