import { describe, expect, it } from 'vitest';
import { chooseEngine, estimateRemaining, formatRate, missingRanges, splitRanges, type EngineChoiceInput } from './plan';

describe('splitRanges', () => {
  it('covers [0, total) with ranges of about RANGE_RUN_STEPS run-steps', () => {
    const ranges = splitRanges(10_000, 500);
    expect(ranges[0]).toEqual([0, 1000]);
    expect(ranges.at(-1)).toEqual([9000, 10_000]);
    expect(splitRanges(5, 1e6)).toEqual([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]);
    expect(splitRanges(10, 1, 4)).toEqual([[0, 3], [3, 6], [6, 9], [9, 10]]);
    expect(splitRanges(0, 10)).toEqual([]);
  });
});

describe('missingRanges', () => {
  it('finds the gaps left by ranges received in any order', () => {
    expect(missingRanges(100, [[40, 60], [0, 10]])).toEqual([[10, 40], [60, 100]]);
    expect(missingRanges(10, [[0, 10]])).toEqual([]);
    expect(missingRanges(10, [])).toEqual([[0, 10]]);
  });
});

describe('chooseEngine', () => {
  const swiftShader = { vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader Device (Subzero)', isFallbackAdapter: true };
  const gpu = { vendor: 'nvidia', architecture: 'hopper', device: '', description: '', isFallbackAdapter: false };
  const base: EngineChoiceInput = { preference: 'auto', numRuns: 65536, numSteps: 500, noise: 0, dimension: 2, workers: 2, adapter: gpu, adapterMessage: '', measured: null, method: { name: 'Adam', hasKernel: true } };

  it('never picks WebGPU for a method without a kernel, even forced or measured faster', () => {
    const nelderMead = { name: 'Nelder-Mead', hasKernel: false };
    const reason = 'Nelder-Mead has no WebGPU kernel: it runs on the TypeScript pool';
    expect(chooseEngine({ ...base, method: nelderMead })).toEqual({ engine: 'js', reason, needsMeasurement: false });
    expect(chooseEngine({ ...base, method: nelderMead, preference: 'webgpu' })).toEqual({ engine: 'js', reason: `?engine=webgpu asked for, but ${reason}`, needsMeasurement: false });
    expect(chooseEngine({ ...base, method: nelderMead, adapter: swiftShader, measured: { webgpu: 90e6, jsPerWorker: 1e6 } }).engine).toBe('js');
    expect(chooseEngine({ ...base, method: nelderMead, preference: 'js' }).reason).toBe('TypeScript forced by ?engine=js');
  });

  it('honours ?engine=, except WebGPU without an adapter', () => {
    expect(chooseEngine({ ...base, preference: 'js' })).toMatchObject({ engine: 'js', reason: expect.stringMatching(/forced/) });
    expect(chooseEngine({ ...base, preference: 'webgpu', adapter: swiftShader })).toMatchObject({ engine: 'webgpu' });
    expect(chooseEngine({ ...base, preference: 'webgpu', adapter: null, adapterMessage: 'navigator.gpu is missing' }).reason).toMatch(/navigator.gpu is missing/);
  });

  it('keeps small and noisy jobs on TypeScript, large ones on a real GPU', () => {
    expect(chooseEngine({ ...base, numRuns: 1024 }).engine).toBe('js');
    expect(chooseEngine({ ...base, noise: 0.1 }).engine).toBe('js');
    expect(chooseEngine(base).engine).toBe('webgpu');
  });

  it('runs an n-dimensional problem on TypeScript, and says it fell back when WebGPU was forced', () => {
    expect(chooseEngine({ ...base, dimension: 10 })).toEqual({ engine: 'js', reason: 'n-dimensional problem: the WebGPU kernels run 2-D formulas', needsMeasurement: false });
    expect(chooseEngine({ ...base, dimension: 10, adapter: null }).reason).toBe('n-dimensional problem: the WebGPU kernels run 2-D formulas');
    expect(chooseEngine({ ...base, dimension: 10, preference: 'webgpu' })).toMatchObject({
      engine: 'js',
      reason: '?engine=webgpu asked for, but it fell back to TypeScript (n-dimensional problem: the WebGPU kernels run 2-D formulas)',
    });
    expect(chooseEngine({ ...base, dimension: 10, preference: 'js' }).reason).toBe('TypeScript forced by ?engine=js');
  });

  it('treats SwiftShader as no GPU until a measurement shows it faster', () => {
    expect(chooseEngine({ ...base, adapter: swiftShader })).toMatchObject({ engine: 'js', needsMeasurement: true });
    expect(chooseEngine({ ...base, adapter: { ...swiftShader, isFallbackAdapter: false } }).needsMeasurement).toBe(true);
    expect(chooseEngine({ ...base, adapter: swiftShader, measured: { webgpu: 90e6, jsPerWorker: 20e6 } })).toMatchObject({ engine: 'webgpu', reason: expect.stringMatching(/WebGPU 90M vs TypeScript 40M on 2 workers/) });
    expect(chooseEngine({ ...base, adapter: swiftShader, measured: { webgpu: 30e6, jsPerWorker: 20e6 } }).reason).toBe('TypeScript measured faster here: TypeScript 40M on 2 workers vs WebGPU 30M run-steps/s');
  });
});

describe('formatRate and estimateRemaining', () => {
  it('reads like a person would say it', () => {
    expect(formatRate(92_345_678)).toBe('92M');
    expect(formatRate(3_100_000)).toBe('3.1M');
    expect(formatRate(450_000)).toBe('450k');
    expect(estimateRemaining(25, 100, 1000)).toBe(3000);
    expect(estimateRemaining(0, 100, 1000)).toBeNull();
  });
});
