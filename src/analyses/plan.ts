// Pure planning for the BatchPool: how a job is cut into ranges, what is left after a partial run,
// and which engine runs it. No workers here, so all of it is unit-tested in Node.
import type { AdapterDescription, BatchEngine } from '../engine/batch/types';

/** A half-open range of run indices [from, to). */
export type RunRange = readonly [from: number, to: number];

/** Run-steps one TypeScript range should hold: ~25 ms of work at ~20M run-steps/s, so cancel and progress stay prompt. */
export const RANGE_RUN_STEPS = 500_000;

/** Below this many runs a fused GPU kernel cannot win (DEVELOPERS.md: crossover N ≈ 4,096 even on SwiftShader). */
export const GPU_MIN_RUNS = 4096;

/** Cuts [0, total) into consecutive ranges of about RANGE_RUN_STEPS run-steps each (at least one run, at least `minimumRanges` ranges when there are enough runs). */
export function splitRanges(total: number, numSteps: number, minimumRanges = 1): RunRange[] {
  const bySteps = Math.max(1, Math.floor(RANGE_RUN_STEPS / Math.max(1, numSteps)));
  const byCount = Math.max(1, Math.ceil(total / minimumRanges));
  const size = Math.min(bySteps, byCount);
  const ranges: RunRange[] = [];
  for (let from = 0; from < total; from += size) ranges.push([from, Math.min(total, from + size)]);
  return ranges;
}

/** The parts of [0, total) that `done` (disjoint ranges, any order) does not cover, in order. */
export function missingRanges(total: number, done: readonly RunRange[]): RunRange[] {
  const sorted = [...done].sort((a, b) => a[0] - b[0]);
  const missing: RunRange[] = [];
  let next = 0;
  for (const [from, to] of sorted) {
    if (from > next) missing.push([next, from]);
    next = Math.max(next, to);
  }
  if (next < total) missing.push([next, total]);
  return missing;
}

/** Measured throughputs (run-steps per second) that decide between the engines. */
export interface Throughputs {
  /** One TypeScript worker. */
  readonly jsPerWorker: number;
  /** The fused WebGPU kernel on this adapter. */
  readonly webgpu: number;
}

/** What the pool knows when it picks an engine for a job. */
export interface EngineChoiceInput {
  readonly preference: 'auto' | BatchEngine;
  readonly numRuns: number;
  readonly numSteps: number;
  readonly noise: number;
  /** Coordinates of the problem: the WebGPU kernels run 2-D formulas only. */
  readonly dimension: number;
  /** The method's name and whether it has a fused WebGPU kernel (today the torch-style first-order optimizers only). */
  readonly method: { readonly name: string; readonly hasKernel: boolean };
  readonly workers: number;
  /** null: no WebGPU adapter (or not asked yet). */
  readonly adapter: AdapterDescription | null;
  /** Why there is no adapter, when there is none. */
  readonly adapterMessage: string;
  /** null: not measured on this adapter yet. */
  readonly measured: Throughputs | null;
  /**
   * A data problem's job: what the model trainers' own chooser (analyses/model-engine.ts) picked for
   * its workload, or why WebGPU cannot run it.
   */
  readonly model?: { readonly engine: BatchEngine; readonly reason: string } | string;
}

/** The engine for a job and the reason, in words for the user. */
export interface EngineChoice {
  readonly engine: BatchEngine;
  readonly reason: string;
  /** True when 'auto' would pick WebGPU only if a measurement showed it faster: measure first. */
  readonly needsMeasurement: boolean;
}

/** A software adapter (SwiftShader) is not a GPU, whatever it calls itself. */
export function isSoftwareAdapter(adapter: AdapterDescription): boolean {
  return adapter.isFallbackAdapter || /swiftshader/i.test(`${adapter.architecture} ${adapter.vendor} ${adapter.description} ${adapter.device}`);
}

/** The WebGPU kernels are generated from a formula f(x, y): they run two-dimensional problems only. */
export const GPU_DIMENSION = 2;

/** Why an n-dimensional problem runs on TypeScript. */
export const N_DIMENSIONAL_REASON = 'n-dimensional problem: the WebGPU kernels run 2-D formulas';

/** Picks the engine: a forced one if possible, else by the method's kernel, the problem's dimension, size, noise, the adapter and measured throughput. */
export function chooseEngine(input: EngineChoiceInput): EngineChoice {
  const { preference, adapter } = input;
  const cpu = (reason: string): EngineChoice => ({ engine: 'js', reason, needsMeasurement: false });
  if (preference === 'js') return cpu('TypeScript forced by ?engine=js');
  if (input.model !== undefined) {
    if (typeof input.model === 'string') return cpu(preference === 'webgpu' ? `?engine=webgpu asked for, but ${input.model}` : input.model);
    return { ...input.model, needsMeasurement: false };
  }
  // never WebGPU for a method without a kernel, whatever was asked for
  if (!input.method.hasKernel) {
    const reason = `${input.method.name} has no WebGPU kernel: it runs on the TypeScript pool`;
    return cpu(preference === 'webgpu' ? `?engine=webgpu asked for, but ${reason}` : reason);
  }
  if (input.dimension !== GPU_DIMENSION) return cpu(preference === 'webgpu' ? `?engine=webgpu asked for, but it fell back to TypeScript (${N_DIMENSIONAL_REASON})` : N_DIMENSIONAL_REASON);
  if (input.noise > 0) return cpu('gradient noise runs on the TypeScript path only (its seeded noise stream is float64)');
  if (preference === 'webgpu') {
    if (adapter === null) return cpu(`?engine=webgpu asked for, but ${input.adapterMessage || 'there is no WebGPU adapter'}`);
    return { engine: 'webgpu', reason: 'WebGPU forced by ?engine=webgpu', needsMeasurement: false };
  }
  if (adapter === null) return cpu(input.adapterMessage || 'no WebGPU adapter');
  if (input.numRuns < GPU_MIN_RUNS) return cpu(`${input.numRuns} runs are below the GPU crossover (${GPU_MIN_RUNS})`);
  const software = isSoftwareAdapter(adapter);
  const { measured } = input;
  if (measured === null) {
    if (software) return { engine: 'js', reason: 'SwiftShader is not a GPU unless measured faster', needsMeasurement: true };
    return { engine: 'webgpu', reason: `${adapter.vendor || 'a'} GPU, ${input.numRuns} runs (above the crossover)`, needsMeasurement: false };
  }
  const cpuRate = measured.jsPerWorker * input.workers;
  const gpuText = `WebGPU ${formatRate(measured.webgpu)}`;
  const cpuText = `TypeScript ${formatRate(cpuRate)} on ${input.workers} worker${input.workers === 1 ? '' : 's'}`;
  if (measured.webgpu > cpuRate) return { engine: 'webgpu', reason: `WebGPU measured faster here: ${gpuText} vs ${cpuText} run-steps/s`, needsMeasurement: false };
  return cpu(`TypeScript measured faster here: ${cpuText} vs ${gpuText} run-steps/s`);
}

/** A throughput for people: 92M, 3.1M, 450k. */
export function formatRate(runStepsPerSecond: number): string {
  const compact = (value: number) => (value >= 10 ? String(Math.round(value)) : value.toPrecision(2));
  if (runStepsPerSecond >= 1e9) return `${compact(runStepsPerSecond / 1e9)}G`;
  if (runStepsPerSecond >= 1e6) return `${compact(runStepsPerSecond / 1e6)}M`;
  if (runStepsPerSecond >= 1e3) return `${compact(runStepsPerSecond / 1e3)}k`;
  return compact(runStepsPerSecond);
}

/** Milliseconds left at the rate so far (null before anything is done). */
export function estimateRemaining(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0) return null;
  return (elapsedMs * (total - done)) / done;
}

/** The gradient-free and zeroth-order methods whose per-run state is a few floats: they have fused WebGPU kernels for basin maps (src/gpu/gradient-free-program.ts). */
export const GRADIENT_FREE_KERNEL_IDS = ['random_search', 'simulated_annealing', 'one_plus_one_es', 'spsa', 'zo_sgd', 'zo_sign_sgd', 'zo_adam'] as const;

/** A method with a fused gradient-free kernel. */
export type GradientFreeKernelId = (typeof GRADIENT_FREE_KERNEL_IDS)[number];

/** The method's gradient-free kernel, or null when it has none. */
export function gradientFreeKernelOf(methodId: string): GradientFreeKernelId | null {
  return (GRADIENT_FREE_KERNEL_IDS as readonly string[]).includes(methodId) ? (methodId as GradientFreeKernelId) : null;
}

/** Whether a job has a fused WebGPU kernel: a torch-style optimizer's (any job), or a gradient-free method's (basin maps). */
export function hasFusedKernel(settings: { readonly method: { readonly id: string }; readonly optimizer?: unknown }, jobKind: 'basin' | 'sweep' | 'seeds'): boolean {
  if (settings.optimizer !== undefined) return jobKind !== 'seeds';
  return jobKind === 'basin' && gradientFreeKernelOf(settings.method.id) !== null;
}
