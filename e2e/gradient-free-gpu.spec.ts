import { runBatchRange } from '../src/engine/batch/summaries';
import type { ClipSpec } from '../src/engine/clipping';
import type { ScheduleSpec } from '../src/engine/schedules';
import { SUMMARY_OFFSET, summaryStride, type BasinJob, type BatchTemplate } from '../src/engine/batch/types';
import type { HyperValues } from '../src/engine/methods/hyperparameters';
import { problemDomain } from '../src/engine/problems';
import type { Experiment, Problem } from '../src/experiment/experiment';
import { resolveProblem, resolveRun } from '../src/experiment/run-experiment';
import { expect, test } from './gpu-kernels/bench-page';

// The gradient-free and zeroth-order WebGPU kernels (src/gpu/gradient-free-*.ts) against the float64
// TypeScript methods (runBatchRange, here in Node) on basin maps. They draw from different random
// streams (a counter-based PCG hash on the GPU, each run's xoshiro stream in TypeScript), so runs are
// compared as samples: over the grid's runs, the fraction that reach a known minimum and that
// diverge must agree within sampling error (two-proportion z ≤ 5), and the distributions of the final
// and best losses must pass a two-sample Kolmogorov-Smirnov test at α = 1e-5 (D ≤ 2.47·√(2/N)), f
// compared to 1% (float32's rounding of f near a minimum is not the method's doing).
// Both sides are seeded, so the outcome is fixed; α only guards against an unlucky seed.

const { finalLoss: FINAL_LOSS, bestLoss: BEST_LOSS, divergedStep: DIVERGED_STEP, minimumIndex: MINIMUM_INDEX } = SUMMARY_OFFSET;
const STRIDE = summaryStride(2);
/** Kolmogorov's c(α) for α = 1e-5: √(−ln(α/2)/2). */
const KS_COEFFICIENT = Math.sqrt(-Math.log(1e-5 / 2) / 2);
const MAX_Z = 5;
/** Relative differences of f below this are float32's, not the method's (see kolmogorovSmirnov). */
const LOSS_RESOLUTION = 1e-2;

interface Case {
  readonly surface: string;
  readonly method: string;
  readonly hyper: HyperValues;
  readonly steps: number;
  readonly size: number;
  readonly tolerance: number;
  /** The run's learning-rate schedule and gradient clipping (the ZO methods apply both to their estimate). */
  readonly extra?: { readonly schedule?: ScheduleSpec; readonly clip?: ClipSpec };
}

// Settings under which the statistics are sensitive: a 20-30% change of σ, α, a or q moves D past the
// critical value (the last test shows it), e.g. annealing hot enough (T0 = 20) to climb out of basins
// and the (1+1)-ES from a small σ, so that the 1/5th rule's growth shapes the runs.
const CASES: readonly Case[] = [
  { surface: 'himmelblau', method: 'random_search', hyper: { mode: 'local', sigma: 0.25 }, steps: 150, size: 64, tolerance: 0.01 },
  { surface: 'six-hump-camel', method: 'random_search', hyper: { mode: 'uniform', samples: 3 }, steps: 60, size: 48, tolerance: 0.02 },
  { surface: 'himmelblau', method: 'simulated_annealing', hyper: { sigma: 0.3, initial_temperature: 20, alpha: 0.95 }, steps: 60, size: 64, tolerance: 0.01 },
  { surface: 'himmelblau', method: 'simulated_annealing', hyper: { sigma: 0.3, initial_temperature: 20, cooling: 'linear', cooling_steps: 40 }, steps: 60, size: 64, tolerance: 0.01 },
  { surface: 'rastrigin', method: 'simulated_annealing', hyper: { sigma: 0.3, initial_temperature: 2, alpha: 0.97, cooling: 'logarithmic' }, steps: 100, size: 48, tolerance: 0.01 },
  { surface: 'himmelblau', method: 'one_plus_one_es', hyper: { sigma: 0.01 }, steps: 40, size: 64, tolerance: 0.01 },
  { surface: 'rosenbrock', method: 'one_plus_one_es', hyper: { sigma: 0.3 }, steps: 200, size: 48, tolerance: 0.01 },
  { surface: 'himmelblau', method: 'spsa', hyper: { a: 0.005, c: 0.05 }, steps: 150, size: 64, tolerance: 0.01 },
  // large gains: some runs diverge, and the share that does must agree
  { surface: 'himmelblau', method: 'spsa', hyper: { a: 0.05, c: 0.05 }, steps: 150, size: 64, tolerance: 0.01 },
  { surface: 'himmelblau', method: 'zo_sgd', hyper: { lr: 0.005, eps: 0.01, q: 2 }, steps: 150, size: 64, tolerance: 0.01 },
  { surface: 'booth', method: 'zo_sign_sgd', hyper: { lr: 0.05 }, steps: 150, size: 48, tolerance: 0.01 },
  {
    surface: 'himmelblau',
    method: 'zo_sgd',
    hyper: { lr: 0.05, eps: 0.01 },
    steps: 100,
    size: 48,
    tolerance: 0.01,
    extra: { schedule: { type: 'step', step_size: 30, gamma: 0.3 }, clip: { type: 'norm', max_norm: 2 } },
  },
  { surface: 'himmelblau', method: 'zo_adam', hyper: { lr: 0.05, mu: 0.01 }, steps: 100, size: 64, tolerance: 0.01 },
  { surface: 'rosenbrock', method: 'zo_adam', hyper: { lr: 0.02, mu: 0.01, amsgrad: true, betas: [0.8, 0.99], q: 2 }, steps: 150, size: 48, tolerance: 0.01 },
];

/** Changed settings of some cases (index into CASES): the same statistics must tell them apart from the original. */
const MUTANTS: readonly (readonly [number, HyperValues])[] = [
  [0, { mode: 'local', sigma: 0.3 }],
  [2, { sigma: 0.3, initial_temperature: 20, alpha: 0.94 }],
  [5, { sigma: 0.013 }],
  [7, { a: 0.006, c: 0.05 }],
  [9, { lr: 0.005, eps: 0.01, q: 1 }],
  [12, { lr: 0.04, mu: 0.01 }],
];

function experimentOf(c: Case): Experiment {
  const problem: Problem = { kind: 'surface', surface: c.surface, params: {} };
  return { version: 1, problem, steps: c.steps, seed: 11, noise: 0, runs: [{ optimizer: c.method, hyper: c.hyper, start: [0, 0], ...c.extra }] };
}

/** The job on the float64 TypeScript path, as the batch workers run it. */
function onTypeScript(experiment: Experiment, job: BasinJob, numRuns: number): Float64Array {
  const run = resolveRun(experiment.runs[0]);
  const template: BatchTemplate = {
    objective: resolveProblem(experiment.problem).objective,
    method: run.method,
    hyper: run.hyper,
    numSteps: experiment.steps,
    domain: problemDomain(experiment.problem),
    ...(run.schedule && { schedule: run.schedule }),
    ...(run.clip && { clip: run.clip }),
  };
  const summaries = new Float64Array(numRuns * STRIDE);
  runBatchRange(template, job, 0, numRuns, summaries, experiment.seed);
  return summaries;
}

function column(summaries: ArrayLike<number>, offset: number, numRuns: number): number[] {
  return Array.from({ length: numRuns }, (_, run) => summaries[run * STRIDE + offset]);
}

/**
 * The two-sample Kolmogorov-Smirnov statistic up to a resolution: the largest F_a(v) − F_b(v + τ(v))
 * or F_b(v) − F_a(v + τ(v)), τ(v) = LOSS_RESOLUTION·|v|, so that values within float32's effect on f
 * count as equal (runs converged to a narrow band of f, as SPSA's 1.67e-6..1.71e-6 on Himmelblau,
 * would otherwise be told apart by float32 rounding of f alone). With τ = 0 it is the usual D.
 */
function kolmogorovSmirnov(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  // the share of `sorted` at or below v
  const cdf = (sorted: readonly number[], v: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle] <= v) low = middle + 1;
      else high = middle;
    }
    return low / sorted.length;
  };
  let largest = 0;
  for (const v of [...x, ...y]) {
    const shifted = v + LOSS_RESOLUTION * Math.abs(v);
    largest = Math.max(largest, cdf(x, v) - cdf(y, shifted), cdf(y, v) - cdf(x, shifted));
  }
  return largest;
}

/** |z| of the difference of two proportions of n runs each (0 when both are 0 or 1). */
function proportionZ(p: number, q: number, n: number): number {
  const pooled = (p + q) / 2;
  const variance = (2 * pooled * (1 - pooled)) / n;
  return variance === 0 ? 0 : Math.abs(p - q) / Math.sqrt(variance);
}

const quantile = (values: readonly number[], q: number) => [...values].sort((p, r) => p - r)[Math.floor(q * (values.length - 1))];
const fraction = (values: readonly number[], test: (value: number) => boolean) => values.filter(test).length / values.length;

/** The job of a case: the problem's domain and known minima. */
function jobOf(c: Case): BasinJob {
  const problem: Problem = { kind: 'surface', surface: c.surface, params: {} };
  return { kind: 'basin', domain: problemDomain(problem) as BasinJob['domain'], columns: c.size, rows: c.size, minima: resolveProblem(problem).minima, tolerance: c.tolerance };
}

/** How far two runs' summaries are apart as samples: z of the success and divergence shares, KS D of the final and best losses, and D's critical value. */
interface Comparison {
  readonly text: string;
  readonly successZ: number;
  readonly divergedZ: number;
  readonly finalD: number;
  readonly bestD: number;
  /** D's critical value for the final losses (runs that did not diverge) and for the best losses (all runs). */
  readonly critical: number;
  readonly bestCritical: number;
}

function compare(gpu: ArrayLike<number>, cpu: ArrayLike<number>, numRuns: number): Comparison {
  const share = (offset: number) => [gpu, cpu].map((summaries) => fraction(column(summaries, offset, numRuns), (value) => value >= 0));
  const success = share(MINIMUM_INDEX);
  const diverged = share(DIVERGED_STEP);
  // over the runs that did not diverge: a diverged run's last finite f depends on how far out it got
  // (the GPU's SPSA and ZO runs stop earlier, where float32 loses the two-point difference)
  const finalLoss = [gpu, cpu].map((summaries) => column(summaries, FINAL_LOSS, numRuns).filter((_, run) => summaries[run * STRIDE + DIVERGED_STEP] < 0));
  const bestLoss = [gpu, cpu].map((summaries) => column(summaries, BEST_LOSS, numRuns));
  const critical = KS_COEFFICIENT * Math.sqrt(1 / finalLoss[0].length + 1 / finalLoss[1].length);
  const bestCritical = KS_COEFFICIENT * Math.sqrt(2 / numRuns);
  const finalD = kolmogorovSmirnov(finalLoss[0], finalLoss[1]);
  const bestD = kolmogorovSmirnov(bestLoss[0], bestLoss[1]);
  const text =
    `reached a minimum ${success.map((p) => p.toFixed(3)).join(' (WebGPU) vs ')} (TS), diverged ${diverged.map((p) => p.toFixed(3)).join(' vs ')}, ` +
    `final loss deciles 1/5/9 ${finalLoss.map((v) => [0.1, 0.5, 0.9].map((q) => quantile(v, q).toExponential(2)).join('/')).join(' vs ')}, KS D final ${finalD.toFixed(3)} (critical ${critical.toFixed(3)}), best ${bestD.toFixed(3)} (${bestCritical.toFixed(3)})`;
  return { text, successZ: proportionZ(success[0], success[1], numRuns), divergedZ: proportionZ(diverged[0], diverged[1], numRuns), finalD, bestD, critical, bestCritical };
}

test.describe('gradient-free WebGPU kernels', () => {
  test('basin maps of random search, annealing, (1+1)-ES, SPSA and the ZO methods agree with TypeScript within sampling error', async ({ bench }) => {
    test.setTimeout(300_000);
    const report: string[] = [];
    for (const c of CASES) {
      const experiment = experimentOf(c);
      const job = jobOf(c);
      const numRuns = c.size * c.size;
      const gpu = await bench.onGpu(experiment, job);
      const compared = compare(gpu.summaries, onTypeScript(experiment, job, numRuns), numRuns);
      const where = `${c.method} ${JSON.stringify({ ...c.hyper, ...c.extra })} on ${c.surface}`;
      report.push(`${where}, ${numRuns} runs x ${c.steps} steps: ${compared.text}`);
      expect.soft(compared.successZ, `${where}: share of runs reaching a minimum`).toBeLessThanOrEqual(MAX_Z);
      expect.soft(compared.divergedZ, `${where}: share of diverged runs`).toBeLessThanOrEqual(MAX_Z);
      expect.soft(compared.finalD, `${where}: distribution of the final loss`).toBeLessThanOrEqual(compared.critical);
      expect.soft(compared.bestD, `${where}: distribution of the best loss`).toBeLessThanOrEqual(compared.bestCritical);
    }
    console.log(report.join('\n'));
  });

  test('the comparison has teeth: a 20-30% change of one setting on the GPU is told apart', async ({ bench }) => {
    test.setTimeout(180_000);
    const report: string[] = [];
    for (const [index, hyper] of MUTANTS) {
      const c = CASES[index];
      const job = jobOf(c);
      const numRuns = c.size * c.size;
      const gpu = await bench.onGpu(experimentOf({ ...c, hyper }), job);
      const compared = compare(gpu.summaries, onTypeScript(experimentOf(c), job, numRuns), numRuns);
      report.push(`${c.method} ${JSON.stringify(hyper)} on the GPU vs ${JSON.stringify(c.hyper)} in TypeScript: ${compared.text}`);
      expect.soft(compared.finalD > compared.critical || compared.bestD > compared.bestCritical, `${c.method} ${JSON.stringify(hyper)}: told apart from ${JSON.stringify(c.hyper)}`).toBe(true);
    }
    console.log(report.join('\n'));
  });

  test('the same seed gives the same map, another seed another one', async ({ bench }) => {
    const experiment = experimentOf({ ...CASES[0], steps: 40 });
    const job: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 16, rows: 16, minima: [], tolerance: 0.01 };
    const first = await bench.onGpu(experiment, job);
    const again = await bench.onGpu(experiment, job);
    const other = await bench.onGpu({ ...experiment, seed: 12 }, job);
    expect(again.summaries).toEqual(first.summaries);
    expect(other.summaries).not.toEqual(first.summaries);
  });
});
