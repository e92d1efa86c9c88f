import type { Oracle } from '../../oracle';
import { power } from '../../power';
import { Random } from '../../random';
import { choiceHyper, numberHyper } from '../first-order/hyper';
import type { MethodContext, MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { MethodInspection } from '../inspection';
import type { MethodSnapshot } from '../snapshot';
import { annealingInspection, type AnnealingStep } from './simulated-annealing-narration';

// Simulated annealing (Kirkpatrick, Gelatt & Vecchi 1983) with Gaussian proposals: from the current
// state x propose x' = x + σz, z ~ N(0, I), and move there with Metropolis et al.'s (1953) probability
// min(1, exp(−Δ/T_k)), Δ = f(x') − f(x). Early on (T large) uphill moves are taken often and the path
// can leave a basin; as T falls the search becomes a greedy descent. The iterate is the current state,
// not the best point seen (the oracle's best_loss holds that).

/** The cooling schedules: T_k at step k = 0, 1, … */
export type Cooling = 'exponential' | 'logarithmic' | 'linear';

/**
 * The temperature at step k (counting from 0, so T_0 = T0 in every schedule):
 * - exponential (geometric, Kirkpatrick et al. 1983): T_k = T0·αᵏ;
 * - logarithmic (Geman & Geman 1984's T = c / ln(1 + t), with t = k + 1 and c = T0·ln 2 so that it
 *   starts at T0): T_k = T0·ln 2 / ln(k + 2), the slow schedule under which annealing provably finds the
 *   global minimum (for c large enough);
 * - linear: T_k = T0·max(0, 1 − k/K) for K = cooling_steps; from step K on T = 0, at which only
 *   non-increasing moves (Δ ≤ 0) are accepted: a greedy descent, the zero-temperature limit of Metropolis.
 */
export function annealingTemperature(cooling: Cooling, initialTemperature: number, k: number, alpha: number, coolingSteps: number): number {
  switch (cooling) {
    case 'exponential':
      return initialTemperature * power(alpha, k);
    case 'logarithmic':
      return (initialTemperature * Math.LN2) / Math.log(k + 2);
    case 'linear':
      return initialTemperature * Math.max(0, 1 - k / coolingSteps);
  }
}

/** Simulated annealing: Gaussian proposals accepted by the Metropolis rule at a falling temperature. */
export const simulatedAnnealingSpec: MethodSpec = {
  id: 'simulated_annealing',
  name: 'Simulated annealing',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`x' = x + \sigma z,\ z \sim \mathcal{N}(0, I);\quad x \leftarrow x' \text{ with probability } \min\!\left(1, e^{-(f(x') - f(x))/T_k}\right)`,
  hyperSpecs: [
    { kind: 'number', name: 'sigma', defaultValue: 0.25, min: 0, max: 100, exclusiveMin: true, log: true, description: 'σ of the Gaussian proposals x\' = x + σz' },
    { kind: 'number', name: 'initial_temperature', defaultValue: 1, min: 0, max: 1e4, exclusiveMin: true, log: true, description: 'T0, the temperature at the first step (in units of f)' },
    {
      kind: 'choice',
      name: 'cooling',
      defaultValue: 'exponential',
      options: ['exponential', 'logarithmic', 'linear'],
      description: 'exponential T0·αᵏ; logarithmic T0·ln 2 / ln(k + 2); linear T0·max(0, 1 − k/cooling_steps), greedy afterwards',
    },
    { kind: 'number', name: 'alpha', defaultValue: 0.99, min: 0, max: 1, exclusiveMin: true, description: 'α, the exponential schedule\'s factor per step' },
    { kind: 'number', name: 'cooling_steps', defaultValue: 1000, min: 1, max: 1e7, integer: true, log: true, description: 'K, the steps the linear schedule takes to reach T = 0' },
  ],
};

/** simulated_annealing: its spec and its implementation (what runs in the workers and the CLI). */
export const simulatedAnnealing: MethodDefinition = {
  ...simulatedAnnealingSpec,
  create: (hyper, context) =>
    new SimulatedAnnealing(
      numberHyper(hyper, 'sigma'),
      numberHyper(hyper, 'initial_temperature'),
      choiceHyper(hyper, 'cooling') as Cooling,
      numberHyper(hyper, 'alpha'),
      numberHyper(hyper, 'cooling_steps'),
      context,
    ),
};

class SimulatedAnnealing implements MethodInstance {
  private readonly random: Random;
  private readonly dimension: number;
  private currentValue = NaN;
  private temperature: number;
  // the latest proposal, reused from step to step (lean batch runs never ask for a snapshot)
  private readonly proposal: Float64Array;
  private stepped = false;
  private accepted = false;
  private readonly inspecting: boolean;
  /** The latest step as the inspector tells it (kept on its replay only). */
  private latest: AnnealingStep | null = null;

  constructor(
    private readonly sigma: number,
    private readonly initialTemperature: number,
    private readonly cooling: Cooling,
    private readonly alpha: number,
    private readonly coolingSteps: number,
    context: MethodContext,
  ) {
    this.random = new Random(context.seed);
    this.dimension = context.dimension;
    this.temperature = initialTemperature;
    this.proposal = new Float64Array(context.dimension);
    this.inspecting = context.inspecting === true;
  }

  start(point: Float64Array, oracle: Oracle): number {
    this.currentValue = oracle.value(point);
    return this.currentValue;
  }

  step(point: Float64Array, oracle: Oracle, step: number): number {
    const temperature = annealingTemperature(this.cooling, this.initialTemperature, step, this.alpha, this.coolingSteps);
    const { proposal } = this;
    for (let i = 0; i < this.dimension; i++) proposal[i] = point[i] + this.sigma * this.random.nextGaussian();
    const value = oracle.value(proposal);
    const increase = value - this.currentValue;
    const previous = this.inspecting ? point.slice() : null;
    const previousValue = this.currentValue;
    // Metropolis: downhill (and level) moves always; uphill with probability exp(−Δ/T), never at T = 0.
    // A NaN f fails both comparisons and is rejected.
    let accepted = increase <= 0;
    let draw = NaN;
    if (!accepted && temperature > 0 && increase > 0) {
      draw = this.random.nextFloat();
      accepted = draw < Math.exp(-increase / temperature);
    }
    if (previous !== null) {
      this.latest = {
        step,
        temperature,
        nextTemperature: annealingTemperature(this.cooling, this.initialTemperature, step + 1, this.alpha, this.coolingSteps),
        previous,
        previousValue,
        proposal: proposal.slice(),
        proposalValue: value,
        acceptanceProbability: increase <= 0 ? 1 : temperature > 0 && increase > 0 ? Math.exp(-increase / temperature) : 0,
        draw,
        accepted,
      };
    }
    if (accepted) {
      point.set(proposal);
      this.currentValue = value;
    }
    this.temperature = temperature;
    this.stepped = true;
    this.accepted = accepted;
    return this.currentValue;
  }

  inspect(): MethodInspection {
    const { sigma, initialTemperature, cooling, alpha, coolingSteps } = this;
    return annealingInspection({ sigma, initialTemperature, cooling, alpha, coolingSteps }, this.temperature, this.latest);
  }

  snapshot(): MethodSnapshot | null {
    if (!this.stepped) return { temperature: this.temperature };
    return { proposals: this.proposal.slice(), accepted: Uint8Array.of(this.accepted ? 1 : 0), temperature: this.temperature };
  }
}
