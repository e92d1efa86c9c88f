// Node side of `npm run bench`: the float64 TypeScript engine's workloads, timed side by side.
// The worker-pool and WebGPU workloads run in Chromium (batch-bench.mjs); Node times the basin map's
// single-thread TypeScript work for comparison.
import { runBatchRange, summaryStride, type BasinJob } from '../../src/engine/batch';
import { compileFormula } from '../../src/engine/expression';
import type { Objective } from '../../src/engine/objective';
import { getOptimizer } from '../../src/engine/methods/first-order';
import { defaultHyperValues } from '../../src/engine/methods/first-order/hyper';
import { firstOrderMethod, runOptimizer } from '../../src/engine/methods/first-order/adapter';
import { createKernelInstance } from '../../src/engine/methods/first-order/kernel-interpreter';
import type { OptimizerDefinition } from '../../src/engine/methods/first-order/optimizer';
import { sampleObjective } from '../../src/engine/sample';
import { getSurface } from '../../src/engine/problems/surfaces';
import { defaultHyperValues as defaultMethodHyper, METHOD_FAMILY_NAMES, METHODS, type MethodFamily, unmetNeed } from '../../src/engine/methods';
import { runMethod } from '../../src/engine/run';
import { benchModel, DIGITS_MLP, digitsShaped, epochOrder, medianTime, SMALL_MLP, SMALL_MLP_BATCH, SMALL_MLP_LEARNING_RATE, trainFullBatchSgd, trainMiniBatchSgd, twoMoons500 } from '../../src/bench/model-workloads';

/** One row of the bench table. */
export interface BenchRow {
  workload: string;
  engine: string;
  size: string;
  milliseconds: number;
  throughput: string;
}

const ROSENBROCK_FORMULA = '(1 - x)^2 + 100*(y - x^2)^2';

/** Median wall time of `repeats` calls after `warmups` untimed ones. */
function medianMilliseconds(work: () => void, repeats = 15, warmups = 5): number {
  for (let i = 0; i < warmups; i++) work();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The same optimizer with its update rule run from its kernel IR by the float64 interpreter. */
function interpreted(optimizer: OptimizerDefinition): OptimizerDefinition {
  return { ...optimizer, create: (hyper, dimension) => createKernelInstance(optimizer.kernel(hyper), dimension) };
}

function eightRuns(objective: Objective, fromKernel = false): () => void {
  const optimizers = ['sgd', 'sgd', 'adam', 'adamw', 'rmsprop', 'adagrad', 'nadam', 'lion'];
  return () => {
    optimizers.forEach((id, index) => {
      const optimizer = fromKernel ? interpreted(getOptimizer(id)!) : getOptimizer(id)!;
      const hyper = { ...defaultHyperValues(optimizer.hyperSpecs), lr: 1e-3, ...(index === 1 ? { momentum: 0.9 } : {}) };
      runOptimizer({ objective, optimizer, hyper, start: [-1.5 + 0.1 * index, 2], numSteps: 1000 });
    });
  };
}

/** Runs every Node workload and returns the rows. */
export function runNodeBench(): BenchRow[] {
  const compiled = compileFormula(ROSENBROCK_FORMULA);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const formula = compiled.objective;
  const surface = getSurface('rosenbrock')!.create();
  const rows: BenchRow[] = [];
  const steps = 8 * 1000;
  for (const [engine, objective] of [
    ['TS float64, typed formula', formula],
    ['TS float64, built-in surface', surface],
  ] as const) {
    const ms = medianMilliseconds(eightRuns(objective));
    rows.push({ workload: '1. interactive recompute', engine, size: '8 runs x 1,000 steps', milliseconds: ms, throughput: `${((steps / ms) * 1e3 / 1e6).toFixed(2)} M steps/s` });
  }
  {
    // the question of one source per optimizer: the kernel IR interpreted instead of the hand-written loops
    const ms = medianMilliseconds(eightRuns(formula, true));
    rows.push({ workload: '1. interactive recompute', engine: 'TS float64, typed formula, update rules from the kernel IR (interpreted)', size: '8 runs x 1,000 steps', milliseconds: ms, throughput: `${((steps / ms) * 1e3 / 1e6).toFixed(2)} M steps/s` });
  }
  for (const [engine, objective] of [
    ['TS float64, typed formula', formula],
    ['TS float64, built-in surface', surface],
  ] as const) {
    const ms = medianMilliseconds(() => sampleObjective(objective, [[-2, 2], [-1, 3]], 512, 512));
    rows.push({ workload: '2. surface sampling', engine, size: '512 x 512', milliseconds: ms, throughput: `${((512 * 512) / ms * 1e3 / 1e6).toFixed(1)} M evals/s` });
  }
  {
    // workload 3 in Node, one thread: 256 x 256 Adam runs x 500 steps on Rosenbrock
    const adam = getOptimizer('adam')!;
    const template = { objective: surface, method: firstOrderMethod(adam), optimizer: adam, hyper: { ...defaultHyperValues(adam.hyperSpecs), lr: 0.01 }, numSteps: 500 };
    const job: BasinJob = { kind: 'basin', domain: [[-2, 2], [-1, 3]], columns: 256, rows: 256, minima: surface.minima, tolerance: 0.01 };
    const out = new Float64Array(256 * 256 * summaryStride(2));
    const ms = medianMilliseconds(() => runBatchRange(template, job, 0, 256 * 256, out, 0), 3, 1);
    rows.push({ workload: '3. basin map 256x256, Adam, Rosenbrock', engine: 'TS float64, Node, 1 thread', size: '65536 runs x 500 steps', milliseconds: ms, throughput: `${((256 * 256 * 500) / ms / 1e3).toFixed(1)}M run-steps/s` });
  }
  rows.push(...familyRows(surface));
  rows.push(...runNodeModelBench());
  return rows;
}

/** Workloads 8 and 9 in Node, one thread: the small MLP's SGD updates/s and digits-shaped full-batch steps/s (src/bench/model-workloads.ts). */
export function runNodeModelBench(): BenchRow[] {
  const rows: BenchRow[] = [];
  const moons = twoMoons500();
  {
    const { model, start } = benchModel(SMALL_MLP, moons);
    const order = epochOrder(moons.rows, 100);
    let updates = 0;
    const ms = medianTime(() => {
      updates = trainMiniBatchSgd(model, moons, Float64Array.from(start), order, SMALL_MLP_BATCH, SMALL_MLP_LEARNING_RATE).updates;
    });
    rows.push({ workload: '8. small MLP 2-8-8-1 tanh, SGD lr 0.03, batch 10, two moons 500', engine: 'TypeScript float64, Node, 1 thread', size: `${updates} updates (100 epochs)`, milliseconds: ms, throughput: `${(updates / ms).toFixed(1)}k updates/s (target >= 100k; TF Playground ~26k, quoted)` });
  }
  const digits = digitsShaped();
  for (const [name, spec, steps] of [
    ['softmax regression', { kind: 'softmax' } as const, 40],
    ['MLP 64-32-10 tanh', DIGITS_MLP, 20],
  ] as const) {
    const { model, start } = benchModel(spec, digits);
    const ms = medianTime(() => trainFullBatchSgd(model, digits, Float64Array.from(start), steps, 0.1), 3);
    rows.push({ workload: `9. ${name}, full-batch SGD lr 0.1, ${digits.source}`, engine: 'TypeScript float64, Node, 1 thread', size: `${steps} steps, ${model.parameterCount} parameters`, milliseconds: ms, throughput: `${((steps / ms) * 1e3).toFixed(1)} steps/s` });
  }
  return rows;
}

/**
 * Workload 6: one interactive run of each method (its defaults, 1,000 steps from (−1.5, 2) on the
 * Rosenbrock surface, fewer where its stopping test ends it), grouped by family: steps/s and
 * evaluations of f per second, so a family's cost per step is seen beside the others' (ratio: to SGD).
 * Methods the surface cannot serve (residuals) are left out.
 */
function familyRows(surface: Objective): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const family of Object.keys(METHOD_FAMILY_NAMES) as MethodFamily[]) {
    // the least-squares methods need residuals, which the surface does not offer
    for (const method of METHODS.filter((candidate) => candidate.family === family && unmetNeed(candidate, surface) === null)) {
      const hyper = defaultMethodHyper(method.hyperSpecs);
      const run = () => runMethod({ objective: surface, method, hyper, start: [-1.5, 2], numSteps: 1000, seed: 1 });
      const sample = run();
      const stepsTaken = sample.loss.length - 1;
      const evaluations = sample.evaluations.function[stepsTaken];
      const ms = medianMilliseconds(run, 7, 2);
      rows.push({
        workload: '6. one interactive run of each method',
        engine: `TS float64, ${METHOD_FAMILY_NAMES[family]}: ${method.id}`,
        size: `${stepsTaken} steps${stepsTaken < 1000 ? ` (${sample.converged ? 'converged' : 'stopped'})` : ''}, ${evaluations} f evals`,
        milliseconds: ms,
        throughput: `${((stepsTaken / ms) * 1e3 / 1e3).toFixed(1)}k steps/s, ${((evaluations / ms) * 1e3 / 1e6).toFixed(2)} M f evals/s`,
      });
    }
  }
  return rows;
}
