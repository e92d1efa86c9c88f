import type { MethodInspection, NarratedSubstep, StateQuantity } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import type { CmaEvolution, CmaGenerationReport } from './cma-evolution';
import { matrixQuantity, numberQuantity, stepEvaluationsQuantity, timesInWords, vectorQuantity } from './state-quantities';

// CMA-ES's generation for the inspector: the distribution N(m, σ²C) and both evolution paths after it,
// the generation it sampled, and the update told in the tutorial's order: sample λ, rank, move the
// mean, the step-size path, σ, then the covariance path and C.

/** One generation as the method saw it: its candidates (λ × n), their f, what tell() computed, and the evaluations it cost. */
export interface CmaGeneration {
  readonly population: Float64Array;
  readonly values: Float64Array;
  readonly report: CmaGenerationReport;
  readonly evaluations: number;
}

/** The inspection after a generation (or after the start, `generation` null: the initial distribution). */
export function cmaInspection(evolution: CmaEvolution, generation: CmaGeneration | null, startEvaluations = 1): MethodInspection {
  const n = evolution.constants.dimension;
  const state: StateQuantity[] = [
    vectorQuantity('mean', 'mean m of the search distribution (the trajectory point)', 'm', evolution.mean),
    numberQuantity('sigma', 'step size σ', '\\sigma', evolution.sigma),
    matrixQuantity('covariance', 'covariance matrix C (the shape of the search ellipse)', 'C', evolution.covariance, n, n),
    vectorQuantity('evolutionPathSigma', 'step-size evolution path p_σ (adapts σ)', 'p_\\sigma', evolution.stepSizePath),
    vectorQuantity('evolutionPathCovariance', 'covariance evolution path p_c (the rank-one update)', 'p_c', evolution.covariancePath),
  ];
  if (generation !== null) {
    const { population, values, report } = generation;
    const lambda = values.length;
    const best = report.order[0];
    state.push(
      matrixQuantity('population', 'the λ candidates sampled this generation', 'x_k', population, lambda, n),
      vectorQuantity('populationValues', 'f at each candidate', 'f(x_k)', values),
      vectorQuantity('best', 'best candidate of this generation', 'x_{1:\\lambda}', population.subarray(best * n, (best + 1) * n)),
      numberQuantity('bestValue', 'f at the best candidate', 'f(x_{1:\\lambda})', values[best]),
    );
  }
  state.push(stepEvaluationsQuantity(generation === null ? startEvaluations : generation.evaluations));
  return { state, narration: generation === null ? [] : narrate(evolution, generation) };
}

function narrate(evolution: CmaEvolution, generation: CmaGeneration): NarratedSubstep[] {
  const { constants, mean, sigma, covariance, stepSizePath, covariancePath } = evolution;
  const { population, values, report, evaluations } = generation;
  const n = constants.dimension;
  const lambda = values.length;
  const mu = constants.parentCount;
  const ranked = report.order.map((k) => values[k]);
  const best = report.order[0];
  const { stepSizeLearningRate: cSigma, stepSizeDamping: dSigma, expectedNormalNorm: chiN, covariancePathLearningRate: cc, rankOneLearningRate: c1, rankMuLearningRate: cMu } = constants;
  const weights = Array.from(constants.weights.subarray(0, mu));
  const ratio = report.stepSizePathNorm / chiN;
  return [
    {
      sentence: `Sampled λ = ${lambda} candidates x = m + σy, y ~ N(0, C), around the mean ${words(report.previousMean)} with σ = ${word(report.previousSigma)}; their f ranges from ${word(ranked[0])} to ${word(ranked[lambda - 1])}.`,
      rule: `x_k = m + \\sigma y_k = ${vec(report.previousMean)} + ${num(report.previousSigma)}\\, y_k,\\ y_k \\sim \\mathcal{N}(0, C),\\ k = 1, \\dots, ${lambda}`,
    },
    {
      sentence: `Ranked by f, the best candidate is ${words(population.subarray(best * n, (best + 1) * n))} with f = ${word(values[best])}; the best μ = ${mu} get the weights ${words(weights)}.`,
      rule: `f(x_{1:\\lambda}) = ${num(ranked[0])} \\le f(x_{2:\\lambda}) = ${num(ranked[1])} \\le \\dots \\le f(x_{${lambda}:\\lambda}) = ${num(ranked[lambda - 1])},\\ w = ${vec(weights)}`,
    },
    {
      sentence: `The mean moves by σ times the weighted average of their steps, y_w = ${words(report.weightedStep)}, from ${words(report.previousMean)} to ${words(mean)}.`,
      rule: `m \\leftarrow m + \\sigma y_w = ${vec(report.previousMean)} + ${num(report.previousSigma)}\\, ${vec(report.weightedStep)} = ${vec(mean)}`,
    },
    {
      sentence: `The step-size path decays by 1 − c_σ = ${word(1 - cSigma)} and adds the whitened step C^(−1/2) y_w: p_σ = ${words(stepSizePath)}, of length ${word(report.stepSizePathNorm)} against ${word(chiN)} expected of random steps.`,
      rule: `p_\\sigma \\leftarrow ${num(1 - cSigma)}\\, p_\\sigma + ${num(Math.sqrt(cSigma * (2 - cSigma) * constants.effectiveMass))}\\, C^{-1/2} y_w = ${vec(stepSizePath)},\\ \\lVert p_\\sigma \\rVert = ${num(report.stepSizePathNorm)}`,
    },
    {
      sentence: `The path is ${ratio > 1 ? 'longer' : 'shorter'} than expected (${ratio > 1 ? 'successive steps point the same way, so longer ones would get there sooner' : 'successive steps cancel out, so shorter ones are wanted'}), so σ ${report.sigmaFactor >= 1 ? 'grows' : 'shrinks'} by the factor ${word(report.sigmaFactor)} from ${word(report.previousSigma)} to ${word(sigma)}.`,
      rule: `\\sigma \\leftarrow \\sigma\\, e^{\\frac{c_\\sigma}{d_\\sigma}\\left(\\frac{\\lVert p_\\sigma \\rVert}{E\\lVert \\mathcal{N}(0,I) \\rVert} - 1\\right)} = ${num(report.previousSigma)}\\, e^{${num(cSigma / dSigma)}\\,(${num(report.stepSizePathNorm)} / ${num(chiN)} - 1)} = ${num(sigma)}`,
    },
    {
      sentence: `The covariance path becomes p_c = ${words(covariancePath)}${report.hSigma === 0 ? ' (stalled: h_σ = 0 while σ grows fast)' : ''}; C keeps ${word(report.covarianceKeep)} of itself and adds the rank-one update p_c p_cᵀ (c_1 = ${word(c1)}) and the rank-μ update of the ranked steps (c_μ = ${word(cMu)}), giving C = ${matrixWords(covariance, n)}.`,
      rule: `p_c \\leftarrow ${num(1 - cc)}\\, p_c + ${num(report.hSigma)} \\cdot ${num(Math.sqrt(cc * (2 - cc) * constants.effectiveMass))}\\, y_w;\\ C \\leftarrow ${num(report.covarianceKeep)}\\, C + ${num(c1)}\\, p_c p_c^\\top + ${num(cMu)} \\textstyle\\sum_i w_i^\\circ y_{i:\\lambda} y_{i:\\lambda}^\\top = ${matrixLatex(covariance, n)}`,
    },
    {
      sentence: `This generation evaluated f ${timesInWords(evaluations)}: the ${lambda} candidates and the new mean, the trajectory point.`,
      rule: `\\#f = \\lambda + 1 = ${evaluations}`,
    },
  ];
}

/** A small matrix in words, rows in brackets: "[[1, 0.2], [0.2, 3]]"; its size alone beyond 3 × 3. */
function matrixWords(matrix: Float64Array, n: number): string {
  if (n > 3) return `an ${n} × ${n} matrix`;
  const rows: string[] = [];
  for (let r = 0; r < n; r++) rows.push(`[${Array.from(matrix.subarray(r * n, (r + 1) * n), word).join(', ')}]`);
  return `[${rows.join(', ')}]`;
}

/** A small matrix as LaTeX pmatrix; beyond 3 × 3 its name and size. */
function matrixLatex(matrix: Float64Array, n: number): string {
  if (n > 3) return `C \\in \\mathbb{R}^{${n} \\times ${n}}`;
  const rows: string[] = [];
  for (let r = 0; r < n; r++) rows.push(Array.from(matrix.subarray(r * n, (r + 1) * n), num).join(' & '));
  return `\\begin{pmatrix} ${rows.join(' \\\\ ')} \\end{pmatrix}`;
}
