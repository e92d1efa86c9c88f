import type { MethodInspection, NarratedSubstep, StateQuantity } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { matrixQuantity, numberQuantity, stepEvaluationsQuantity, timesInWords, vectorQuantity } from '../gradient-free/state-quantities';

// A zeroth-order step for the inspector: the perturbation, the two probes f(x ± cΔ), the estimate
// built from their difference, and the update, with the numbers. Shared by SPSA (Rademacher Δ, one
// pair) and the Gaussian estimate of zo_sgd, zo_sign_sgd and zo_adam (q pairs along z ~ N(0, I)).

/** One estimate as the method made it, recorded on the inspector's replay only. */
export interface ProbedEstimate {
  /** 'spsa': ĝᵢ = d/Δᵢ with Δᵢ = ±1; 'gaussian': ĝ = (1/q) Σ d_j z_j. */
  readonly kind: 'spsa' | 'gaussian';
  /** x before the step. */
  readonly previous: Float64Array;
  /** c (SPSA's c_k, MeZO's ε, ZO-AdaMM's μ). */
  readonly perturbation: number;
  /** The pairs x + cΔ_j, x − cΔ_j in order (2q × n), and f at each. */
  readonly probes: Float64Array;
  readonly probeValues: Float64Array;
  /** The perturbation of the first pair, Δ (SPSA) or z_1, as drawn. */
  readonly direction: Float64Array;
  /** ĝ before clipping, and as the update used it. */
  readonly rawEstimate: Float64Array;
  readonly estimate: Float64Array;
  readonly learningRate: number;
}

/** The update's own part of an inspection: its quantities (Adam's moments) and its sentence. */
export interface UpdateStory {
  readonly state: readonly StateQuantity[];
  readonly narration: readonly NarratedSubstep[];
}

/** The inspection after start() (`estimate` null) or after a step; `update` tells the method's update rule. */
export function probedInspection(dimension: number, estimate: ProbedEstimate | null, update: UpdateStory | null): MethodInspection {
  if (estimate === null) return { state: [stepEvaluationsQuantity(1)], narration: [] };
  const pairs = estimate.probeValues.length / 2;
  const state: StateQuantity[] = [
    vectorQuantity('probeDirection', 'unit direction of the first probe pair', '\\Delta / \\lVert \\Delta \\rVert', unit(estimate.direction)),
    numberQuantity('perturbation', 'perturbation size c: the probes are x ± cΔ', 'c', estimate.perturbation),
    vectorQuantity('gradientEstimate', 'gradient estimate from the probes (as the update used it)', '\\hat g', estimate.estimate),
    numberQuantity('learningRate', 'learning rate (step gain) of this step', '\\gamma', estimate.learningRate),
    matrixQuantity('probes', 'probe points x + cΔ, x − cΔ of each pair', 'x \\pm c\\Delta', estimate.probes, 2 * pairs, dimension),
    vectorQuantity('probeValues', 'f at each probe point', 'f(x \\pm c\\Delta)', estimate.probeValues),
    ...(update?.state ?? []),
    stepEvaluationsQuantity(2 * pairs + 1),
  ];
  return { state, narration: [...narrateEstimate(estimate, dimension), ...(update?.narration ?? []), evaluationsSentence(pairs)] };
}

function narrateEstimate(estimate: ProbedEstimate, n: number): NarratedSubstep[] {
  const { perturbation: c, probes, probeValues, direction, previous } = estimate;
  const pairs = probeValues.length / 2;
  const [plus, minus] = [probes.subarray(0, n), probes.subarray(n, 2 * n)];
  const [fPlus, fMinus] = [probeValues[0], probeValues[1]];
  const slope = (fPlus - fMinus) / (2 * c);
  const spsa = estimate.kind === 'spsa';
  const symbol = spsa ? '\\Delta' : 'z';
  const steps: NarratedSubstep[] = [
    spsa
      ? {
          sentence: `Drew the perturbation Δ = ${words(direction)}, each coordinate ±1 at random, and the perturbation size c = ${word(c)}.`,
          rule: `\\Delta_i = \\pm 1,\\ \\Delta = ${vec(direction)},\\ c_k = ${num(c)}`,
        }
      : {
          sentence: `Drew ${pairs === 1 ? 'a random direction' : `${pairs} random directions, the first`} z = ${words(direction)} from N(0, I), with the perturbation size ${word(c)}.`,
          rule: `z \\sim \\mathcal{N}(0, I),\\ z_1 = ${vec(direction)},\\ c = ${num(c)}`,
        },
    {
      sentence: `Probed f on both sides of ${words(previous)}: f = ${word(fPlus)} at ${words(plus)} and f = ${word(fMinus)} at ${words(minus)}${pairs > 1 ? `, and likewise along the other ${pairs - 1} directions` : ''}.`,
      rule: `f(x + c${symbol}) = ${num(fPlus)},\\ f(x - c${symbol}) = ${num(fMinus)}`,
    },
  ];
  const clipped = estimate.rawEstimate.some((value, i) => value !== estimate.estimate[i]);
  const clipNote = clipped ? `, clipped to ${words(estimate.estimate)}` : '';
  if (spsa) {
    steps.push({
      sentence: `Their difference over 2c is ${word(slope)}; divided by each Δᵢ it is the gradient estimate ĝ = ${words(estimate.rawEstimate)}${clipNote}.`,
      rule: `\\hat g_i = \\frac{f(x + c\\Delta) - f(x - c\\Delta)}{2 c \\Delta_i} = \\frac{${num(fPlus)} - ${num(fMinus)}}{2 \\cdot ${num(c)}\\, \\Delta_i} = ${vec(estimate.rawEstimate)}`,
    });
  } else {
    steps.push({
      sentence: `Their difference over 2c, ${word(slope)}, is the slope along z; times z${pairs > 1 ? `, averaged over the ${pairs} directions,` : ''} it is the gradient estimate ĝ = ${words(estimate.rawEstimate)}${clipNote}.`,
      rule: `\\hat g = ${pairs > 1 ? `\\tfrac{1}{${pairs}}\\textstyle\\sum_j ` : ''}\\frac{f(x + cz) - f(x - cz)}{2c}\\, z = ${pairs > 1 ? '' : `\\frac{${num(fPlus)} - ${num(fMinus)}}{2 \\cdot ${num(c)}}\\, ${vec(direction)} = `}${vec(estimate.rawEstimate)}`,
    });
  }
  return steps;
}

function evaluationsSentence(pairs: number): NarratedSubstep {
  return {
    sentence: `This step evaluated f ${timesInWords(2 * pairs + 1)}: ${2 * pairs} probes and the new point; no gradient.`,
    rule: `\\#f = 2q + 1 = ${2 * pairs + 1}`,
  };
}

/** x ← x − γ·u in words and LaTeX: u is ĝ (zo_sgd, SPSA) or sign(ĝ) (zo_sign_sgd). */
export function descentSubstep(previous: Float64Array, direction: Float64Array, learningRate: number, point: Float64Array, what: string, symbol: string): NarratedSubstep {
  return {
    sentence: `Stepped against ${what} ${words(direction)} with learning rate ${word(learningRate)}: from ${words(previous)} to ${words(point)}.`,
    rule: `x \\leftarrow x - \\gamma\\, ${symbol} = ${vec(previous)} - ${num(learningRate)}\\, ${vec(direction)} = ${vec(point)}`,
  };
}

function unit(vector: Float64Array): Float64Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return norm > 0 ? vector.map((value) => value / norm) : vector.slice();
}
