// The WebGPU worker's entry point: serves the BatchPool's 'gpuInfo', 'summarize' (fused kernels,
// streaming 'progress' and 'summaries', then 'done'; gradient-free basin maps through their own kernels), 'naiveSummarize' (op-by-op tfjs, for the
// benchmark) and 'cancel'. tfjs runs here on its WebGPU backend and never in the page. Jobs run one
// at a time in arrival order. Compiled without the DOM library (tsconfig.worker.json).
import { jobDimension, summaryStride } from '../engine/batch/types';
import { startGpuBackend, gpuMemory, type GpuBackend } from '../gpu/backend';
import { runFusedJob, type FusedRunCallbacks } from '../gpu/fused-runner';
import { runGradientFreeJob } from '../gpu/gradient-free-runner';
import { gradientFreeTemplateFor } from '../gpu/gradient-free-template';
import { gradientFreeKernelOf } from '../analyses/plan';
import { resolveSource } from '../analyses/source';
import { gpuTemplateFor } from '../gpu/gpu-template';
import { runNaiveJob } from '../gpu/naive';
import { runModelSweepJob } from '../gpu/model-training/model-sweep-job';
import { BATCH_PROTOCOL_VERSION, type BatchRequest, type BatchResponse } from './batch-protocol';
import { answerWatchdog, isWatchdogRequest, type WatchdogRequest } from './watchdog-protocol';

declare const self: DedicatedWorkerGlobalScope;

function reply(response: BatchResponse, transfer: Transferable[] = []): void {
  self.postMessage(response, transfer);
}

/** Requests queued or running, and those of them asked to stop (a cancel may arrive before its job starts). */
const pending = new Set<number>();
const cancelled = new Set<number>();
/** Jobs run one after another: they share the device. */
let queue: Promise<void> = Promise.resolve();
/** Set once the device is lost: every later job fails the same way (the pool restarts the worker). */
let lostMessage: string | null = null;

async function gpu(): Promise<GpuBackend> {
  if (lostMessage !== null) throw Object.assign(new Error(lostMessage), { deviceLost: true });
  const started = await startGpuBackend();
  if (!started.ok) throw new Error(started.message);
  return started.gpu;
}

async function handle(request: Exclude<BatchRequest, { type: 'cancel' | 'loseDevice' }>): Promise<void> {
  const { requestId } = request;
  const startedAt = performance.now();
  switch (request.type) {
    case 'gpuInfo': {
      const started = await startGpuBackend();
      reply({ type: 'gpuInfo', requestId, adapter: started.ok ? started.gpu.adapter : null, message: started.ok ? '' : started.message });
      return;
    }
    case 'summarize': {
      const { backend, adapter, lost } = await gpu();
      const callbacks: FusedRunCallbacks = {
        onSummaries: (from, to, summaries) => reply({ type: 'summaries', requestId, from, to, summaries, elapsedMs: performance.now() - startedAt }, [summaries.buffer]),
        onProgress: (runStepsDone, runStepsTotal) => reply({ type: 'progress', requestId, runStepsDone, runStepsTotal }),
        isCancelled: () => cancelled.has(requestId),
        lost,
      };
      // a data problem's sweep trains its models as one program; gradient-free and zeroth-order
      // methods have kernels of their own; the rest are torch-style optimizers
      if (request.source.experiment.problem.kind === 'data') {
        if (request.job.kind !== 'sweep') throw new Error('the WebGPU model trainers run learning-rate sweeps');
        await runModelSweepJob(backend, request.source, request.job, request.from, request.to, callbacks);
      } else if (gradientFreeKernelOf(resolveSource(request.source).settings.method.id) !== null) {
        await runGradientFreeJob(backend, gradientFreeTemplateFor(request.source), request.job, request.from, request.to, callbacks);
      } else {
        await runFusedJob(backend, gpuTemplateFor(request.source), request.job, request.from, request.to, callbacks);
      }
      reply({ type: 'done', requestId, elapsedMs: performance.now() - startedAt, ...gpuMemory(backend), adapter });
      return;
    }
    case 'naiveSummarize': {
      const { backend, adapter, lost } = await gpu();
      const summaries = await runNaiveJob(gpuTemplateFor(request.source), request.job, request.from, request.to, {
        onProgress: (runStepsDone, runStepsTotal) => reply({ type: 'progress', requestId, runStepsDone, runStepsTotal }),
        isCancelled: () => cancelled.has(requestId),
        lost,
      });
      if (summaries.length !== (request.to - request.from) * summaryStride(jobDimension(request.job))) throw new Error('the naive job returned the wrong number of summaries');
      reply({ type: 'summaries', requestId, from: request.from, to: request.to, summaries, elapsedMs: performance.now() - startedAt }, [summaries.buffer]);
      reply({ type: 'done', requestId, elapsedMs: performance.now() - startedAt, ...gpuMemory(backend), adapter });
      return;
    }
    default:
      reply({ type: 'failed', requestId, message: `the WebGPU worker does not serve '${request.type}' requests` });
  }
}

function failure(requestId: number, error: unknown): BatchResponse {
  const message = error instanceof Error ? error.message : String(error);
  const flags = (typeof error === 'object' && error !== null ? error : {}) as { deviceLost?: unknown; cancelled?: unknown };
  if (flags.deviceLost === true) lostMessage ??= message;
  return {
    type: 'failed',
    requestId,
    message,
    ...(flags.deviceLost === true && { deviceLost: true }),
    ...(flags.cancelled === true && { cancelled: true }),
  };
}

self.onmessage = (event: MessageEvent<BatchRequest | WatchdogRequest>) => {
  const request = event.data;
  // answered at once, not queued: a ping waits for no job (GPU jobs await the device, so it gets through)
  if (isWatchdogRequest(request)) return answerWatchdog(request, (response) => self.postMessage(response));
  if (request.type === 'loseDevice') {
    // fault injection: the device goes as a driver reset would take it (device.lost resolves, 'destroyed')
    void startGpuBackend().then((started) => (started.ok ? started.gpu.backend.device.destroy() : undefined));
    return;
  }
  if (request.type === 'cancel') {
    if (pending.has(request.requestId)) cancelled.add(request.requestId);
    return;
  }
  pending.add(request.requestId);
  queue = queue.then(async () => {
    try {
      if (cancelled.has(request.requestId)) throw Object.assign(new Error('the batch job was cancelled'), { cancelled: true });
      await handle(request);
    } catch (error) {
      reply(failure(request.requestId, error));
    } finally {
      pending.delete(request.requestId);
      cancelled.delete(request.requestId);
    }
  });
};

reply({ type: 'ready', protocolVersion: BATCH_PROTOCOL_VERSION });
