import { DIVERGENCE_BOUND } from '../../divergence';
import { power } from '../../power';
import { Random } from '../../random';
import { numberHyper } from '../first-order/hyper';
import type { MethodInspection } from '../inspection';
import type { MethodDefinition, MethodSpec } from '../method';
import { latexNumber, narratedNumber } from '../narration-format';
import { descentSubstep, probedInspection, type ProbedEstimate } from './estimate-narration';

// Simultaneous perturbation stochastic approximation (Spall 1992; Spall 1998, "Implementation of the
// simultaneous perturbation algorithm for stochastic optimization", IEEE TAES 34(3)). At step k
// (from 0), with gains
//   a_k = a / (k + 1 + A)^alpha,   c_k = c / (k + 1)^gamma,
// and a Rademacher perturbation Δ (each Δᵢ = ±1 with probability ½, from the method's seed):
//   ĝᵢ = (f(x + c_kΔ) − f(x − c_kΔ)) / (2 c_k Δᵢ),   x ← x − a_k ĝ.
// Spall's recommended exponents alpha = 0.602, gamma = 0.101 (the asymptotically optimal 1 and 1/6
// decay too fast in practice); A, the stability constant, is about 10% of the iterations expected,
// which a playground does not know: 10 by default (about 100 steps). Cost per step: the 2 probes of
// the estimate and 1 more at the new point for the trajectory's f (3 per step, 1 at the start).
// The schedule and clipping of the run settings do not apply: the gains are SPSA's own.

/** a_k = a / (k + 1 + A)^alpha: SPSA's step gain at step k (from 0). */
export function spsaStepGain(a: number, stabilityConstant: number, alpha: number, step: number): number {
  return a / power(step + 1 + stabilityConstant, alpha);
}

/** c_k = c / (k + 1)^gamma: SPSA's perturbation gain at step k (from 0). */
export function spsaPerturbationGain(c: number, gamma: number, step: number): number {
  return c / power(step + 1, gamma);
}

/** Spall's SPSA with his gain sequences and a Rademacher perturbation. */
export const spsaSpec: MethodSpec = {
  id: 'spsa',
  name: 'SPSA',
  family: 'zeroth-order',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`\hat g_i = \frac{f(x + c_k\Delta) - f(x - c_k\Delta)}{2 c_k \Delta_i},\quad x \leftarrow x - a_k \hat g,\quad a_k = \frac{a}{(k + 1 + A)^{\alpha}},\ c_k = \frac{c}{(k+1)^{\gamma}},\ \Delta_i = \pm 1`,
  hyperSpecs: [
    { kind: 'number', name: 'a', defaultValue: 0.1, min: 0, max: 1000, exclusiveMin: true, log: true, description: 'step gain a in a_k = a / (k + 1 + A)^alpha' },
    { kind: 'number', name: 'c', defaultValue: 0.01, min: 0, max: 100, exclusiveMin: true, log: true, description: 'perturbation gain c in c_k = c / (k + 1)^gamma' },
    { kind: 'number', name: 'A', defaultValue: 10, min: 0, max: 1e6, description: 'stability constant A (about 10% of the iterations expected)' },
    { kind: 'number', name: 'alpha', defaultValue: 0.602, min: 0, max: 2, description: 'decay exponent of a_k (Spall: 0.602)' },
    { kind: 'number', name: 'gamma', defaultValue: 0.101, min: 0, max: 2, description: 'decay exponent of c_k (Spall: 0.101)' },
  ],
};

/** spsa: its spec and its implementation (what runs in the workers and the CLI). */
export const spsa: MethodDefinition = {
  ...spsaSpec,
  create(hyper, context) {
    const { dimension } = context;
    const a = numberHyper(hyper, 'a');
    const c = numberHyper(hyper, 'c');
    const stabilityConstant = numberHyper(hyper, 'A');
    const alpha = numberHyper(hyper, 'alpha');
    const gamma = numberHyper(hyper, 'gamma');
    const random = new Random(context.seed);
    const perturbation = new Float64Array(dimension);
    // x + c_kΔ, then x − c_kΔ: the latest probe pair, for the map
    const probes = new Float64Array(2 * dimension);
    const plus = probes.subarray(0, dimension);
    const minus = probes.subarray(dimension);
    let probed = false;
    const inspecting = context.inspecting === true;
    let latest: { estimate: ProbedEstimate; stepGain: number; step: number; point: Float64Array } | null = null;
    return {
      start: (point, oracle) => oracle.value(point),
      step(point, oracle, step) {
        const perturbationGain = spsaPerturbationGain(c, gamma, step);
        const stepGain = spsaStepGain(a, stabilityConstant, alpha, step);
        for (let i = 0; i < dimension; i++) {
          // Rademacher: the top bit of a uint32
          perturbation[i] = random.nextUint32() >>> 31 === 1 ? 1 : -1;
          plus[i] = point[i] + perturbationGain * perturbation[i];
          minus[i] = point[i] - perturbationGain * perturbation[i];
        }
        const plusValue = oracle.value(plus);
        const minusValue = oracle.value(minus);
        const difference = (plusValue - minusValue) / (2 * perturbationGain);
        const previous = inspecting ? point.slice() : null;
        // Δᵢ = ±1, so dividing by Δᵢ is multiplying by it
        for (let i = 0; i < dimension; i++) point[i] -= stepGain * difference * perturbation[i];
        probed = true;
        if (previous !== null) {
          const estimate = perturbation.map((delta) => difference * delta);
          latest = {
            estimate: { kind: 'spsa', previous, perturbation: perturbationGain, probes: probes.slice(), probeValues: Float64Array.of(plusValue, minusValue), direction: perturbation.slice(), rawEstimate: estimate, estimate, learningRate: stepGain },
            stepGain,
            step,
            point: point.slice(),
          };
        }
        for (let i = 0; i < dimension; i++) if (!(Math.abs(point[i]) <= DIVERGENCE_BOUND)) return NaN;
        return oracle.value(point);
      },
      inspect(): MethodInspection {
        if (latest === null) return probedInspection(dimension, null, null);
        const { estimate, step, point } = latest;
        const k = step;
        const gains = {
          sentence: `SPSA's gains at step ${k}: the step gain a_k = ${narratedNumber(latest.stepGain)} and the perturbation size c_k = ${narratedNumber(estimate.perturbation)} (both decay with k).`,
          rule: `a_{${k}} = \\frac{a}{(k + 1 + A)^{\\alpha}} = \\frac{${latexNumber(a)}}{(${k + 1} + ${latexNumber(stabilityConstant)})^{${latexNumber(alpha)}}} = ${latexNumber(latest.stepGain)},\\ c_{${k}} = \\frac{c}{(k + 1)^{\\gamma}} = \\frac{${latexNumber(c)}}{${k + 1}^{${latexNumber(gamma)}}} = ${latexNumber(estimate.perturbation)}`,
        };
        return probedInspection(dimension, estimate, { state: [], narration: [gains, descentSubstep(estimate.previous, estimate.estimate, latest.stepGain, point, 'the estimate', '\\hat g')] });
      },
      snapshot() {
        if (!probed) return null;
        const norm = Math.sqrt(dimension);
        return { probes: probes.slice(), direction: perturbation.map((value) => value / norm) };
      },
    };
  },
};
