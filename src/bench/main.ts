// The bench page's script: exposes the batch pool to `npm run bench` and the browser tests as
// window.playgroundBench, so both measure and check exactly what the playground runs.
import { batchSize, jobDimension, summaryStride, type BasinJob, type BatchOutcome, type SeedsJob, type SweepJob } from '../engine/batch/types';
import type { Experiment } from '../experiment/experiment';
import { BatchPool } from '../client/batch-pool';
import { MODEL_WORKLOADS, type ModelBenchReply, type ModelBenchRequest, type ModelBenchRow, type ModelWorkload } from './model-bench-protocol';

/** One summaries job as the bench asks for it. */
export interface BenchJob {
  readonly experiment: Experiment;
  readonly runIndex: number;
  readonly job: BasinJob | SweepJob;
  /** 'naive': op-by-op tfjs in the WebGPU worker. */
  readonly engine: 'js' | 'webgpu' | 'auto' | 'naive';
  /** TypeScript workers (default: one per core). */
  readonly workers?: number;
  /** Runs [from, to) only (naive engine; default all). */
  readonly from?: number;
  readonly to?: number;
  /** Return the summaries (large: summaryStride(dimension) floats per run, SUMMARY_OFFSET order); default false. */
  readonly withSummaries?: boolean;
}

/** What a bench job returns. */
export interface BenchResult {
  readonly elapsedMs: number;
  readonly outcome: BatchOutcome | null;
  readonly summaries?: number[];
}

const pools = new Map<number, BatchPool>();
function poolWith(workers: number): BatchPool {
  let pool = pools.get(workers);
  if (!pool) {
    pool = new BatchPool({ workers });
    pools.set(workers, pool);
  }
  return pool;
}
const defaultWorkers = () => Math.min(8, navigator.hardwareConcurrency || 2);

const bench = {
  /** Runs a basin map or a sweep on the chosen engine and times it. */
  async summaries(request: BenchJob): Promise<BenchResult> {
    const pool = poolWith(request.workers ?? defaultWorkers());
    const source = { experiment: request.experiment, runIndex: request.runIndex };
    const total = batchSize(request.job);
    if (request.engine === 'naive') {
      const { summaries, elapsedMs } = await pool.runNaiveSummaries(source, request.job, request.from ?? 0, request.to ?? total);
      return { elapsedMs, outcome: null, ...(request.withSummaries && { summaries: Array.from(summaries) }) };
    }
    const stride = summaryStride(jobDimension(request.job));
    const summaries = request.withSummaries ? new Float64Array(total * stride) : null;
    const started = performance.now();
    const outcome = await pool.runSummaries(source, request.job, {
      engine: request.engine,
      onPartial: (from, _to, part) => summaries?.set(part, from * stride),
    });
    return { elapsedMs: performance.now() - started, outcome, ...(summaries && { summaries: Array.from(summaries) }) };
  },

  /** Runs a many-seeds job (TypeScript pool). */
  async seeds(experiment: Experiment, runIndex: number, job: SeedsJob, workers?: number) {
    const { statistics, outcome } = await poolWith(workers ?? defaultWorkers()).runSeeds({ experiment, runIndex }, job);
    if (statistics === null) throw new Error('the bench asks for paths');
    return { outcome, numSeeds: statistics.numSeeds, finalMedianLoss: statistics.loss.median[statistics.numPoints - 1] };
  },

  /** The model rows (8-10): TypeScript and tfjs WebGPU model training side by side, in a worker of their own. */
  models(workloads: readonly ModelWorkload[] = MODEL_WORKLOADS): Promise<{ rows: ModelBenchRow[]; notes: string[] }> {
    const worker = new Worker(new URL('./model-bench.worker.ts', import.meta.url), { type: 'module', name: 'optimizer-playground-model-bench' });
    return new Promise<{ rows: ModelBenchRow[]; notes: string[] }>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<ModelBenchReply>) => {
        const reply = event.data;
        if (reply.type === 'result') resolve({ rows: reply.rows, notes: reply.notes });
        else reject(new Error(reply.message));
      };
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({ type: 'run', workloads } satisfies ModelBenchRequest);
    }).finally(() => worker.terminate());
  },

  /** The WebGPU adapter, or null. */
  gpuInfo: () => poolWith(defaultWorkers()).gpuInfo(),

  /** Stops every pool's workers. */
  dispose(): void {
    for (const pool of pools.values()) pool.dispose();
    pools.clear();
  },
};

declare global {
  interface Window {
    playgroundBench: typeof bench;
  }
}

window.playgroundBench = bench;
document.getElementById('status')!.textContent = 'ready';
