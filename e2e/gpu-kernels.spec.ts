import { expect, test, type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import { basinCellStart, convergenceRadius, logSpaced, sweepCellHyper } from '../src/engine/batch/cells';
import { runBatchRange } from '../src/engine/batch/summaries';
import { SUMMARY_STRIDE, type AdapterDescription, type BasinJob, type BatchOutcome, type BatchTemplate, type SweepJob } from '../src/engine/batch/types';
import type { ClipSpec } from '../src/engine/clipping';
import { randomFormula } from '../src/engine/expression/random-formula';
import type { Objective } from '../src/engine/objective';
import type { HyperValues } from '../src/engine/methods/first-order/optimizer';
import { Random } from '../src/engine/random';
import { runOptimizer } from '../src/engine/methods/first-order/adapter';
import type { ScheduleSpec } from '../src/engine/schedules';
import type { Experiment, Problem } from '../src/experiment/experiment';
import { resolveProblem, resolveRun } from '../src/experiment/run-experiment';

// The fused WebGPU kernels (src/gpu, in the WebGPU worker, driven through bench.html's
// window.playgroundBench and the batch pool) against the float64 TypeScript engine (runBatchRange,
// run here in Node): fresh random formulas, domains, starts and settings on every run of the spec.
// The seed (drawn once per `playwright test` in playwright.config.ts) is printed;
// GPU_KERNELS_SEED=<seed> reruns the same inputs.
//
// Tolerance: the random formulas are strongly convex with condition number < 10 (random-formula.ts),
// so for gradient descent and momentum float32 rounding (6e-8 relative per operation) is damped step
// by step: final points agree to a few 1e-7, well inside the target |Δ| ≤ 1e-4·max(1, |p|).
// Normalizing optimizers are another matter: Adam's first step is lr·sign(g), RMSprop and Lion
// hover at lr-sized steps, so a run whose gradient component passes near zero follows the sign of
// a rounding error. Which runs float32 can be held to the target is therefore measured on each run:
// the float64 engine reruns it six times with gradient errors a hundred times float32's
// (PERTURBATION), and a run whose path, final point or convergence step those reruns can move is
// held only to what such errors allow (compareSummaries).

const SEED = Number(process.env.GPU_KERNELS_SEED ?? randomInt(2 ** 31)) >>> 0;
const TOLERANCE = 1e-4;

/**
 * How far op-by-op tfjs may put f off on SwiftShader: its sin, cos and tanh are the WGSL built-ins,
 * accurate there to ~2e-4 (the fused kernels bring their own), and a random formula adds a few such
 * terms with coefficients below 0.2; over 40 seeds f at the final point was off by up to 9e-5.
 */
const NAIVE_EVALUATION_ERROR = 3e-4;

/** The bench page's answer to one summaries job. */
interface BenchResult {
  readonly elapsedMs: number;
  readonly outcome: BatchOutcome | null;
  readonly summaries?: number[];
}

/** What bench.html (src/bench/main.ts) exposes as window.playgroundBench, as far as this spec uses it. */
interface Bench {
  summaries(request: { experiment: Experiment; runIndex: number; job: BasinJob | SweepJob; engine: 'webgpu' | 'naive'; withSummaries: boolean }): Promise<BenchResult>;
  gpuInfo(): Promise<AdapterDescription | null>;
}

/** window.playgroundBench (inside page.evaluate). */
type BenchWindow = Window & { readonly playgroundBench: Bench };

async function openBench(page: Page): Promise<void> {
  await page.goto('/bench.html');
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const adapter = await page.evaluate(() => (window as unknown as BenchWindow).playgroundBench.gpuInfo());
  expect(adapter, 'the WebGPU worker found no adapter: Chromium needs --enable-unsafe-webgpu (scripts/chromium-flags.json)').not.toBeNull();
}

/** A basin map or sweep computed by the fused kernels in the page; fails unless WebGPU really ran it. */
async function onGpu(page: Page, experiment: Experiment, job: BasinJob | SweepJob, engine: 'webgpu' | 'naive' = 'webgpu'): Promise<BenchResult & { summaries: number[] }> {
  const request = { experiment, runIndex: 0, job, engine, withSummaries: true };
  const result = await page.evaluate((r) => (window as unknown as BenchWindow).playgroundBench.summaries(r), request);
  if (engine === 'webgpu') {
    expect(result.outcome?.notice, 'the WebGPU job fell back to TypeScript').toBeUndefined();
    expect(result.outcome?.engine).toBe('webgpu');
  }
  return result as BenchResult & { summaries: number[] };
}

/** The experiment's first run as the float64 engine's batch template, on `objective`. */
function templateOf(experiment: Experiment, objective: Objective): BatchTemplate {
  const run = resolveRun(experiment.runs[0]);
  return {
    objective,
    optimizer: run.optimizer,
    hyper: run.hyper,
    numSteps: experiment.steps,
    ...(run.schedule && { schedule: run.schedule }),
    ...(run.clip && { clip: run.clip }),
  };
}

/** The same job on the float64 TypeScript path; `objective` replaces the problem's (a perturbed copy). */
function onTypeScript(experiment: Experiment, job: BasinJob | SweepJob, numRuns: number, objective = resolveProblem(experiment.problem).objective): Float64Array {
  const summaries = new Float64Array(numRuns * SUMMARY_STRIDE);
  runBatchRange(templateOf(experiment, objective), job, 0, numRuns, summaries, experiment.seed);
  return summaries;
}

/**
 * How large the gradient errors of the perturbed reruns are, relative to 1 + |g|. Float32 makes
 * errors of ~1e-7 in a gradient summed from terms of order one, and more where the point itself has
 * drifted: x ± lr rounds the same way each time it revisits a value, so a run hovering on a lattice
 * of lr-sized steps (Lion) drifts by ~2e-7 over 150 steps, and ∇f with it. A tenth of the 1e-4 target,
 * 1e-5 flags the runs whose path such errors can fork (a sign taken with a margin of 3e-7, as Lion
 * did at step 147 of seed 1482300036), and a run it cannot move is still held to the target itself.
 */
const PERTURBATION = 1e-5;

/** The objective with every gradient component moved by ±PERTURBATION·(1 + |g|), signs drawn from `seed`. */
function perturbed(objective: Objective, seed: number): Objective {
  const random = new Random(seed);
  return {
    dimension: objective.dimension,
    value: (point) => objective.value(point),
    hessian: (point, hessian) => objective.hessian(point, hessian),
    valueAndGradient(point, gradient) {
      const value = objective.valueAndGradient(point, gradient);
      for (let i = 0; i < gradient.length; i++) gradient[i] += PERTURBATION * (1 + Math.abs(gradient[i])) * (random.nextFloat() < 0.5 ? -1 : 1);
      return value;
    },
  };
}

/**
 * The float64 reference for one job: the objective, its summaries, how far float32-sized gradient
 * errors move each field (spread) and each run's path at any step (pathSpread, relative to
 * max(1, |p|)), the most over six perturbed reruns.
 */
interface Reference {
  readonly objective: Objective;
  readonly summaries: Float64Array;
  readonly spread: Float64Array;
  readonly pathSpread: Float64Array;
}

/** The float64 summaries, and how far float32-sized gradient errors move each field of each run (the most over six perturbed reruns). */
function reference(experiment: Experiment, job: BasinJob | SweepJob, numRuns: number): Reference {
  const objective = resolveProblem(experiment.problem).objective;
  const summaries = onTypeScript(experiment, job, numRuns, objective);
  const spread = new Float64Array(summaries.length);
  for (let seed = 1; seed <= 6; seed++) {
    const shaken = onTypeScript(experiment, job, numRuns, perturbed(objective, seed));
    shaken.forEach((value, i) => (spread[i] = Math.max(spread[i], Math.abs(value - summaries[i]))));
  }
  return { objective, summaries, spread, pathSpread: pathSpreads(experiment, job, numRuns, objective) };
}

/**
 * For each run, the largest distance (relative to max(1, |p|)) between its float64 path and that of
 * six reruns with perturbed gradients, over every step: Infinity where one of them diverged at
 * another step. A run can end where float64 does and still have forked on the way (RMSprop's
 * x-oscillation amplifying errors 1000-fold before it settles), entering the radius steps apart.
 */
function pathSpreads(experiment: Experiment, job: BasinJob | SweepJob, numRuns: number, objective: Objective): Float64Array {
  const template = templateOf(experiment, objective);
  const start = new Float64Array(2);
  const spreads = new Float64Array(numRuns);
  for (let index = 0; index < numRuns; index++) {
    if (job.kind === 'basin') basinCellStart(job, index, start);
    else start.set(job.start);
    const options = { ...template, hyper: job.kind === 'sweep' ? sweepCellHyper(template.hyper, job, index) : template.hyper, start };
    const path = runOptimizer(options).trajectory;
    for (let seed = 1; seed <= 6; seed++) {
      const shaken = runOptimizer({ ...options, objective: perturbed(objective, seed * 65_537 + index) }).trajectory;
      if (shaken.length !== path.length) spreads[index] = Infinity;
      for (let i = 0; i < Math.min(path.length, shaken.length); i++) spreads[index] = Math.max(spreads[index], Math.abs(shaken[i] - path[i]) / Math.max(1, Math.abs(path[i])));
    }
  }
  return spreads;
}

/**
 * How far a float32 evaluation of f at `point` may lie from its float64 `value`: a few ulps of f, and
 * of the terms of the size of x·∂f/∂x and y·∂f/∂y it is summed from.
 */
function float32ValueTolerance(value: number, gradient: ArrayLike<number>, point: ArrayLike<number>): number {
  return 2e-6 * Math.max(1, Math.abs(value)) + 8 * 2 ** -24 * (Math.abs(point[0] * gradient[0]) + Math.abs(point[1] * gradient[1]));
}

function experimentOf(problem: Problem, optimizer: string, hyper: HyperValues, steps: number, extra: { schedule?: ScheduleSpec; clip?: ClipSpec } = {}): Experiment {
  return { version: 1, problem, steps, seed: 0, noise: 0, runs: [{ optimizer, hyper, start: [0, 0], ...extra }] };
}

/**
 * Compares every run's summary with float64's. A run that float32-sized gradient errors cannot move
 * in float64 (over six perturbed reruns its path moves by under the 1e-4 target at every step, its
 * final point by under PERTURBATION, and its convergence step and minimum not at all: the issue's
 * "well-conditioned cases") must meet the target: final
 * point and losses within 1e-4 relative, the same minimum and divergence step, the convergence step
 * within one (or more where the run creeps along the edge of the radius: skimsRadius). A run they
 * can move (a normalizing optimizer passing a gradient component through zero, or amplifying it in
 * a transient oscillation; RMSprop or Lion hovering at lr-sized steps) may end anywhere such errors
 * can take it, which a few perturbed reruns only sample: its final point is held to the larger of
 * four times the spread and 20·lr (a few of its largest steps), its final loss to being f at that
 * point (or, once diverged, to 1% beyond the spread, as its best loss), its divergence step to the
 * spread, and, where both paths converged, to the same minimum.
 * `evaluationError` widens every loss tolerance by how far the engine's own evaluation of f may be
 * off (0 for the fused kernels, which bring their own sin, cos and tanh).
 * Returns the largest relative difference of final points, that over the well-conditioned runs, and
 * how many those were.
 */
function compareSummaries(
  label: string,
  actual: readonly number[],
  expected: Reference,
  learningRateOf: (run: number) => number,
  skimsRadius?: (run: number, gpuStep: number, referenceStep: number) => boolean,
  evaluationError = 0,
): { largest: number; wellConditioned: number; numWellConditioned: number } {
  const { objective, summaries, spread, pathSpread } = expected;
  const gpuPoint = new Float64Array(2);
  const gradient = new Float64Array(2);
  expect(actual.length, label).toBe(summaries.length);
  let largest = 0;
  let wellConditioned = 0;
  let numWellConditioned = 0;
  const within = (field: number, tolerance: number, what: string) => {
    const difference = Math.abs(actual[field] - summaries[field]);
    expect(difference, `${what}: ${actual[field]} vs ${summaries[field]} (float32-sized errors move it by ${spread[field]})`).toBeLessThanOrEqual(tolerance);
    return difference;
  };
  for (let offset = 0; offset < summaries.length; offset += SUMMARY_STRIDE) {
    const runIndex = offset / SUMMARY_STRIDE;
    const run = `${label}, run ${runIndex}`;
    const stable = pathSpread[runIndex] < TOLERANCE && spread[offset] < PERTURBATION && spread[offset + 1] < PERTURBATION && spread[offset + 4] === 0 && spread[offset + 6] === 0;
    if (stable) numWellConditioned++;
    const scaleOf = (field: number) => Math.max(1, Math.abs(summaries[field]));
    for (const coordinate of [0, 1]) {
      const field = offset + coordinate;
      const slack = stable ? 0 : Math.max(4 * spread[field], 20 * learningRateOf(runIndex));
      const relative = within(field, TOLERANCE * scaleOf(field) + slack, `${run}: final ${'xy'[coordinate]}${stable ? '' : ' (a sensitive run)'}`) / scaleOf(field);
      largest = Math.max(largest, relative);
      if (stable) wellConditioned = Math.max(wellConditioned, relative);
    }
    if (stable || actual[offset + 5] >= 0) within(offset + 2, (stable ? TOLERANCE : 0.01) * scaleOf(offset + 2) + 4 * spread[offset + 2] + evaluationError, `${run}: final loss`);
    else {
      // the final point may lie anywhere its slack allows, and f varies over that much more than six
      // perturbed reruns sample (RMSprop at lr = 0.08 hovering about the minimum ends anywhere on a
      // band of losses 0.06 wide): the final loss is held to being f at the final point the GPU reports
      gpuPoint[0] = actual[offset];
      gpuPoint[1] = actual[offset + 1];
      const value = objective.valueAndGradient(gpuPoint, gradient);
      const difference = Math.abs(actual[offset + 2] - value);
      expect(difference, `${run}: final loss ${actual[offset + 2]} is not f = ${value} at the final point (${actual[offset]}, ${actual[offset + 1]})`).toBeLessThanOrEqual(
        float32ValueTolerance(value, gradient, gpuPoint) + evaluationError,
      );
    }
    within(offset + 3, (stable ? TOLERANCE : 0.01) * scaleOf(offset + 3) + 4 * spread[offset + 3] + evaluationError, `${run}: best loss`);
    within(offset + 5, 4 * spread[offset + 5], `${run}: divergence step`);
    const [gpuStep, referenceStep] = [actual[offset + 4], summaries[offset + 4]];
    const bothConverged = gpuStep >= 0 && referenceStep >= 0;
    if (!stable) {
      // a sensitive run may wander in and out of the radius at other times, but not to another minimum
      if (bothConverged) within(offset + 6, 4 * spread[offset + 6], `${run}: minimum reached (a sensitive run)`);
      continue;
    }
    // a run that creeps along the edge of the radius may cross it steps apart, or only in one path:
    // accepted where the float64 trajectory itself lies within 1e-4 of the radius in between
    if (Math.abs(gpuStep - referenceStep) > 1 && skimsRadius?.(runIndex, gpuStep, referenceStep)) {
      if (bothConverged) within(offset + 6, 0, `${run}: minimum reached`);
      continue;
    }
    within(offset + 4, 1, `${run}: convergence step`);
    within(offset + 6, 0, `${run}: minimum reached`);
  }
  return { largest, wellConditioned, numWellConditioned };
}

/**
 * True when the float64 run `run` of a basin map stays within 1e-4 of the convergence radius wherever
 * the two paths disagree about being inside it: between the steps each says it entered.
 */
function skimsRadius(experiment: Experiment, job: BasinJob, run: number, gpuStep: number, referenceStep: number): boolean {
  const start = new Float64Array(2);
  basinCellStart(job, run, start);
  const objective = resolveProblem(experiment.problem).objective;
  const trajectory = runOptimizer({ objective, ...resolveRun({ ...experiment.runs[0], start: [start[0], start[1]] }), numSteps: experiment.steps }).trajectory;
  const last = trajectory.length / 2 - 1;
  const radius = convergenceRadius(job);
  const distance = (step: number) => Math.min(...job.minima.map(({ point }) => Math.hypot(trajectory[2 * step] - point[0], trajectory[2 * step + 1] - point[1])));
  const [gpu, reference] = [gpuStep, referenceStep].map((step) => (step < 0 ? last + 1 : step));
  // the GPU entered first: float64 was just outside there
  if (gpu < reference) return distance(gpu) <= radius * (1 + 1e-4);
  // float64 entered first: it stayed just inside until the GPU entered
  for (let step = reference; step < Math.min(gpu, last + 1); step++) if (distance(step) < radius * (1 - 1e-4)) return false;
  return true;
}

/** A random formula with its true minimum (found by the float64 engine) and a random domain around it. */
function randomProblem(random: Random, formulaSeed: number) {
  const formula = randomFormula(formulaSeed);
  const uniform = (low: number, high: number) => low + (high - low) * random.nextFloat();
  const [cx, cy] = formula.centre;
  const domain: [[number, number], [number, number]] = [
    [cx - uniform(1.5, 3), cx + uniform(1.5, 3)],
    [cy - uniform(1.5, 3), cy + uniform(1.5, 3)],
  ];
  const problem: Problem = { kind: 'formula', expression: formula.text, domain };
  const objective = resolveProblem(problem).objective;
  const descent = runOptimizer({ objective, ...resolveRun({ optimizer: 'sgd', hyper: { lr: 0.05 }, start: [cx, cy] }), numSteps: 4000 });
  const last = descent.trajectory.length - 2;
  const minimum: [number, number] = [descent.trajectory[last], descent.trajectory[last + 1]];
  return { formula, problem, domain, minimum, uniform };
}

test.describe('fused WebGPU kernels', () => {
  test.beforeAll(() => {
    console.log(`gpu-kernels seed ${SEED} (rerun with GPU_KERNELS_SEED=${SEED})`);
  });

  test.beforeEach(async ({ page }) => {
    test.info().annotations.push({ type: 'seed', description: String(SEED) });
    await openBench(page);
  });

  test('the worker runs on a WebGPU adapter and says whether it is a real GPU', async ({ page }) => {
    const adapter = await page.evaluate(() => (window as unknown as BenchWindow).playgroundBench.gpuInfo());
    console.log(`adapter: ${JSON.stringify(adapter)}`);
    if (adapter && /swiftshader/i.test(`${adapter.architecture} ${adapter.description}`)) expect(adapter.isFallbackAdapter).toBe(true);
  });

  test('f and its gradient are accurate on the GPU for every function of the formula language', async ({ page }) => {
    // 0 steps: the final loss is f at the start; one SGD step with lr = 1 moves the start by −∇f. The
    // GPU starts from the start rounded to float32 (|δ| ≤ 6e-8·|x|), so each value may also move by
    // what that rounding does to it: the derivative times δ.
    const formulas = [
      'sin(3*x) + cos(2*y) + 0.1*sin(40*x*y)',
      'tan(x/2) + tan(y/3)',
      'asin(x/4) + acos(y/4)',
      'atan(x*y) + atan(y - 2*x)',
      'sinh(x) + cosh(y) - sinh(y/10)',
      'tanh(2*x - y) + tanh(x/20)',
      'exp(x/2) + log(y + 5) + e^(x*y/9)',
      'sqrt(x^2 + y^2 + 1) + pi*x',
      'abs(x) + min(x, y, 1) + max(x, 2*y)',
      'x^3 - 2*x*y^2 + (y + 5)^-2 + (x^2 + 1)^1.5 + 2^y + x^7/100',
    ];
    const job: BasinJob = { kind: 'basin', domain: [[-3, 3], [-3, 3]], columns: 23, rows: 21, minima: [], tolerance: 0.01 };
    const runs = 23 * 21;
    const rounding = 2 ** -24;
    for (const expression of formulas) {
      const objective = resolveProblem({ kind: 'formula', expression }).objective;
      const start = new Float64Array(2);
      const gradient = new Float64Array(2);
      const hessian = new Float64Array(4);
      const values = (await onGpu(page, experimentOf({ kind: 'formula', expression }, 'sgd', { lr: 1 }, 0), job)).summaries;
      const steps = (await onGpu(page, experimentOf({ kind: 'formula', expression }, 'sgd', { lr: 1 }, 1), job)).summaries;
      for (let run = 0; run < runs; run++) {
        const where = `${expression}, run ${run}`;
        basinCellStart(job, run, start);
        const value = objective.valueAndGradient(start, gradient);
        objective.hessian(start, hessian);
        const [x, y] = start;
        expect(Math.abs(values[run * SUMMARY_STRIDE + 2] - value), `${where}: f = ${values[run * SUMMARY_STRIDE + 2]} vs ${value}`).toBeLessThanOrEqual(
          float32ValueTolerance(value, gradient, start),
        );
        const expected = [x - gradient[0], y - gradient[1]];
        for (const i of [0, 1]) {
          const tolerance = 2e-6 * Math.max(1, Math.abs(expected[i])) + rounding * (Math.abs(x) + Math.abs(x * hessian[2 * i]) + Math.abs(y * hessian[2 * i + 1]));
          expect(Math.abs(steps[run * SUMMARY_STRIDE + i] - expected[i]), `${where}: start − ∇f, coordinate ${i}`).toBeLessThanOrEqual(tolerance);
        }
      }
    }
  });

  test('basin maps of random formulas match the float64 engine for every optimizer', async ({ page }) => {
    test.setTimeout(180_000);
    const random = new Random(SEED);
    const cases: [string, HyperValues][] = [
      ['adam', { lr: 0.05 }],
      ['adam', { lr: 0.03, amsgrad: true, weight_decay: 0.01 }],
      ['sgd', { lr: 0.05, momentum: 0.9 }],
      ['sgd', { lr: 0.05, momentum: 0.8, nesterov: true }],
      ['sgd', { lr: 0.1 }],
      ['rmsprop', { lr: 0.01 }],
      ['rmsprop', { lr: 0.005, momentum: 0.5, centered: true }],
      ['adagrad', { lr: 0.5 }],
      ['adadelta', { lr: 1 }],
      ['adamw', { lr: 0.05, weight_decay: 0.05 }],
      ['adamax', { lr: 0.05 }],
      ['nadam', { lr: 0.05 }],
      ['radam', { lr: 0.05 }],
      ['lion', { lr: 0.005 }],
    ];
    const report: string[] = [];
    let numRuns = 0;
    let numWellConditioned = 0;
    for (const [index, [optimizer, hyper]] of cases.entries()) {
      const { formula, problem, domain, minimum, uniform } = randomProblem(random, SEED + index);
      const columns = 8 + Math.floor(uniform(0, 8));
      const rows = 8 + Math.floor(uniform(0, 8));
      const job: BasinJob = { kind: 'basin', domain, columns, rows, minima: [{ point: minimum, value: 0 }], tolerance: 0.01 };
      const experiment = experimentOf(problem, optimizer, hyper, 150);
      const gpu = await onGpu(page, experiment, job);
      const compared = compareSummaries(`${optimizer} ${JSON.stringify(hyper)} on ${formula.text}`, gpu.summaries, reference(experiment, job, columns * rows), () => hyper.lr as number, (run, gpuStep, referenceStep) =>
        skimsRadius(experiment, job, run, gpuStep, referenceStep),
      );
      // the comparison has teeth: a good share of every optimizer's runs is held to the target itself
      expect(compared.numWellConditioned, `well-conditioned runs of ${optimizer}`).toBeGreaterThanOrEqual((columns * rows) / 4);
      numRuns += columns * rows;
      numWellConditioned += compared.numWellConditioned;
      report.push(
        `${optimizer.padEnd(8)} ${JSON.stringify(hyper).padEnd(46)} largest relative difference ${compared.largest.toExponential(1)}; ` +
          `${compared.wellConditioned.toExponential(1)} over the ${compared.numWellConditioned} of ${columns * rows} runs float32 errors cannot move`,
      );
    }
    console.log(report.join('\n'));
    expect(numWellConditioned).toBeGreaterThan(numRuns / 2);
  });

  test('sweeps over the learning rate and beta1 or momentum match, the second axis read per run', async ({ page }) => {
    const random = new Random(SEED ^ 0x5bd1e995);
    const cases: [string, HyperValues, 'beta1' | 'momentum', number, number][] = [
      ['adam', { lr: 0.01 }, 'beta1', 0.5, 0.95],
      ['nadam', { lr: 0.01 }, 'beta1', 0.6, 0.9],
      ['sgd', { lr: 0.01 }, 'momentum', 0, 0.9],
      ['rmsprop', { lr: 0.01, momentum: 0.5 }, 'momentum', 0, 0.8],
    ];
    for (const [index, [optimizer, hyper, name, min, max]] of cases.entries()) {
      const { formula, problem, domain, uniform } = randomProblem(random, SEED + 100 + index);
      const start: [number, number] = [uniform(domain[0][0], domain[0][1]), uniform(domain[1][0], domain[1][1])];
      const job: SweepJob = { kind: 'sweep', start, learningRates: { min: 1e-3, max: 0.08, count: 11 }, second: { name, min, max, count: 4 } };
      const experiment = experimentOf(problem, optimizer, hyper, 120);
      const gpu = await onGpu(page, experiment, job);
      const learningRateOf = (run: number) => logSpaced(job.learningRates.min, job.learningRates.max, job.learningRates.count, run % job.learningRates.count);
      compareSummaries(`${optimizer} sweep over lr × ${name} from (${start}) on ${formula.text}`, gpu.summaries, reference(experiment, job, 44), learningRateOf);
    }
  });

  test('schedules and gradient clipping match', async ({ page }) => {
    const random = new Random(SEED ^ 0x27d4eb2f);
    const cases: [string, HyperValues, ScheduleSpec, ClipSpec][] = [
      ['adam', { lr: 0.08 }, { type: 'warmup_cosine', warmup_steps: 20, start_factor: 0.1, T_max: 100, eta_min: 0.001 }, { type: 'norm', max_norm: 1 }],
      ['sgd', { lr: 0.08, momentum: 0.9 }, { type: 'step', step_size: 30, gamma: 0.5 }, { type: 'value', clip_value: 0.5 }],
      ['rmsprop', { lr: 0.02 }, { type: 'exponential', gamma: 0.99 }, { type: 'norm', max_norm: 0.3 }],
      ['adagrad', { lr: 0.5 }, { type: 'inverse_time', gamma: 0.02 }, { type: 'value', clip_value: 2 }],
    ];
    for (const [index, [optimizer, hyper, schedule, clip]] of cases.entries()) {
      const { formula, problem, domain, minimum } = randomProblem(random, SEED + 200 + index);
      const job: BasinJob = { kind: 'basin', domain, columns: 10, rows: 9, minima: [{ point: minimum, value: 0 }], tolerance: 0.02 };
      const experiment = experimentOf(problem, optimizer, hyper, 150, { schedule, clip });
      const gpu = await onGpu(page, experiment, job);
      compareSummaries(`${optimizer} with ${schedule.type} and clip ${clip.type} on ${formula.text}`, gpu.summaries, reference(experiment, job, 90), () => hyper.lr as number, (run, gpuStep, referenceStep) =>
        skimsRadius(experiment, job, run, gpuStep, referenceStep),
      );
    }
  });

  test("built-in surfaces run through their expression: Himmelblau's basins agree, cell for cell", async ({ page }) => {
    const problem: Problem = { kind: 'surface', surface: 'himmelblau', params: {} };
    const job: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 40, rows: 40, minima: resolveProblem(problem).minima, tolerance: 0.01 };
    const experiment = experimentOf(problem, 'adam', { lr: 0.1 }, 200);
    const gpu = await onGpu(page, experiment, job);
    const expected = onTypeScript(experiment, job, 1600);
    let sameBasin = 0;
    let sameStep = 0;
    for (let offset = 0; offset < expected.length; offset += SUMMARY_STRIDE) {
      if (gpu.summaries[offset + 6] === expected[offset + 6]) sameBasin++;
      if (Math.abs(gpu.summaries[offset + 4] - expected[offset + 4]) <= 1) sameStep++;
    }
    console.log(`Himmelblau 40 × 40, Adam: ${sameBasin} cells reach the same minimum, ${sameStep} converge within a step`);
    // a cell on a basin boundary may fall either way in float32; almost none do
    expect(sameBasin).toBeGreaterThanOrEqual(1600 * 0.99);
    expect(sameStep).toBeGreaterThanOrEqual(1600 * 0.98);
  });

  test('op-by-op tfjs (the naive way) computes the same summaries', async ({ page }) => {
    const random = new Random(SEED ^ 0x68e31da4);
    const { problem, domain, minimum } = randomProblem(random, SEED + 300);
    const job: BasinJob = { kind: 'basin', domain, columns: 6, rows: 5, minima: [{ point: minimum, value: 0 }], tolerance: 0.02 };
    for (const [optimizer, hyper] of [
      ['adam', { lr: 0.05 }],
      ['sgd', { lr: 0.05, momentum: 0.9 }],
    ] as [string, HyperValues][]) {
      const experiment = experimentOf(problem, optimizer, hyper, 60);
      const naive = await onGpu(page, experiment, job, 'naive');
      compareSummaries(
        `naive ${optimizer}`,
        naive.summaries,
        reference(experiment, job, 30),
        () => hyper.lr as number,
        (run, gpuStep, referenceStep) => skimsRadius(experiment, job, run, gpuStep, referenceStep),
        NAIVE_EVALUATION_ERROR,
      );
    }
  });

  test('tensor and buffer counts stay flat across 100 jobs', async ({ page }) => {
    test.setTimeout(180_000);
    const random = new Random(SEED ^ 0x1b873593);
    const settings: [string, HyperValues][] = [
      ['adam', { lr: 0.05 }],
      ['sgd', { lr: 0.05, momentum: 0.9 }],
      ['rmsprop', { lr: 0.01 }],
      ['nadam', { lr: 0.05 }],
    ];
    const problems = settings.map((_, k) => randomProblem(random, SEED + 400 + k));
    const counts: string[] = [];
    for (let n = 0; n < 100; n++) {
      const { problem, domain } = problems[n % problems.length];
      const [optimizer, hyper] = settings[n % settings.length];
      const job: BasinJob = { kind: 'basin', domain, columns: 16, rows: 16, minima: [], tolerance: 0.01 };
      const gpu = await onGpu(page, experimentOf(problem, optimizer, hyper, 40), job);
      const memory = gpu.outcome?.gpuMemory;
      expect(memory, 'the WebGPU job reports tfjs memory').toBeDefined();
      counts.push(`${memory?.numTensors}/${memory?.numBuffers}`);
    }
    console.log(`tensors/buffers after each job: ${counts.join(' ')}`);
    // after one round of the settings every buffer size has been pooled once: from then on nothing grows
    expect(new Set(counts.slice(settings.length))).toEqual(new Set([counts[settings.length]]));
    expect(counts.at(-1)?.startsWith('0/')).toBe(true);
  });
});
