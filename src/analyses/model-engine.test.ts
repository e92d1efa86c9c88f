import { describe, expect, it } from 'vitest';
import type { AdapterDescription } from '../engine/batch/types';
import { chooseModelEngine, estimateModelEngines, type ModelWorkloadSize } from './model-engine';

const SWIFTSHADER: AdapterDescription = { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true };
const GPU: AdapterDescription = { vendor: 'nvidia', architecture: 'hopper', device: '', description: '', isFallbackAdapter: false };

// the bench's workloads (rows 8-10)
const SMALL_MLP_RUN: ModelWorkloadSize = { batchRows: 10, parameterCount: 105, models: 1, steps: 1000, fusedFits: true };
const SWEEP: ModelWorkloadSize = { batchRows: 10, parameterCount: 105, models: 256, steps: 1000, fusedFits: true };
const DIGITS_MLP: ModelWorkloadSize = { batchRows: 1797, parameterCount: 2410, models: 1, steps: 200, fusedFits: false };
const DIGITS_SOFTMAX: ModelWorkloadSize = { batchRows: 1797, parameterCount: 650, models: 1, steps: 200, fusedFits: false };

describe('chooseModelEngine', () => {
  it('keeps one small model on TypeScript everywhere (the interactive path)', () => {
    for (const adapter of [null, SWIFTSHADER, GPU]) expect(chooseModelEngine({ preference: 'auto', workload: SMALL_MLP_RUN, workers: 2, adapter }).engine).toBe('typescript');
  });

  it('sends the 256-rate sweep to the fused shader on SwiftShader, as bench row 10 measured (3.5x one worker, 1.8x two)', () => {
    const choice = chooseModelEngine({ preference: 'auto', workload: SWEEP, workers: 2, adapter: SWIFTSHADER });
    expect(choice.engine).toBe('webgpu-fused');
    expect(choice.reason).toMatch(/fused WebGPU shader is estimated faster/);
    // without the fused shader (Adam, a large network) the op-by-op program loses on SwiftShader
    expect(chooseModelEngine({ preference: 'auto', workload: { ...SWEEP, fusedFits: false }, workers: 2, adapter: SWIFTSHADER }).engine).toBe('typescript');
  });

  it('keeps digits on TypeScript on SwiftShader (bench row 9: the program is slower there) and sends it to a real GPU', () => {
    for (const workload of [DIGITS_MLP, DIGITS_SOFTMAX]) {
      const software = chooseModelEngine({ preference: 'auto', workload, workers: 2, adapter: SWIFTSHADER });
      expect(software.engine).toBe('typescript');
      expect(software.reason).toMatch(/SwiftShader is a CPU/);
      expect(chooseModelEngine({ preference: 'auto', workload, workers: 2, adapter: GPU }).engine).toBe('webgpu-program');
    }
  });

  it('obeys ?engine=js, and ?engine=webgpu where there is an adapter', () => {
    expect(chooseModelEngine({ preference: 'js', workload: SWEEP, workers: 2, adapter: GPU }).engine).toBe('typescript');
    expect(chooseModelEngine({ preference: 'webgpu', workload: SMALL_MLP_RUN, workers: 2, adapter: SWIFTSHADER }).engine).toBe('webgpu-fused');
    expect(chooseModelEngine({ preference: 'webgpu', workload: DIGITS_MLP, workers: 2, adapter: SWIFTSHADER }).engine).toBe('webgpu-program');
    const none = chooseModelEngine({ preference: 'webgpu', workload: SWEEP, workers: 2, adapter: null });
    expect(none.engine).toBe('typescript');
    expect(none.reason).toMatch(/no WebGPU adapter/);
  });

  it('spreads TypeScript over at most one worker per model, and offers the fused shader only where it fits', () => {
    const one = estimateModelEngines(SMALL_MLP_RUN, 1, null).typescript as number;
    expect(estimateModelEngines(SMALL_MLP_RUN, 8, null).typescript).toBe(one);
    expect(estimateModelEngines(SWEEP, 2, null).typescript).toBeCloseTo((estimateModelEngines(SWEEP, 1, null).typescript as number) / 2, 9);
    expect(estimateModelEngines(DIGITS_MLP, 2, GPU)['webgpu-fused']).toBeUndefined();
    expect(estimateModelEngines(SWEEP, 2, null)['webgpu-program']).toBeUndefined();
  });
});
