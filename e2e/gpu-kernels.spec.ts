import { randomInt } from 'node:crypto';
import { basinCellStart, logSpaced } from '../src/engine/batch/cells';
import { SUMMARY_OFFSET, summaryStride, type BasinJob, type SweepJob } from '../src/engine/batch/types';
import type { ClipSpec } from '../src/engine/clipping';
import type { HyperValues } from '../src/engine/methods/first-order/optimizer';
import { Random } from '../src/engine/random';
import type { ScheduleSpec } from '../src/engine/schedules';
import type { Problem } from '../src/experiment/experiment';
import { resolveProblem } from '../src/experiment/run-experiment';
import { expect, test } from './gpu-kernels/bench-page';
import { compareSummaries, float32ValueTolerance, NAIVE_EVALUATION_ERROR } from './gpu-kernels/compare-summaries';
import { onTypeScript, reference, skimsRadius } from './gpu-kernels/float64-reference';
import { experimentOf, randomProblem } from './gpu-kernels/random-problem';

// The fused WebGPU kernels (src/gpu, in the WebGPU worker, driven through bench.html's
// window.playgroundBench and the batch pool) against the float64 TypeScript engine (runBatchRange,
// run here in Node): fresh random formulas, domains, starts and settings on every run of the spec.
// The seed (drawn once per `playwright test` in playwright.config.ts) is printed;
// GPU_KERNELS_SEED=<seed> reruns the same inputs.
// How closely each run is held, and why, is in gpu-kernels/compare-summaries.ts.

const { finalLoss: FINAL_LOSS, convergedStep: CONVERGED_STEP, minimumIndex: MINIMUM_INDEX, finalPoint: FINAL_POINT } = SUMMARY_OFFSET;
/** Floats per run: the GPU runs 2-D formulas. */
const SUMMARY_STRIDE = summaryStride(2);

const SEED = Number(process.env.GPU_KERNELS_SEED ?? randomInt(2 ** 31)) >>> 0;

test.describe('fused WebGPU kernels', () => {
  test.beforeAll(() => {
    console.log(`gpu-kernels seed ${SEED} (rerun with GPU_KERNELS_SEED=${SEED})`);
  });

  test.beforeEach(() => {
    test.info().annotations.push({ type: 'seed', description: String(SEED) });
  });

  test('the worker runs on a WebGPU adapter and says whether it is a real GPU', async ({ bench }) => {
    const adapter = await bench.gpuInfo();
    console.log(`adapter: ${JSON.stringify(adapter)}`);
    if (adapter && /swiftshader/i.test(`${adapter.architecture} ${adapter.description}`)) expect(adapter.isFallbackAdapter).toBe(true);
  });

  test('f and its gradient are accurate on the GPU for every function of the formula language', async ({ bench }) => {
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
      const values = (await bench.onGpu(experimentOf({ kind: 'formula', expression }, 'sgd', { lr: 1 }, 0), job)).summaries;
      const steps = (await bench.onGpu(experimentOf({ kind: 'formula', expression }, 'sgd', { lr: 1 }, 1), job)).summaries;
      for (let run = 0; run < runs; run++) {
        const where = `${expression}, run ${run}`;
        basinCellStart(job, run, start);
        const value = objective.valueAndGradient(start, gradient);
        objective.hessian(start, hessian);
        const [x, y] = start;
        const loss = values[run * SUMMARY_STRIDE + FINAL_LOSS];
        expect(Math.abs(loss - value), `${where}: f = ${loss} vs ${value}`).toBeLessThanOrEqual(
          float32ValueTolerance(value, gradient, start),
        );
        const expected = [x - gradient[0], y - gradient[1]];
        for (const i of [0, 1]) {
          const tolerance = 2e-6 * Math.max(1, Math.abs(expected[i])) + rounding * (Math.abs(x) + Math.abs(x * hessian[2 * i]) + Math.abs(y * hessian[2 * i + 1]));
          expect(Math.abs(steps[run * SUMMARY_STRIDE + FINAL_POINT + i] - expected[i]), `${where}: start − ∇f, coordinate ${i}`).toBeLessThanOrEqual(tolerance);
        }
      }
    }
  });

  test('basin maps of random formulas match the float64 engine for every optimizer', async ({ bench }) => {
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
      const gpu = await bench.onGpu(experiment, job);
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

  test('sweeps over the learning rate and beta1 or momentum match, the second axis read per run', async ({ bench }) => {
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
      const gpu = await bench.onGpu(experiment, job);
      const learningRateOf = (run: number) => logSpaced(job.learningRates.min, job.learningRates.max, job.learningRates.count, run % job.learningRates.count);
      compareSummaries(`${optimizer} sweep over lr × ${name} from (${start}) on ${formula.text}`, gpu.summaries, reference(experiment, job, 44), learningRateOf);
    }
  });

  test('schedules and gradient clipping match', async ({ bench }) => {
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
      const gpu = await bench.onGpu(experiment, job);
      compareSummaries(`${optimizer} with ${schedule.type} and clip ${clip.type} on ${formula.text}`, gpu.summaries, reference(experiment, job, 90), () => hyper.lr as number, (run, gpuStep, referenceStep) =>
        skimsRadius(experiment, job, run, gpuStep, referenceStep),
      );
    }
  });

  test("built-in surfaces run through their expression: Himmelblau's basins agree, cell for cell", async ({ bench }) => {
    const problem: Problem = { kind: 'surface', surface: 'himmelblau', params: {} };
    const job: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 40, rows: 40, minima: resolveProblem(problem).minima, tolerance: 0.01 };
    const experiment = experimentOf(problem, 'adam', { lr: 0.1 }, 200);
    const gpu = await bench.onGpu(experiment, job);
    const expected = onTypeScript(experiment, job, 1600);
    let sameBasin = 0;
    let sameStep = 0;
    for (let offset = 0; offset < expected.length; offset += SUMMARY_STRIDE) {
      if (gpu.summaries[offset + MINIMUM_INDEX] === expected[offset + MINIMUM_INDEX]) sameBasin++;
      if (Math.abs(gpu.summaries[offset + CONVERGED_STEP] - expected[offset + CONVERGED_STEP]) <= 1) sameStep++;
    }
    console.log(`Himmelblau 40 × 40, Adam: ${sameBasin} cells reach the same minimum, ${sameStep} converge within a step`);
    // a cell on a basin boundary may fall either way in float32; almost none do
    expect(sameBasin).toBeGreaterThanOrEqual(1600 * 0.99);
    expect(sameStep).toBeGreaterThanOrEqual(1600 * 0.98);
  });

  test('op-by-op tfjs (the naive way) computes the same summaries', async ({ bench }) => {
    const random = new Random(SEED ^ 0x68e31da4);
    const { problem, domain, minimum } = randomProblem(random, SEED + 300);
    const job: BasinJob = { kind: 'basin', domain, columns: 6, rows: 5, minima: [{ point: minimum, value: 0 }], tolerance: 0.02 };
    for (const [optimizer, hyper] of [
      ['adam', { lr: 0.05 }],
      ['sgd', { lr: 0.05, momentum: 0.9 }],
    ] as [string, HyperValues][]) {
      const experiment = experimentOf(problem, optimizer, hyper, 60);
      const naive = await bench.onGpu(experiment, job, 'naive');
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

  test('tensor and buffer counts stay flat across 100 jobs', async ({ bench }) => {
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
      const gpu = await bench.onGpu(experimentOf(problem, optimizer, hyper, 40), job);
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
