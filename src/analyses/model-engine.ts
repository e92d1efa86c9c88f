// Which engine trains a model workload: the float64 TypeScript models (exact, the interactive path),
// the tfjs tensor program on WebGPU (gpu/model-training/train-models.ts: any network, SGD/momentum/
// Adam, M models batched), or the fused MLP shader (fused-mlp-shader.ts: small networks, plain SGD,
// one dispatch per chunk of steps). Pure: the pool or worker asks it with the workload's size and
// the adapter, as chooseEngine in plan.ts does for the batch engine. Costs are estimated from the
// figures `npm run bench -- --models-only` measured (rows 8-10; see the constants).
import type { AdapterDescription } from '../engine/batch/types';
import { isSoftwareAdapter } from './plan';

/** The engines a model workload can run on. */
export type ModelEngine = 'typescript' | 'webgpu-program' | 'webgpu-fused';

/** The most parameters a network may have for the fused shader (each one lives in a register, twice). */
export const FUSED_MAX_PARAMETERS = 512;

/** The size of a model workload. */
export interface ModelWorkloadSize {
  /** Rows each step reads (the batch size, or every row for full batch). */
  readonly batchRows: number;
  readonly parameterCount: number;
  /** Models trained together (a sweep's rates, a seed band's seeds; 1 for one run). */
  readonly models: number;
  readonly steps: number;
  /** The fused shader can run it: a network of at most FUSED_MAX_PARAMETERS parameters, plain SGD. */
  readonly fusedFits: boolean;
}

/** What the caller knows when it picks. */
export interface ModelEngineInput {
  readonly preference: 'auto' | 'js' | 'webgpu';
  readonly workload: ModelWorkloadSize;
  /** TypeScript workers the models can be spread over (a single model uses one). */
  readonly workers: number;
  /** null: no WebGPU adapter. */
  readonly adapter: AdapterDescription | null;
}

/** The engine, the reason in words, and the estimated milliseconds per engine that decided it. */
export interface ModelEngineChoice {
  readonly engine: ModelEngine;
  readonly reason: string;
  readonly estimatedMs: Readonly<Partial<Record<ModelEngine, number>>>;
}

/**
 * TypeScript: nanoseconds per (row × parameter) of one forward and backward pass, one worker.
 * Measured in Node (bench rows 8-9, quiet machine): 2.9 (softmax 1797 × 650), 3.6 (MLP 64-32-10),
 * 8.3 (2-8-8-1, batches of 10: the per-update overhead shows); 5 is their middle.
 */
export const TYPESCRIPT_NS_PER_ROW_PARAMETER = 5;
/** TypeScript: fixed cost per update (batch gathering, the update loop), from the 2-8-8-1 row. */
export const TYPESCRIPT_NS_PER_UPDATE = 2_000;

/**
 * The tfjs tensor program's fixed cost per step (≈ 30-40 dispatches of forward, backward and
 * update). On a GPU, DEVELOPERS.md's 4-50 µs per op (estimated, no GPU here). On SwiftShader, bench
 * row 9 measured 363 ms (softmax) and 574 ms (64-32-10 MLP) per full-batch digits step, and row 10
 * 5.2 s per step of the 256-model sweep: reductions along the last axis and batched matMuls run
 * small workgroups that a CPU emulates slowly, so there the program never wins.
 */
export const PROGRAM_MS_PER_STEP = { gpu: 1.5, software: 300 } as const;
/** The tensor program's arithmetic: ns per (model × row × parameter); a GPU's throughput hides it, SwiftShader's does not (row 10: ~18 µs). */
export const PROGRAM_NS_PER_ROW_PARAMETER = { gpu: 0.01, software: 2000 } as const;
/**
 * The fused shader: ns per (model × row × parameter), all models in parallel threads. SwiftShader
 * (bench row 10, the 256-rate sweep): 607 ms for 256 × 1000 × 10 × 105 = 2.3 ns; a GPU: estimated 100× faster.
 */
export const FUSED_NS_PER_ROW_PARAMETER = { gpu: 0.02, software: 2 } as const;
/**
 * The fused shader's floor: one model is one thread, and a GPU thread (or one SwiftShader lane) is
 * slower than a CPU core at the same loop: ns per (row × parameter) of a single model, estimated.
 */
export const FUSED_SERIAL_NS_PER_ROW_PARAMETER = { gpu: 20, software: 10 } as const;
/** A GPU engine must be estimated this much faster to be picked (estimates are rough; TypeScript is exact). */
export const GPU_MARGIN = 1.5;

/** Estimated milliseconds of each engine that can run the workload. */
export function estimateModelEngines(workload: ModelWorkloadSize, workers: number, adapter: AdapterDescription | null): Partial<Record<ModelEngine, number>> {
  const { batchRows, parameterCount, models, steps } = workload;
  const rowParameters = batchRows * parameterCount;
  const parallel = Math.max(1, Math.min(workers, models));
  const estimates: Partial<Record<ModelEngine, number>> = {
    typescript: (models * steps * (rowParameters * TYPESCRIPT_NS_PER_ROW_PARAMETER + TYPESCRIPT_NS_PER_UPDATE)) / parallel / 1e6,
  };
  if (adapter === null) return estimates;
  const kind = isSoftwareAdapter(adapter) ? 'software' : 'gpu';
  estimates['webgpu-program'] = steps * (PROGRAM_MS_PER_STEP[kind] + (models * rowParameters * PROGRAM_NS_PER_ROW_PARAMETER[kind]) / 1e6);
  if (workload.fusedFits) {
    estimates['webgpu-fused'] = (steps * rowParameters * Math.max(models * FUSED_NS_PER_ROW_PARAMETER[kind], FUSED_SERIAL_NS_PER_ROW_PARAMETER[kind])) / 1e6;
  }
  return estimates;
}

/** Picks the engine for a model workload: forced if asked (and possible), else the fastest estimate, TypeScript unless a GPU engine wins by GPU_MARGIN. */
export function chooseModelEngine(input: ModelEngineInput): ModelEngineChoice {
  const { workload, adapter } = input;
  const estimatedMs = estimateModelEngines(workload, input.workers, adapter);
  const typescript = (reason: string): ModelEngineChoice => ({ engine: 'typescript', reason, estimatedMs });
  if (input.preference === 'js') return typescript('TypeScript forced by ?engine=js');
  if (adapter === null) return typescript(input.preference === 'webgpu' ? '?engine=webgpu asked for, but there is no WebGPU adapter' : 'no WebGPU adapter');
  const gpuEngines = (['webgpu-fused', 'webgpu-program'] as const).filter((engine) => estimatedMs[engine] !== undefined);
  const fastestGpu = gpuEngines.reduce((best, engine) => ((estimatedMs[engine] as number) < (estimatedMs[best] as number) ? engine : best));
  const gpuMs = estimatedMs[fastestGpu] as number;
  const name = fastestGpu === 'webgpu-fused' ? 'the fused WebGPU shader' : 'the tfjs WebGPU program';
  if (input.preference === 'webgpu') return { engine: fastestGpu, reason: `WebGPU forced by ?engine=webgpu: ${name}`, estimatedMs };
  const typescriptMs = estimatedMs.typescript as number;
  const figures = `~${formatMs(gpuMs)} vs TypeScript ~${formatMs(typescriptMs)} on ${Math.max(1, Math.min(input.workers, workload.models))} worker(s)`;
  if (gpuMs * GPU_MARGIN < typescriptMs) return { engine: fastestGpu, reason: `${name} is estimated faster: ${figures}`, estimatedMs };
  const software = isSoftwareAdapter(adapter) ? ' (SwiftShader is a CPU, not a GPU)' : '';
  return typescript(`TypeScript is estimated as fast or faster${software}: ${name} ${figures}`);
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 10 ? 0 : 1)} ms`;
}
