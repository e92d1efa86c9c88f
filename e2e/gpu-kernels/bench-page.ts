// bench.html (src/bench/main.ts) as the GPU kernel spec drives it: the batch pool's WebGPU worker
// behind window.playgroundBench, opened once per test by the `bench` fixture.
import type { Page } from '@playwright/test';
import { expect, test as base } from '../console-errors';
import type { AdapterDescription, BasinJob, BatchOutcome, SweepJob } from '../../src/engine/batch/types';
import type { Experiment } from '../../src/experiment/experiment';

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

/** The bench page: opens it, asks which adapter the WebGPU worker has, and runs summaries jobs there. */
export class BenchPage {
  constructor(readonly page: Page) {}

  /** Opens bench.html and waits until its WebGPU worker answers with an adapter. */
  async open(): Promise<void> {
    await this.page.goto('/bench.html');
    await this.page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const adapter = await this.gpuInfo();
    expect(adapter, 'the WebGPU worker found no adapter: Chromium needs --enable-unsafe-webgpu (scripts/chromium-flags.json)').not.toBeNull();
  }

  /** The adapter the WebGPU worker runs on (null: none). */
  gpuInfo(): Promise<AdapterDescription | null> {
    return this.page.evaluate(() => (window as unknown as BenchWindow).playgroundBench.gpuInfo());
  }

  /** A basin map or sweep computed by the fused kernels in the page; fails unless WebGPU really ran it. */
  async onGpu(experiment: Experiment, job: BasinJob | SweepJob, engine: 'webgpu' | 'naive' = 'webgpu'): Promise<BenchResult & { summaries: number[] }> {
    const request = { experiment, runIndex: 0, job, engine, withSummaries: true };
    const result = await this.page.evaluate((r) => (window as unknown as BenchWindow).playgroundBench.summaries(r), request);
    if (engine === 'webgpu') {
      expect(result.outcome?.notice, 'the WebGPU job fell back to TypeScript').toBeUndefined();
      expect(result.outcome?.engine).toBe('webgpu');
    }
    return result as BenchResult & { summaries: number[] };
  }
}

/** Playwright's test with a `bench` fixture: bench.html open, its WebGPU worker on an adapter. */
export const test = base.extend<{ bench: BenchPage }>({
  bench: async ({ page }, use) => {
    const bench = new BenchPage(page);
    await bench.open();
    await use(bench);
  },
});

export { expect };
