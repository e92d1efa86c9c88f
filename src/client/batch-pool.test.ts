import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUMMARY_OFFSET, summaryStride, type BasinJob, type SeedsJob, type SweepJob } from '../engine/batch/types';
import { getMethod } from '../engine/methods';
import { sweepCellHyper } from '../engine/batch/cells';
import { deriveSeed } from '../engine/random';
import { runMethod } from '../engine/run';
import { resolveProblem, resolveRun } from '../experiment/run-experiment';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { BatchHandler } from '../worker/batch-handler';
import { isAbort } from './abort';
import { BatchPool, GPU_LOST_NOTICE } from './batch-pool';
import { WorkerHealth } from './worker-health';
import { BATCH_PROTOCOL_VERSION, type BatchRequest, type BatchResponse } from '../worker/batch-protocol';

// In-process stand-ins for the workers: they answer asynchronously through the same protocol, so
// the pool's splitting, streaming, cancelling and recovery run as they do in the browser.
type Listener = (event: { data: BatchResponse; message?: string; preventDefault(): void }) => void;

class FakeWorker {
  readonly received: BatchRequest[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  terminated = false;
  /** Gone silent: self.close() (no event reaches the page) or a busy loop. */
  silent = false;
  constructor(private readonly serve: (request: BatchRequest, worker: FakeWorker) => void) {
    queueMicrotask(() => this.emit({ type: 'ready', protocolVersion: BATCH_PROTOCOL_VERSION }));
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(request: BatchRequest | { type: 'ping'; pingId: number }): void {
    if (request.type === 'ping') return void setTimeout(() => this.emit({ type: 'pong', pingId: request.pingId } as never), 0);
    this.received.push(request);
    setTimeout(() => !this.terminated && !this.silent && this.serve(request, this), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(data: BatchResponse): void {
    if (this.terminated || this.silent) return;
    for (const listener of this.listeners.get('message') ?? []) listener({ data, preventDefault() {} });
  }
  crash(message: string): void {
    for (const listener of this.listeners.get('error') ?? []) listener({ data: undefined as never, message, preventDefault() {} });
  }
}

const typescriptWorker = () => {
  const handler = new BatchHandler();
  return new FakeWorker((request, worker) => worker.emit(handler.handle(request).response));
};

const experiment: Experiment = { ...DEFAULT_EXPERIMENT, problem: { kind: 'surface', surface: 'himmelblau', params: {} }, steps: 40, runs: [{ optimizer: 'adam', hyper: { lr: 0.1 }, start: [0, 0] }] };
const source = { experiment, runIndex: 0 };
const job: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 40, rows: 30, minima: [], tolerance: 0.01 };
/** Floats per run of the 2-D jobs here. */
const SUMMARY_STRIDE = summaryStride(2);
const noGpu = () => new FakeWorker((request, worker) => worker.emit({ type: 'gpuInfo', requestId: request.requestId, adapter: null, message: 'no WebGPU here' }));

/** The summaries computed in one piece, as the oracle for any split. */
function direct(from: number, to: number): Float64Array {
  const { response } = new BatchHandler().handle({ type: 'summarize', requestId: 0, source, job, from, to });
  if (response.type !== 'summaries') throw new Error(response.type);
  return response.summaries;
}

function collect(total: number) {
  const summaries = new Float64Array(total * SUMMARY_STRIDE).fill(NaN);
  const progress: number[] = [];
  return {
    summaries,
    progress,
    onPartial: (from: number, _to: number, part: Float64Array) => summaries.set(part, from * SUMMARY_STRIDE),
    onProgress: ({ done }: { done: number }) => progress.push(done),
  };
}

describe('BatchPool on the TypeScript path', () => {
  // a test on fake timers that fails midway must not leave them to the next
  afterEach(() => vi.useRealTimers());

  it('fills every run across the workers, with progress rising to the total', async () => {
    const created: FakeWorker[] = [];
    const pool = new BatchPool({ workers: 2, createWorker: () => (created.push(typescriptWorker()), created.at(-1) as unknown as Worker), createGpuWorker: () => noGpu() as unknown as Worker });
    const sink = collect(1200);
    const outcome = await pool.runSummaries(source, job, { engine: 'auto', ...sink });
    expect(Array.from(sink.summaries)).toEqual(Array.from(direct(0, 1200)));
    expect(sink.progress.at(-1)).toBe(1200);
    expect(sink.progress).toEqual([...sink.progress].sort((a, b) => a - b));
    expect(outcome.engine).toBe('js');
    expect(outcome.workers).toBe(2);
    expect(outcome.reason).toMatch(/no WebGPU here/);
    expect(created).toHaveLength(2);
    expect(created.every((worker) => worker.received.length > 0)).toBe(true);
  });

  it('is cancelled by its signal, rejecting with an AbortError', async () => {
    const pool = new BatchPool({ workers: 2, createWorker: () => typescriptWorker() as unknown as Worker, createGpuWorker: () => noGpu() as unknown as Worker });
    const controller = new AbortController();
    const big: BasinJob = { ...job, columns: 200, rows: 200 };
    const running = pool.runSummaries(source, big, { engine: 'js', signal: controller.signal, onProgress: () => controller.abort() });
    await expect(running).rejects.toSatisfy(isAbort);
  });

  it('restarts a crashed worker and recomputes its range', async () => {
    let crashes = 0;
    const pool = new BatchPool({
      workers: 1,
      createWorker: () => {
        const handler = new BatchHandler();
        return new FakeWorker((request, worker) => {
          if (crashes++ === 1) worker.crash('out of memory');
          else worker.emit(handler.handle(request).response);
        }) as unknown as Worker;
      },
    });
    const sink = collect(1200);
    await pool.runSummaries(source, job, { engine: 'js', ...sink });
    expect(Array.from(sink.summaries)).toEqual(Array.from(direct(0, 1200)));
  });

  it('replaces a worker that goes silent mid-job (close() or a hang: no event either way), reruns its range, and says the time left is unknown meanwhile', async () => {
    vi.useFakeTimers();
    try {
      const created: FakeWorker[] = [];
      const health = new WorkerHealth();
      let requests = 0;
      const pool = new BatchPool({
        workers: 2,
        health,
        timing: { pingIntervalMs: 100, pingDeadlineMs: 400 },
        locks: null,
        createWorker: () => {
          const handler = new BatchHandler();
          const worker = new FakeWorker((request, self) => {
            // the second range's worker goes silent instead of answering (the same with or without close(): no event)
            if (++requests === 2) self.silent = true;
            else self.emit(handler.handle(request).response);
          });
          created.push(worker);
          return worker as unknown as Worker;
        },
      });
      const etas: Array<number | null> = [];
      const sink = collect(1200);
      const done = pool.runSummaries(source, job, { engine: 'js', ...sink, onProgress: (progress) => (sink.onProgress(progress), etas.push(progress.etaMs)) });
      // a range of 600 40-step runs is allowed the 15 s floor and 20 times its estimate: well under a minute
      await vi.advanceTimersByTimeAsync(15_000);
      expect(created).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(45_000);
      await done;
      expect(Array.from(sink.summaries)).toEqual(Array.from(direct(0, 1200)));
      expect(created).toHaveLength(3);
      expect(created.filter((worker) => worker.terminated)).toHaveLength(1);
      expect(etas).toContain(null);
      expect(health.getSnapshot()).toEqual([
        { source: 'batch', status: 'recovered', message: 'A batch worker stopped answering and was restarted; its part of the job was recomputed.' },
      ]);
      pool.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails a job whose workers keep dying, with a message, instead of restarting them forever', async () => {
    let created = 0;
    const pool = new BatchPool({
      workers: 1,
      locks: null,
      createWorker: () => {
        created++;
        return new FakeWorker((_request, worker) => worker.crash('Uncaught Error: injected')) as unknown as Worker;
      },
    });
    await expect(pool.runSummaries(source, job, { engine: 'js' })).rejects.toThrow(/a batch worker failed 4 times on this job \(a batch worker crashed: Uncaught Error: injected\); run it again to retry/);
    expect(created).toBeLessThanOrEqual(5);
    pool.dispose();
  });

  it('reports a bad formula as a failure naming it', async () => {
    const pool = new BatchPool({ workers: 1, createWorker: () => typescriptWorker() as unknown as Worker });
    const bad = { experiment: { ...experiment, runs: [{ optimizer: 'adamm', hyper: {}, start: [0, 0] }] }, runIndex: 0 };
    await expect(pool.runSummaries(bad, job, { engine: 'js' })).rejects.toThrow(/adamm/);
  });
});

describe('BatchPool with a WebGPU worker', () => {
  const adapter = { vendor: 'nvidia', architecture: 'hopper', device: '', description: 'H100', isFallbackAdapter: false };

  it('reruns on the TypeScript path what a lost device did not finish, and says so', async () => {
    const gpu = () =>
      new FakeWorker((request, worker) => {
        if (request.type === 'gpuInfo') return worker.emit({ type: 'gpuInfo', requestId: request.requestId, adapter, message: '' });
        if (request.type !== 'summarize') return;
        // the first 100 runs arrive, then the device is lost
        worker.emit({ type: 'summaries', requestId: request.requestId, from: 0, to: 100, summaries: direct(0, 100), elapsedMs: 1 });
        worker.emit({ type: 'failed', requestId: request.requestId, message: 'device lost', deviceLost: true });
      });
    let gpuWorkers = 0;
    const health = new WorkerHealth();
    const pool = new BatchPool({ workers: 2, health, createWorker: () => typescriptWorker() as unknown as Worker, createGpuWorker: () => (gpuWorkers++, gpu() as unknown as Worker) });
    const big: BasinJob = { ...job, columns: 80, rows: 60 };
    const total = 4800;
    const sink = collect(total);
    const outcome = await pool.runSummaries(source, big, { engine: 'webgpu', ...sink });
    expect(outcome.engine).toBe('js');
    expect(outcome.notice).toBe(GPU_LOST_NOTICE);
    expect(outcome.notice).toBe('The GPU was lost; finished on TypeScript (float64).');
    expect(health.getSnapshot()).toEqual([{ source: 'gpu', status: 'fallback', message: GPU_LOST_NOTICE }]);
    expect(sink.progress.at(-1)).toBe(total);
    expect(sink.summaries.some(Number.isNaN)).toBe(false);
    // later jobs choose TypeScript and say why; no WebGPU worker is started again
    expect(await pool.gpuInfo()).toBeNull();
    const later = await pool.runSummaries(source, big, { engine: 'auto', ...collect(total) });
    expect(later.engine).toBe('js');
    expect(later.reason).toMatch(/GPU was lost earlier on this page/);
    expect(gpuWorkers).toBe(1);
    pool.dispose();
  });

  it('runs a large job on a real GPU adapter and reports it', async () => {
    const gpu = () =>
      new FakeWorker((request, worker) => {
        if (request.type === 'gpuInfo') return worker.emit({ type: 'gpuInfo', requestId: request.requestId, adapter, message: '' });
        if (request.type !== 'summarize') return;
        const { requestId, from, to } = request;
        worker.emit({ type: 'summaries', requestId, from, to, summaries: new Float64Array((to - from) * SUMMARY_STRIDE), elapsedMs: 1 });
        worker.emit({ type: 'done', requestId, elapsedMs: 1, numTensors: 3, numBuffers: 5, adapter });
      });
    const pool = new BatchPool({ workers: 2, createWorker: () => typescriptWorker() as unknown as Worker, createGpuWorker: () => gpu() as unknown as Worker });
    const outcome = await pool.runSummaries(source, { ...job, columns: 64, rows: 64 }, { engine: 'auto' });
    expect(outcome).toMatchObject({ engine: 'webgpu', adapter, gpuMemory: { numTensors: 3, numBuffers: 5 } });
  });
});

describe('BatchPool on SwiftShader', () => {
  const swiftShader = { vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader', isFallbackAdapter: true };
  const softwareGpu = (elapsedMs: number) => () =>
    new FakeWorker((request, worker) => {
      if (request.type === 'gpuInfo') return worker.emit({ type: 'gpuInfo', requestId: request.requestId, adapter: swiftShader, message: '' });
      if (request.type !== 'summarize') return;
      const { requestId, from, to } = request;
      const { response } = new BatchHandler().handle(request);
      if (response.type === 'summaries') worker.emit({ type: 'summaries', requestId, from, to, summaries: response.summaries, elapsedMs });
      worker.emit({ type: 'done', requestId, elapsedMs, numTensors: 0, numBuffers: 0, adapter: swiftShader });
    });

  it.each([
    [0.001, 'webgpu', /WebGPU measured faster/],
    [1e6, 'js', /TypeScript measured faster/],
  ] as const)('measures both engines on the job itself, then runs the rest on the faster (GPU chunk %s ms)', async (elapsedMs, engine, reason) => {
    const pool = new BatchPool({ workers: 2, createWorker: () => typescriptWorker() as unknown as Worker, createGpuWorker: () => softwareGpu(elapsedMs)() as unknown as Worker });
    const sink = collect(4800);
    const outcome = await pool.runSummaries(source, { ...job, columns: 80, rows: 60 }, { engine: 'auto', ...sink });
    expect(outcome.engine).toBe(engine);
    expect(outcome.reason).toMatch(reason);
    expect(sink.progress.at(-1)).toBe(4800);
    const oracle = new BatchHandler().handle({ type: 'summarize', requestId: 0, source, job: { ...job, columns: 80, rows: 60 }, from: 0, to: 4800 }).response;
    expect(oracle.type === 'summaries' && Array.from(sink.summaries)).toEqual(oracle.type === 'summaries' && Array.from(oracle.summaries));
  });
});

describe('BatchPool.runSeeds', () => {
  it('gathers every seed and reduces them to quartiles', async () => {
    const pool = new BatchPool({ workers: 2, createWorker: () => typescriptWorker() as unknown as Worker });
    const noisy = { experiment: { ...experiment, noise: 1 }, runIndex: 0 };
    const seeds: SeedsJob = { kind: 'seeds', start: [0, 0], count: 30, seed: 7 };
    const progress: number[] = [];
    const { statistics: maybe, outcome } = await pool.runSeeds(noisy, seeds, { onProgress: ({ done }) => progress.push(done) });
    const statistics = maybe!;
    expect(statistics.numSeeds).toBe(30);
    expect(statistics.numPoints).toBe(41);
    expect(statistics.coordinates).toHaveLength(2);
    const [x] = statistics.coordinates;
    expect(x.median).toHaveLength(41);
    expect(progress.at(-1)).toBe(30);
    expect(outcome.engine).toBe('js');
    // the spread starts at zero (every seed starts at the same point) and then opens
    expect(x.upper[0] - x.lower[0]).toBe(0);
    expect(x.upper[40] - x.lower[40]).toBeGreaterThan(0);
  });
});

describe('BatchPool on an n-dimensional problem', () => {
  // 10-D Rosenbrock has no formula: the WebGPU kernels cannot run it, whatever is asked for
  const problem = { kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 } as const;
  const start = [-1.2, 1, -0.5, 0.8, 0, 1.5, -1, 0.3, 2, -0.7];
  const experiment10: Experiment = { ...DEFAULT_EXPERIMENT, problem, steps: 40, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 }, start }] };
  const source10 = { experiment: experiment10, runIndex: 0 };
  const objective = resolveProblem(problem).objective;
  const gpuAsked: BatchRequest[] = [];
  const watchedGpu = () => new FakeWorker((request, worker) => (gpuAsked.push(request), worker.emit({ type: 'gpuInfo', requestId: request.requestId, adapter: null, message: 'unused' })));

  it('runs a sweep on TypeScript, saying why even when WebGPU is forced, with final points of 10 coordinates', async () => {
    const pool = new BatchPool({ workers: 2, createWorker: () => typescriptWorker() as unknown as Worker, createGpuWorker: () => watchedGpu() as unknown as Worker });
    const sweep: SweepJob = { kind: 'sweep', start, learningRates: { min: 1e-3, max: 0.05, count: 9 } };
    const stride = summaryStride(10);
    const summaries = new Float64Array(9 * stride).fill(NaN);
    const outcome = await pool.runSummaries(source10, sweep, { engine: 'webgpu', onPartial: (from, _to, part) => summaries.set(part, from * stride) });
    expect(outcome).toMatchObject({ engine: 'js', reason: '?engine=webgpu asked for, but it fell back to TypeScript (n-dimensional problem: the WebGPU kernels run 2-D formulas)' });
    expect(gpuAsked).toEqual([]);
    const auto = await pool.runSummaries(source10, sweep, { engine: 'auto' });
    expect(auto.reason).toBe('n-dimensional problem: the WebGPU kernels run 2-D formulas');
    const { method, hyper } = resolveRun(experiment10.runs[0]);
    for (let index = 0; index < 9; index++) {
      const run = runMethod({ objective, method, hyper: sweepCellHyper(hyper, sweep, index), start, numSteps: 40, seed: deriveSeed(experiment10.seed, index) });
      const points = run.loss.length;
      expect(Array.from(summaries.subarray(index * stride + SUMMARY_OFFSET.finalPoint, (index + 1) * stride))).toEqual(Array.from(run.trajectory.subarray((points - 1) * 10)));
      expect(summaries[index * stride + SUMMARY_OFFSET.finalLoss]).toBe(run.loss[points - 1]);
    }
  });

  it('gathers 10-D seeds as runMethod runs them, with quartiles of every coordinate', async () => {
    const pool = new BatchPool({ workers: 2, createWorker: () => typescriptWorker() as unknown as Worker });
    const noisy = { experiment: { ...experiment10, noise: 0.5, seed: 3 }, runIndex: 0 };
    const seeds: SeedsJob = { kind: 'seeds', start, count: 7, seed: 3 };
    const { statistics: maybe } = await pool.runSeeds(noisy, seeds);
    const statistics = maybe!;
    expect(statistics.coordinates).toHaveLength(10);
    const finals = Array.from({ length: 7 }, (_, index) => {
      const run = runMethod({ objective, method: getMethod('adam')!, hyper: resolveRun(experiment10.runs[0]).hyper, start, numSteps: 40, noise: 0.5, seed: deriveSeed(3 + index, 0) });
      return run.trajectory.subarray(run.trajectory.length - 10);
    });
    statistics.coordinates.forEach((quartiles, i) => {
      // the median of seven is the fourth smallest
      expect(quartiles.median[40]).toBe(finals.map((point) => point[i]).sort((a, b) => a - b)[3]);
    });
  });

  it('refuses a basin map, naming the dimension', async () => {
    const pool = new BatchPool({ workers: 1, createWorker: () => typescriptWorker() as unknown as Worker, createGpuWorker: () => watchedGpu() as unknown as Worker });
    await expect(pool.runSummaries(source10, job, { engine: 'auto' })).rejects.toThrow('a basin map needs a two-dimensional problem; this one has 10');
  });
});
