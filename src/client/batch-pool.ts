// The one main-thread owner of the batch workers: a pool of TypeScript workers (one per core) and,
// where WebGPU is worth it, one WebGPU worker running fused kernels. It splits jobs into ranges,
// streams partial results, reports progress with an estimate of the time left, cancels, picks the
// engine by measured throughput, and reruns a job on the TypeScript path when the GPU device is
// lost (later jobs then stay on TypeScript). Every worker is watched (worker-watchdog.ts): one that
// exits, crashes or stops answering is replaced, its unfinished range re-run on the new one, and
// the user told (worker-health.ts). Components never call postMessage.
import { chooseModelEngine, type ModelEngineChoice } from '../analyses/model-engine';
import { modelSweepWorkload } from '../analyses/model-sweep';
import { checkBasinDimension } from '../engine/batch/cells';
import type { SeedOutcome } from '../engine/batch/targets';
import { batchSize, type AdapterDescription, type BasinJob, type BatchEngine, type BatchOutcome, type BatchProgress, type SeedsJob, type SeedStatistics, type SweepJob } from '../engine/batch/types';
import { BATCH_PROTOCOL_VERSION, type BatchRequest, type BatchResponse, type BatchSource, type SeedRunPayload } from '../worker/batch-protocol';
import { problemDimension } from '../engine/problems';
import { chooseEngine, estimateRemaining, GPU_DIMENSION, hasFusedKernel, missingRanges, splitRanges, type RunRange, type Throughputs } from '../analyses/plan';
import { getMethodSpec } from '../engine/methods/catalogue';
import { abortError, isAbort } from './abort';
import { workerHealth, type WorkerHealth } from './worker-health';
import { describeFault, WatchedWorker, type WatchdogTiming, type WorkerFault } from './worker-watchdog';

/** Which engine a job should use: 'auto' picks by measurement; ?engine=js|webgpu forces one. */
export type EnginePreference = 'auto' | BatchEngine;

/** Options of one summaries job (basin map or sweep). */
export interface SummariesOptions {
  readonly engine: EnginePreference;
  /** Aborting rejects the job's promise with a DOMException named 'AbortError'. */
  readonly signal?: AbortSignal;
  /** Summaries of runs [from, to) (summaryStride(jobDimension(job)) floats each), as they arrive, in any order. */
  onPartial?(from: number, to: number, summaries: Float64Array): void;
  onProgress?(progress: BatchProgress): void;
}

/** Options of a many-seeds job (always the TypeScript pool: at most 1,000 runs, below any GPU crossover). */
export interface SeedsOptions {
  readonly signal?: AbortSignal;
  onProgress?(progress: BatchProgress): void;
}

/** How the pool makes its workers (tests pass fakes). */
export interface BatchPoolOptions {
  /** TypeScript workers (default: one per core, at most 8). */
  readonly workers?: number;
  readonly createWorker?: () => Worker;
  readonly createGpuWorker?: () => Worker;
  /** Where fault notices go (default: the page's workerHealth). */
  readonly health?: WorkerHealth;
  /** The watchdog's clock and exit watch (tests shorten it, or pass locks: null). */
  readonly timing?: Partial<WatchdogTiming>;
  readonly locks?: LockManager | null;
}

/** What the user reads when the GPU device is lost mid-job. */
export const GPU_LOST_NOTICE = 'The GPU was lost; finished on TypeScript (float64).';

/** A WebGPU job failed because its device was lost (not for a fault of the job). */
class GpuLostError extends Error {
  constructor(message: string) {
    super(`the GPU device was lost: ${message}`);
    this.name = 'GpuLostError';
  }
}

export type { AdapterDescription, BatchOutcome, BatchProgress, SeedStatistics, BasinJob, SweepJob, SeedsJob, BatchSource };

type RequestBody = BatchRequest extends infer R ? (R extends BatchRequest ? Omit<R, 'requestId'> : never) : never;

/** What waits for a worker's answers to one request. */
interface Listener {
  response(response: BatchResponse): void;
  crash(message: string): void;
}

/** One watched worker and the request it is serving. */
interface Slot {
  readonly watched: WatchedWorker;
  requestId: number | null;
}

const MAX_CRASHES_PER_JOB = 3;
/** How long a batch request may go unanswered at least, and how many times its estimate. */
const HANG_FLOOR_MS = 15_000;
const HANG_FACTOR = 20;
/** Milliseconds per run-step assumed before any range was answered. */
const DEFAULT_MS_PER_RUN_STEP = 0.005;
/** A WebGPU job streams between chunks, and its worker answers pings meanwhile: a minute of silence is a hang (a first shader compile on a software adapter takes seconds). */
const GPU_SILENCE_MS = 60_000;
/** Runs the WebGPU worker computes (in two halves, the first warming up the shader) to measure its throughput against one TypeScript worker. */
const MEASURE_GPU_RUNS = 8192;

/** Owns the batch workers and speaks their protocol. */
export class BatchPool {
  readonly size: number;
  private readonly createWorker: () => Worker;
  private readonly createGpuWorker: () => Worker;
  private readonly slots: Slot[] = [];
  private gpu: Slot | null = null;
  private readonly listeners = new Map<number, Listener>();
  /** Re-offers idle workers to every job waiting for one. */
  private readonly pumps = new Set<() => void>();
  private nextRequestId = 1;
  private adapter: Promise<{ adapter: AdapterDescription | null; message: string }> | null = null;
  /** Measured throughputs per problem and optimizer on this adapter. */
  private readonly measured = new Map<string, Throughputs>();
  private readonly health: WorkerHealth;
  private readonly timing: Partial<WatchdogTiming> | undefined;
  private readonly locks: LockManager | null | undefined;
  /** Set once the GPU device was lost: later jobs run on TypeScript, and say why. */
  private gpuLost: string | null = null;
  /** The slowest milliseconds per run-step a TypeScript worker took: a range's hang deadline is scaled from it. */
  private msPerRunStep = DEFAULT_MS_PER_RUN_STEP;
  /** The fault a batch worker was replaced for while a job ran (the job's end says it was recomputed). */
  private recovering: WorkerFault | null = null;

  constructor(options: BatchPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
    this.createWorker = options.createWorker ?? defaultBatchWorker;
    this.createGpuWorker = options.createGpuWorker ?? defaultGpuWorker;
    this.health = options.health ?? workerHealth;
    this.timing = options.timing;
    this.locks = options.locks;
  }

  /** The WebGPU adapter batch jobs would run on (null: none, and why). */
  async gpuInfo(): Promise<AdapterDescription | null> {
    return (await this.adapterInfo()).adapter;
  }

  /**
   * Runs a basin map or a sweep, streaming summaries; resolves with what ran it. A basin map of a
   * problem that is not two-dimensional is refused; an n-dimensional problem runs on TypeScript.
   */
  async runSummaries(source: BatchSource, job: BasinJob | SweepJob, options: SummariesOptions): Promise<BatchOutcome> {
    const started = performance.now();
    const total = batchSize(job);
    const numSteps = source.experiment.steps;
    const dimension = problemDimension(source.experiment.problem);
    if (job.kind === 'basin') checkBasinDimension(dimension);
    const received: RunRange[] = [];
    let done = 0;
    const accept = (from: number, to: number, summaries: Float64Array) => {
      received.push([from, to]);
      done += to - from;
      options.onPartial?.(from, to, summaries);
      const elapsedMs = performance.now() - started;
      options.onProgress?.({ done, total, elapsedMs, etaMs: estimateRemaining(done, total, elapsedMs) });
    };
    // while a worker is replaced the rate so far says nothing of what is left: no estimate until the next range
    const restarting = () => options.onProgress?.({ done, total, elapsedMs: performance.now() - started, etaMs: null });
    const outcome = (engine: BatchEngine, reason: string, extra: Partial<BatchOutcome> = {}): BatchOutcome => {
      const elapsedMs = performance.now() - started;
      return { engine, workers: engine === 'js' ? this.size : 1, adapter: null, reason, elapsedMs, runStepsPerSecond: (total * numSteps) / (elapsedMs / 1000), ...extra };
    };

    const method = kernelOf(source, job.kind);
    // a data problem's sweep: its model workload, which the model trainers' chooser decides on
    const model = source.experiment.problem.kind === 'data' ? (job.kind === 'sweep' ? modelSweepWorkload(source.experiment, source.runIndex, total) : 'the WebGPU model trainers run learning-rate sweeps') : undefined;
    // the WebGPU kernels run 2-D formulas of methods with a kernel (and model sweeps): no need to ask for an adapter otherwise
    const gpuPossible = typeof model === 'object' || (model === undefined && dimension === GPU_DIMENSION && method.hasKernel);
    const { adapter, message } = options.engine === 'js' || !gpuPossible ? { adapter: null, message: '' } : await this.adapterInfo();
    const key = measurementKey(source);
    let choice = chooseEngine({
      preference: options.engine,
      numRuns: total,
      numSteps,
      noise: source.experiment.noise,
      dimension,
      method,
      workers: this.size,
      adapter,
      adapterMessage: message,
      measured: this.measured.get(key) ?? null,
      ...(model !== undefined && { model: typeof model === 'string' ? model : modelEngine(chooseModelEngine({ preference: options.engine, workload: model, workers: this.size, adapter })) }),
    });
    let notice: string | undefined;
    try {
      if (choice.needsMeasurement) {
        // measuring computes the job's first runs on both engines: nothing is thrown away
        const measured = await this.measure(source, job, accept, options.signal);
        this.measured.set(key, measured);
        choice = chooseEngine({ preference: 'auto', numRuns: total, numSteps, noise: 0, dimension, method, workers: this.size, adapter, adapterMessage: message, measured });
      }
      if (choice.engine === 'webgpu') {
        const memory = await this.runOnGpu(source, job, missingRanges(total, received), accept, options.signal);
        return outcome('webgpu', choice.reason, { workers: 1, adapter, gpuMemory: memory });
      }
    } catch (error) {
      if (isAbort(error)) throw error;
      if (error instanceof GpuLostError) {
        // a lost device is not coming back on this page: later jobs choose TypeScript (adapterInfo)
        this.gpuLost = error.message;
        notice = GPU_LOST_NOTICE;
        this.health.report({ source: 'gpu', status: 'fallback', message: GPU_LOST_NOTICE });
      } else {
        notice = `WebGPU failed (${error instanceof Error ? error.message : String(error)}); the job was restarted on the TypeScript path`;
      }
      this.stopGpu();
      restarting();
    }
    const ranges = missingRanges(total, received).flatMap(([from, to]) => splitRanges(to - from, numSteps, this.size).map(([a, b]): RunRange => [from + a, from + b]));
    await this.runRanges(
      ranges,
      ([from, to]) => ({ type: 'summarize', source, job, from, to }),
      ([from, to], response) => {
        if (response.type !== 'summaries') throw new Error(`unexpected ${response.type}`);
        accept(from, to, response.summaries);
      },
      options.signal,
      [],
      restarting,
    );
    return outcome('js', notice === undefined ? choice.reason : 'the WebGPU job failed', notice === undefined ? {} : { notice });
  }

  /**
   * Runs the same stochastic run over many seeds: each seed's outcome against the job's targets,
   * and, unless the job asks for outcomes only (paths: false), per-step quartiles of the paths.
   */
  async runSeeds(source: BatchSource, job: SeedsJob, options: SeedsOptions = {}): Promise<{ statistics: SeedStatistics | null; outcomes: SeedOutcome[]; outcome: BatchOutcome }> {
    const started = performance.now();
    const numSteps = source.experiment.steps;
    const runs: SeedRunPayload[] = new Array<SeedRunPayload>(job.count);
    let done = 0;
    await this.runRanges(
      splitRanges(job.count, numSteps, this.size * 4),
      ([from, to]) => ({ type: 'seeds', source, job, from, to }),
      ([from], response) => {
        if (response.type !== 'seedRuns') throw new Error(`unexpected ${response.type}`);
        response.runs.forEach((run, offset) => (runs[from + offset] = run));
        done += response.runs.length;
        const elapsedMs = performance.now() - started;
        options.onProgress?.({ done, total: job.count, elapsedMs, etaMs: estimateRemaining(done, job.count, elapsedMs) });
      },
      options.signal,
      [],
      () => options.onProgress?.({ done, total: job.count, elapsedMs: performance.now() - started, etaMs: null }),
    );
    const outcomes = runs.map((run) => run.outcome);
    let statistics: SeedStatistics | null = null;
    if (job.paths ?? true) {
      // the paths go to a worker to be reduced (transferred: they are not needed here afterwards)
      const paths = runs.map(({ dimension, trajectory, loss, divergedStep }) => ({ dimension, trajectory, loss, divergedStep }));
      const transfer = paths.flatMap((run) => [run.trajectory.buffer, run.loss.buffer]);
      await this.runRanges(
        [[0, job.count]],
        () => ({ type: 'seedStatistics', runs: paths, numPoints: numSteps + 1 }),
        (_range, response) => {
          if (response.type !== 'seedStatistics') throw new Error(`unexpected ${response.type}`);
          statistics = response.statistics;
        },
        options.signal,
        transfer,
      );
    }
    const elapsedMs = performance.now() - started;
    const reason = `${job.count} seeds are below any GPU crossover, and the noise stream is float64`;
    const outcome: BatchOutcome = { engine: 'js', workers: this.size, adapter: null, reason, elapsedMs, runStepsPerSecond: (job.count * numSteps) / (elapsedMs / 1000) };
    return { statistics, outcomes, outcome };
  }

  /** For the benchmark: the job's summaries computed op by op with tfjs in the WebGPU worker. */
  async runNaiveSummaries(source: BatchSource, job: BasinJob | SweepJob, from: number, to: number): Promise<{ summaries: Float64Array; elapsedMs: number }> {
    return new Promise((resolve, reject) => {
      const requestId = this.sendGpu({ type: 'naiveSummarize', source, job, from, to }, {
        // one 'summaries' message answers it (progress in between is ignored)
        response: (response) => {
          if (response.type !== 'summaries' && response.type !== 'failed') return;
          this.endGpuRequest(requestId);
          if (response.type === 'summaries') resolve({ summaries: response.summaries, elapsedMs: response.elapsedMs });
          else reject(new Error(response.message));
        },
        crash: (message) => reject(new Error(message)),
      });
    });
  }

  /** Stops every worker; running jobs are rejected. */
  dispose(): void {
    for (const listener of this.listeners.values()) listener.crash('the batch pool stopped');
    this.listeners.clear();
    for (const slot of this.slots) slot.watched.stop();
    this.slots.length = 0;
    this.stopGpu();
  }

  // --- the TypeScript pool ---

  /** Serves `ranges` on idle workers (one request each); rejects on the first failure, an abort, or repeated crashes. */
  private runRanges(
    ranges: readonly RunRange[],
    body: (range: RunRange) => RequestBody,
    accept: (range: RunRange, response: BatchResponse) => void,
    signal?: AbortSignal,
    transfer: Transferable[] = [],
    onRestart?: () => void,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const queue = [...ranges];
      let inFlight = 0;
      let crashes = 0;
      let finished = false;
      const finish = (error?: unknown) => {
        if (finished) return;
        finished = true;
        this.pumps.delete(pump);
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
        if (error === undefined && crashes > 0) this.recovered();
        this.pumpAll();
      };
      const onAbort = () => finish(abortError());
      const pump = () => {
        if (finished) return;
        if (queue.length === 0 && inFlight === 0) return finish();
        while (queue.length > 0) {
          const slot = this.idleSlot();
          if (slot === null) return;
          const range = queue.shift()!;
          inFlight++;
          this.send(slot, body(range), transfer, {
            response: (response) => {
              inFlight--;
              if (finished) return;
              if (response.type === 'failed') return finish(new Error(response.message));
              try {
                accept(range, response);
              } catch (error) {
                return finish(error);
              }
              this.pumpAll();
            },
            crash: (message) => {
              inFlight--;
              // a worker that keeps failing on this job fails the job: no restart loop (running it again retries)
              if (++crashes > MAX_CRASHES_PER_JOB) return finish(new Error(`a batch worker failed ${crashes} times on this job (${message}); run it again to retry`));
              queue.unshift(range);
              onRestart?.();
              this.pumpAll();
            },
          });
        }
      };
      if (signal?.aborted) return finish(abortError());
      signal?.addEventListener('abort', onAbort);
      this.pumps.add(pump);
      pump();
    });
  }

  private pumpAll(): void {
    for (const pump of [...this.pumps]) pump();
  }

  private idleSlot(): Slot | null {
    const idle = this.slots.find((slot) => slot.requestId === null);
    if (idle) return idle;
    if (this.slots.length >= this.size) return null;
    const slot: Slot = {
      watched: new WatchedWorker({
        create: this.createWorker,
        onMessage: (data) => this.receive(slot, data as BatchResponse),
        onFault: (fault) => this.slotFaulted(slot, fault),
        ...this.watchdogOptions(),
      }),
      requestId: null,
    };
    this.slots.push(slot);
    return slot;
  }

  private watchdogOptions(): { timing?: Partial<WatchdogTiming>; locks?: LockManager | null } {
    return { ...(this.timing && { timing: this.timing }), ...(this.locks !== undefined && { locks: this.locks }) };
  }

  private send(slot: Slot, body: RequestBody, transfer: Transferable[], listener: Listener): void {
    const requestId = this.nextRequestId++;
    slot.requestId = requestId;
    const runSteps = body.type === 'summarize' || body.type === 'seeds' ? (body.to - body.from) * body.source.experiment.steps : 0;
    this.listeners.set(requestId, {
      response: (response) => {
        slot.requestId = null;
        this.listeners.delete(requestId);
        slot.watched.answered(requestId);
        if (runSteps > 0 && (response.type === 'summaries' || response.type === 'seedRuns')) this.msPerRunStep = Math.max(this.msPerRunStep, response.elapsedMs / runSteps);
        listener.response(response);
      },
      crash: (message) => {
        slot.requestId = null;
        this.listeners.delete(requestId);
        listener.crash(message);
      },
    });
    // a range's deadline: its run-steps at the slowest rate seen, many times over, and never short
    const allowanceMs = body.type === 'seedStatistics' ? 2 * HANG_FLOOR_MS : HANG_FLOOR_MS + HANG_FACTOR * runSteps * this.msPerRunStep;
    slot.watched.post({ ...body, requestId } as BatchRequest, transfer, { id: requestId, allowanceMs });
  }

  /** Routes a worker's messages to their listeners. */
  private receive(slot: Slot, response: BatchResponse): void {
    if (response.type === 'ready') {
      if (response.protocolVersion !== BATCH_PROTOCOL_VERSION) this.crashSlot(slot, `a batch worker speaks protocol ${response.protocolVersion}, the page ${BATCH_PROTOCOL_VERSION}: reload the page`);
      return;
    }
    this.listeners.get(response.requestId)?.response(response);
  }

  /** A worker exited, crashed or hung: a fresh one takes its place, and the range it held is queued again by its job. */
  private slotFaulted(slot: Slot, fault: WorkerFault): void {
    if (!this.slots.includes(slot)) return;
    slot.watched.restart();
    const held = slot.requestId !== null;
    if (held) {
      this.recovering = fault;
      this.health.report({ source: 'batch', status: 'recovering', message: `A batch worker ${describeFault(fault.kind)} and was restarted; its part of the job is being recomputed…` });
    }
    this.crashSlot(slot, `a batch worker ${describeFault(fault.kind)}: ${fault.detail}`);
  }

  private crashSlot(slot: Slot, message: string): void {
    const requestId = slot.requestId;
    slot.requestId = null;
    if (requestId !== null) this.listeners.get(requestId)?.crash(message);
  }

  /** A job that lost a worker finished on the replacement: the notice says its part was recomputed. */
  private recovered(): void {
    const fault = this.recovering;
    if (fault === null) return;
    this.recovering = null;
    this.health.report({ source: 'batch', status: 'recovered', message: `A batch worker ${describeFault(fault.kind)} and was restarted; its part of the job was recomputed.` });
  }

  // --- the WebGPU worker ---

  private adapterInfo(): Promise<{ adapter: AdapterDescription | null; message: string }> {
    if (this.gpuLost !== null) return Promise.resolve({ adapter: null, message: `the GPU was lost earlier on this page (${this.gpuLost}): batch jobs run on TypeScript (float64)` });
    this.adapter ??= new Promise((resolve) => {
      const requestId = this.sendGpu({ type: 'gpuInfo' }, {
        response: (response) => {
          this.endGpuRequest(requestId);
          resolve(response.type === 'gpuInfo' ? { adapter: response.adapter, message: response.message } : { adapter: null, message: response.type === 'failed' ? response.message : 'the WebGPU worker did not answer' });
        },
        crash: (message) => resolve({ adapter: null, message: `the WebGPU worker failed (${message})` }),
      });
    });
    return this.adapter;
  }

  /** Runs `ranges` of a job in the WebGPU worker; resolves with tfjs's memory counts after it. */
  private async runOnGpu(
    source: BatchSource,
    job: BasinJob | SweepJob,
    ranges: readonly RunRange[],
    accept: (from: number, to: number, summaries: Float64Array) => void,
    signal?: AbortSignal,
  ): Promise<{ numTensors: number; numBuffers: number }> {
    let memory = { numTensors: 0, numBuffers: 0 };
    for (const [from, to] of ranges) memory = (await this.gpuRange(source, job, from, to, accept, signal)).memory;
    return memory;
  }

  private gpuRange(
    source: BatchSource,
    job: BasinJob | SweepJob,
    from: number,
    to: number,
    accept: (from: number, to: number, summaries: Float64Array) => void,
    signal?: AbortSignal,
  ): Promise<{ memory: { numTensors: number; numBuffers: number }; elapsedMs: number }> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      let requestId = 0;
      const onAbort = () => {
        this.gpu?.watched.post({ type: 'cancel', requestId } satisfies BatchRequest);
        this.endGpuRequest(requestId);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        signal?.removeEventListener('abort', onAbort);
        this.endGpuRequest(requestId);
      };
      requestId = this.sendGpu({ type: 'summarize', source, job, from, to }, {
        response: (response) => {
          if (response.type === 'summaries') accept(response.from, response.to, response.summaries);
          else if (response.type === 'done') {
            settle();
            resolve({ memory: { numTensors: response.numTensors, numBuffers: response.numBuffers }, elapsedMs: response.elapsedMs });
          } else if (response.type === 'failed') {
            settle();
            reject(response.cancelled ? abortError() : response.deviceLost ? new GpuLostError(response.message) : new Error(response.message));
          }
        },
        crash: (message) => {
          settle();
          reject(new Error(message));
        },
      });
    });
  }

  /** Sends to the WebGPU worker (started on first use); its listener stays until the caller removes it. */
  private sendGpu(body: RequestBody, listener: Listener): number {
    if (this.gpu === null) {
      // a WebGPU worker that fails is not restarted here: its job goes on in TypeScript, the next one starts a fresh worker
      const slot: Slot = {
        watched: new WatchedWorker({
          create: this.createGpuWorker,
          onMessage: (data) => {
            const response = data as BatchResponse;
            if (response.type !== 'ready') this.listeners.get(response.requestId)?.response(response);
          },
          onFault: (fault) => {
            if (this.gpu === slot) this.stopGpu(`the WebGPU worker ${describeFault(fault.kind)} (${fault.detail})`);
          },
          ...this.watchdogOptions(),
        }),
        requestId: null,
      };
      this.gpu = slot;
    }
    const requestId = this.nextRequestId++;
    this.gpuRequests.add(requestId);
    this.listeners.set(requestId, {
      response: listener.response,
      crash: (message) => {
        this.listeners.delete(requestId);
        listener.crash(message);
      },
    });
    this.gpu.watched.post({ ...body, requestId } as BatchRequest, [], { id: requestId, allowanceMs: GPU_SILENCE_MS });
    return requestId;
  }

  private readonly gpuRequests = new Set<number>();

  /** A request to the WebGPU worker is over: stop listening for it. */
  private endGpuRequest(requestId: number): void {
    this.gpu?.watched.answered(requestId);
    this.gpuRequests.delete(requestId);
    this.listeners.delete(requestId);
  }

  private stopGpu(message = 'the WebGPU worker stopped'): void {
    this.gpu?.watched.stop();
    this.gpu = null;
    this.adapter = null;
    const pending = [...this.gpuRequests];
    this.gpuRequests.clear();
    for (const id of pending) this.listeners.get(id)?.crash(message);
  }

  /** Computes the job's first runs on both engines, timing each: WebGPU (after a warm-up half) and one TypeScript worker. */
  private async measure(
    source: BatchSource,
    job: BasinJob | SweepJob,
    accept: (from: number, to: number, summaries: Float64Array) => void,
    signal?: AbortSignal,
  ): Promise<Throughputs> {
    const numSteps = source.experiment.steps;
    const total = batchSize(job);
    // a quarter of the job at most, so the TypeScript worker has runs left to time as well
    const half = Math.max(1, Math.min(MEASURE_GPU_RUNS / 2, Math.floor(total / 4)));
    await this.gpuRange(source, job, 0, half, accept, signal);
    const timed = await this.gpuRange(source, job, half, 2 * half, accept, signal);
    const [from, to] = splitRanges(total - 2 * half, numSteps)[0].map((index) => 2 * half + index);
    let jsElapsedMs = 0;
    await this.runRanges(
      [[from, to]],
      () => ({ type: 'summarize', source, job, from, to }),
      (_range, response) => {
        if (response.type !== 'summaries') throw new Error(`unexpected ${response.type}`);
        jsElapsedMs = response.elapsedMs;
        accept(from, to, response.summaries);
      },
      signal,
    );
    return { webgpu: (half * numSteps) / (timed.elapsedMs / 1000), jsPerWorker: ((to - from) * numSteps) / (Math.max(jsElapsedMs, 0.1) / 1000) };
  }
}

/** The source's method by name, and whether it has a fused WebGPU kernel for this kind of job (the engine choice's input). */
/** The batch engine of a model trainer's choice ('webgpu-fused' and 'webgpu-program' both run on the WebGPU worker). */
function modelEngine(choice: ModelEngineChoice): { engine: 'js' | 'webgpu'; reason: string } {
  return { engine: choice.engine === 'typescript' ? 'js' : 'webgpu', reason: choice.reason };
}

function kernelOf({ experiment, runIndex }: BatchSource, jobKind: 'basin' | 'sweep'): { name: string; hasKernel: boolean } {
  // from the method catalogue, not resolveSource: the page's main thread holds no method's code
  const run = experiment.runs[runIndex];
  if (!run) throw new Error(`the experiment has no run ${runIndex + 1}`);
  const method = getMethodSpec(run.optimizer);
  if (!method) throw new Error(`unknown optimizer '${run.optimizer}'`);
  // a first-order method runs a torch-style optimizer, which has a fused kernel (resolveRun's `optimizer`)
  return { name: method.name, hasKernel: hasFusedKernel({ method, ...(method.family === 'first-order' && { optimizer: method }) }, jobKind) };
}

/** Measurements hold for one problem and optimizer (a formula's cost sets the throughput). */
function measurementKey({ experiment, runIndex }: BatchSource): string {
  return JSON.stringify([experiment.problem, experiment.runs[runIndex]?.optimizer, experiment.steps]);
}

/** How many batch workers the pool starts: one per core, at most 8. */
export function defaultWorkerCount(): number {
  return Math.min(8, typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2);
}

function defaultBatchWorker(): Worker {
  return new Worker(new URL('../worker/batch.worker.ts', import.meta.url), { type: 'module', name: 'optimizer-playground-batch' });
}

function defaultGpuWorker(): Worker {
  return new Worker(new URL('../worker/gpu.worker.ts', import.meta.url), { type: 'module', name: 'optimizer-playground-webgpu' });
}
