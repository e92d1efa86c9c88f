import { describe, expect, it } from 'vitest';
import type { BatchOutcome } from '../../engine/batch/types';
import { adapterName, currentHyper, describeAwaiting, describeOutcome, describeProgress, describeSeedsMemory, formatBytes, formatDuration, formatEstimate, percentDone } from './analysis-format';
import { seedsMemory } from '../../analyses/seed-points';

const SWIFTSHADER = { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true };

describe('describeOutcome', () => {
  it('says engine, adapter or workers, and throughput, as the issue spells them', () => {
    const gpu: BatchOutcome = { engine: 'webgpu', workers: 1, adapter: SWIFTSHADER, reason: 'measured faster', elapsedMs: 1234, runStepsPerSecond: 92.4e6 };
    expect(describeOutcome(gpu)).toBe('WebGPU · SwiftShader (fallback) · 92.4M run-steps/s · 1.2 s');
    const js: BatchOutcome = { engine: 'js', workers: 2, adapter: null, reason: 'forced', elapsedMs: 640, runStepsPerSecond: 40e6 };
    expect(describeOutcome(js)).toBe('TypeScript · 2 workers · 40M run-steps/s · 640 ms');
    expect(describeOutcome({ ...js, workers: 1 })).toBe('TypeScript · 1 worker · 40M run-steps/s · 640 ms');
  });

  it('names real adapters by their description, or vendor and architecture', () => {
    expect(adapterName({ vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H100 80GB HBM3', isFallbackAdapter: false })).toBe('NVIDIA H100 80GB HBM3');
    expect(adapterName({ vendor: 'nvidia', architecture: 'hopper', device: '', description: '', isFallbackAdapter: false })).toBe('Nvidia (hopper)');
    expect(adapterName({ vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: true })).toBe('unnamed adapter (fallback)');
  });
});

describe('progress', () => {
  it('counts what is done and the time left', () => {
    expect(describeProgress({ done: 1234, total: 16384, elapsedMs: 500, etaMs: 3200 }, 'cells')).toBe('1,234 of 16,384 cells · about 3.2 s left');
    expect(describeProgress({ done: 0, total: 100, elapsedMs: 0, etaMs: null }, 'runs')).toBe('0 of 100 runs');
    expect(describeProgress(null, 'runs')).toBe('starting…');
    expect(percentDone({ done: 1, total: 3, elapsedMs: 0, etaMs: null })).toBe(33);
    expect(percentDone(null)).toBe(0);
  });

  it('formats durations for people', () => {
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(15_400)).toBe('15 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
  });
});

describe('currentHyper', () => {
  it('reads the run’s value, else torch’s default', () => {
    expect(currentHyper({ optimizer: 'adam', hyper: { lr: 0.05 }, start: [0, 0] }, 'lr')).toBe(0.05);
    expect(currentHyper({ optimizer: 'adam', hyper: {}, start: [0, 0] }, 'beta1')).toBe(0.9);
    expect(currentHyper({ optimizer: 'adam', hyper: { betas: [0.5, 0.99] }, start: [0, 0] }, 'beta1')).toBe(0.5);
    expect(currentHyper({ optimizer: 'sgd', hyper: {}, start: [0, 0] }, 'momentum')).toBe(0);
    expect(currentHyper({ optimizer: 'sgd', hyper: {}, start: [0, 0] }, 'beta1')).toBeNaN();
  });
});

describe('the estimate a link’s costly analysis waits with', () => {
  it('rounds durations as an estimate: seconds, minutes, hours, days', () => {
    expect(formatEstimate(12_400)).toBe('about 12 s');
    expect(formatEstimate(12 * 60_000 + 20_000)).toBe('about 12 min');
    expect(formatEstimate(81 * 3_600_000)).toBe('about 3 days');
    expect(formatEstimate(45 * 3_600_000)).toBe('about 45 h');
  });

  it('says what would run and where', () => {
    const cost = { runs: 512 * 512, runsText: '512×512 starts', steps: 100_000, runSteps: 512 * 512 * 100_000, estimatedMs: 12 * 60_000, workers: 8 };
    expect(describeAwaiting('basin map', cost)).toBe('This basin map would take about 12 min on this machine (512×512 starts × 100,000 steps, 8 workers).');
  });

  it('states the memory many seeds keep', () => {
    expect(formatBytes(850)).toBe('850 B');
    expect(formatBytes(1_600)).toBe('1.6 kB');
    expect(formatBytes(160_000)).toBe('160 kB');
    expect(formatBytes(4_800_000)).toBe('4.8 MB');
    expect(describeSeedsMemory(1_000, 100_000, seedsMemory(1_000, 100_000, 2, 1, 8))).toBe(
      '1,000 seeds × 100,000 steps: quartiles at 1,398 evenly spaced steps and each seed’s outcome, 200 kB kept; no seed’s whole path is kept.',
    );
  });
});
