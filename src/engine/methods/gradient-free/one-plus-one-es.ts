import type { Oracle } from '../../oracle';
import { Random } from '../../random';
import { numberHyper } from '../first-order/hyper';
import type { MethodContext, MethodDefinition, MethodSpec, MethodInstance } from '../method';
import type { MethodInspection } from '../inspection';
import type { MethodSnapshot } from '../snapshot';
import { distributionSnapshot } from './distribution-snapshot';
import { onePlusOneInspection, type OffspringStep } from './one-plus-one-es-narration';

// The (1+1) evolution strategy with the 1/5th success rule (Rechenberg 1973): one parent x, one
// offspring x' = x + σz per step, z ~ N(0, I); the offspring replaces the parent when it is no worse.
// σ is adapted so that about one offspring in five succeeds, the success rate that Rechenberg found to
// maximise progress on the sphere and the corridor. The rule in the form of Kern, Müller, Hansen, Büche,
// Ocenasek & Koumoutsakos (2004), "Learning probability distributions in continuous evolutionary
// algorithms – a comparative review", Natural Computing 3, and of Auger & Hansen's CMA-ES tutorials:
//   success: σ ← σ·exp(1/3);   failure: σ ← σ·exp(−1/3)^(1/4) = σ·exp(−1/12).
// log σ is stationary when p_s·(1/3) = (1 − p_s)·(1/12), i.e. at the success rate p_s = 1/5.

/** log σ's change after a success (σ grows by e^(1/3) ≈ 1.40). */
export const SUCCESS_LOG_FACTOR = 1 / 3;
/** log σ's change after a failure, −1/4 of the success's: σ shrinks by e^(−1/12) ≈ 0.92. */
export const FAILURE_LOG_FACTOR = -1 / 12;

/** The (1+1)-ES: one Gaussian offspring per step, kept when no worse; σ by the 1/5th success rule. */
export const onePlusOneEsSpec: MethodSpec = {
  id: 'one_plus_one_es',
  name: '(1+1)-ES',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`x' = x + \sigma z,\ z \sim \mathcal{N}(0, I);\quad \text{if } f(x') \le f(x):\ x \leftarrow x',\ \sigma \leftarrow \sigma e^{1/3};\ \text{else } \sigma \leftarrow \sigma e^{-1/12}`,
  hyperSpecs: [{ kind: 'number', name: 'sigma', defaultValue: 0.5, min: 0, max: 100, exclusiveMin: true, log: true, description: 'σ0, the initial step size (then adapted by the 1/5th success rule)' }],
};

/** one_plus_one_es: its spec and its implementation (what runs in the workers and the CLI). */
export const onePlusOneEs: MethodDefinition = {
  ...onePlusOneEsSpec,
  create: (hyper, context) => new OnePlusOneEs(numberHyper(hyper, 'sigma'), context),
};

class OnePlusOneEs implements MethodInstance {
  private readonly random: Random;
  private readonly dimension: number;
  private sigma: number;
  private parentValue = NaN;
  private readonly parent: Float64Array;
  // the latest offspring, reused from step to step (lean batch runs never ask for a snapshot)
  private readonly offspring: Float64Array;
  private stepped = false;
  private accepted = false;
  private readonly inspecting: boolean;
  /** The latest step as the inspector tells it (kept on its replay only). */
  private latest: OffspringStep | null = null;

  constructor(initialSigma: number, context: MethodContext) {
    this.random = new Random(context.seed);
    this.inspecting = context.inspecting === true;
    this.dimension = context.dimension;
    this.sigma = initialSigma;
    this.parent = new Float64Array(context.dimension);
    this.offspring = new Float64Array(context.dimension);
  }

  start(point: Float64Array, oracle: Oracle): number {
    this.parent.set(point);
    this.parentValue = oracle.value(point);
    return this.parentValue;
  }

  step(point: Float64Array, oracle: Oracle): number {
    const { offspring } = this;
    for (let i = 0; i < this.dimension; i++) offspring[i] = point[i] + this.sigma * this.random.nextGaussian();
    const value = oracle.value(offspring);
    // "no worse" (≤): on a plateau the parent moves on instead of shrinking σ to nothing; NaN fails
    const success = value <= this.parentValue || Number.isNaN(this.parentValue);
    if (this.inspecting) {
      this.latest = { parent: point.slice(), parentValue: this.parentValue, offspring: offspring.slice(), offspringValue: value, success, previousSigma: this.sigma, logFactor: success ? SUCCESS_LOG_FACTOR : FAILURE_LOG_FACTOR };
    }
    if (success) {
      point.set(offspring);
      this.parentValue = value;
    }
    this.sigma *= Math.exp(success ? SUCCESS_LOG_FACTOR : FAILURE_LOG_FACTOR);
    this.parent.set(point);
    this.stepped = true;
    this.accepted = success;
    return this.parentValue;
  }

  inspect(): MethodInspection {
    return onePlusOneInspection(this.parent, this.parentValue, this.sigma, this.latest);
  }

  snapshot(): MethodSnapshot | null {
    // the distribution the next offspring is drawn from, N(x, σ²I), after this step's offspring
    const distribution = distributionSnapshot(this.parent, this.sigma, null);
    if (!this.stepped) return distribution === undefined ? null : { distribution };
    return { ...(distribution && { distribution }), proposals: this.offspring.slice(), accepted: Uint8Array.of(this.accepted ? 1 : 0) };
  }
}
