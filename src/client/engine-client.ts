// The one main-thread owner of the engine worker: creates it, queues requests, drops superseded
// ones, and restarts the worker if it crashes. Components never call postMessage.
import type { Domain, KnownMinimum } from '../engine/objective';
import type { SurfaceGrid } from '../engine/sample';
import type { Experiment } from '../experiment/experiment';
import { PROTOCOL_VERSION, type EngineRequest, type EngineResponse, type RunPayload } from '../worker/protocol';
import { ENGINE_PHASES, fromEpoch, reportPhase } from './phase-timing';
import { RunCache } from './run-cache';

/** Rejection reason when a newer request of the same kind replaced this one before it ran. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'SupersededError';
  }
}

/** Every run of an experiment, as computed by the worker. */
export interface ComputedRuns {
  readonly runs: readonly RunPayload[];
  /** Milliseconds the worker spent on the runs it computed. */
  readonly elapsedMs: number;
  /** How many runs were computed; the others' results were kept from before (0: nothing needed computing). */
  readonly computed: number;
}

/** A sampled surface with its known minima. */
export interface SurfaceSample extends SurfaceGrid {
  readonly minima: readonly KnownMinimum[];
  readonly elapsedMs: number;
}

/** A loss-landscape slice of an n-D problem with the runs' paths projected onto it. */
export interface SliceSample extends SurfaceGrid {
  /** Per path asked for, flattened (α, β) pairs. */
  readonly paths: readonly Float64Array[];
  readonly explainedVarianceRatio: readonly [number, number] | null;
  readonly elapsedMs: number;
}

/** What a slice is asked for with (the sampleSlice request less its tag). */
export type SliceRequest = Omit<Extract<EngineRequest, { type: 'sampleSlice' }>, 'type' | 'requestId'>;

type RequestBody = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'requestId'> : never) : never;
type Kind = EngineRequest['type'];

interface Pending {
  readonly body: RequestBody;
  /** performance.now() when it was asked for, and when it was posted to the worker. */
  readonly requestedAt: number;
  postedAt?: number;
  resolve(response: EngineResponse): void;
  reject(reason: Error): void;
}

/** At most one request of each kind runs in the worker; the newest waiting one replaces older ones. */
interface Slot {
  running: { requestId: number; pending: Pending } | null;
  waiting: Pending | null;
}

const MAX_RESTARTS = 3;

/** Owns the engine Web Worker and speaks its protocol. */
export class EngineClient {
  private worker: Worker;
  private nextRequestId = 1;
  private restarts = 0;
  private readonly slots = new Map<Kind, Slot>();
  private readonly runCache = new RunCache();

  constructor(private readonly createWorker: () => Worker = defaultWorker) {
    this.worker = this.start();
  }

  /**
   * Runs an experiment (only its first `numSteps` steps when given); a newer call before this one
   * starts rejects it with SupersededError. Only the runs whose result depends on something that
   * changed since the last answer are computed (run-cache.ts); the others' results are the same
   * objects as before, so the views can tell at a glance what to redraw.
   */
  async runExperiment(experiment: Experiment, numSteps?: number): Promise<ComputedRuns> {
    const plan = this.runCache.plan(experiment, numSteps);
    if (plan.missing.length === 0) {
      // nothing to compute: answered at once, and an older request still waiting is not needed
      const slot = this.slotFor('runExperiment');
      slot.waiting?.reject(new SupersededError());
      slot.waiting = null;
      return { runs: this.runCache.complete(plan, []), elapsedMs: 0, computed: 0 };
    }
    const runIndices = plan.missing.length === experiment.runs.length ? undefined : plan.missing;
    const response = await this.request({ type: 'runExperiment', experiment, ...(numSteps !== undefined && { numSteps }), ...(runIndices && { runIndices }) });
    if (response.type !== 'experimentResult') throw new Error(`unexpected response ${response.type}`);
    return { runs: this.runCache.complete(plan, response.runs), elapsedMs: response.elapsedMs, computed: plan.missing.length };
  }

  /** Samples the problem's f over a grid (row 0 at the top). */
  async sampleSurface(problem: Experiment['problem'], domain: Domain, columns: number, rows: number): Promise<SurfaceSample> {
    const response = await this.request({ type: 'sampleSurface', problem, domain, columns, rows });
    if (response.type !== 'surfaceSample') throw new Error(`unexpected response ${response.type}`);
    const { values, minima, elapsedMs } = response;
    return { domain: response.domain, columns: response.columns, rows: response.rows, values, minima, elapsedMs };
  }

  /** A 2-D slice of an n-D problem's loss with the paths projected; a newer call before this one starts rejects it with SupersededError. */
  async sampleSlice(slice: SliceRequest): Promise<SliceSample> {
    const response = await this.request({ type: 'sampleSlice', ...slice });
    if (response.type !== 'sliceSample') throw new Error(`unexpected response ${response.type}`);
    const { domain, columns, rows, values, paths, explainedVarianceRatio, elapsedMs } = response;
    return { domain, columns, rows, values, paths, explainedVarianceRatio, elapsedMs };
  }

  /** f and ∇f at a point of the problem (one coordinate per dimension). */
  async probe(problem: Experiment['problem'], point: readonly number[]): Promise<{ value: number; gradient: readonly number[] }> {
    const response = await this.request({ type: 'probe', problem, point });
    if (response.type !== 'probeResult') throw new Error(`unexpected response ${response.type}`);
    return { value: response.value, gradient: response.gradient };
  }

  /** Stops the worker; pending requests are rejected. */
  dispose(): void {
    this.worker.terminate();
    for (const slot of this.slots.values()) {
      slot.running?.pending.reject(new Error('engine stopped'));
      slot.waiting?.reject(new Error('engine stopped'));
    }
    this.slots.clear();
  }

  private request(body: RequestBody): Promise<EngineResponse> {
    return new Promise<EngineResponse>((resolve, reject) => {
      const slot = this.slotFor(body.type);
      slot.waiting?.reject(new SupersededError());
      slot.waiting = { body, resolve, reject, requestedAt: performance.now() };
      this.pump(slot);
    });
  }

  private slotFor(kind: Kind): Slot {
    let slot = this.slots.get(kind);
    if (!slot) {
      slot = { running: null, waiting: null };
      this.slots.set(kind, slot);
    }
    return slot;
  }

  private pump(slot: Slot): void {
    if (slot.running || !slot.waiting) return;
    const pending = slot.waiting;
    slot.waiting = null;
    const requestId = this.nextRequestId++;
    slot.running = { requestId, pending };
    pending.postedAt = performance.now();
    this.worker.postMessage({ ...pending.body, requestId } as EngineRequest);
  }

  private start(): Worker {
    const worker = this.createWorker();
    worker.addEventListener('message', (event: MessageEvent<EngineResponse>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crashed(event.message || 'the engine worker crashed');
    });
    return worker;
  }

  private receive(response: EngineResponse): void {
    if (response.type === 'ready') {
      if (response.protocolVersion !== PROTOCOL_VERSION) {
        this.failAll(`engine worker speaks protocol ${response.protocolVersion}, the page ${PROTOCOL_VERSION}: reload the page`);
      }
      return;
    }
    for (const slot of this.slots.values()) {
      if (slot.running?.requestId !== response.requestId) continue;
      const { pending } = slot.running;
      slot.running = null;
      if (response.type === 'experimentResult') reportPhases(pending, response.timing);
      if (response.type === 'failed') pending.reject(new Error(response.message));
      else pending.resolve(response);
      this.pump(slot);
      return;
    }
  }

  // A crash loses the worker's state but not the page's: start a new worker and resend what was running.
  private crashed(message: string): void {
    this.worker.terminate();
    if (this.restarts >= MAX_RESTARTS) {
      this.failAll(`the engine worker crashed ${this.restarts + 1} times (${message})`);
      return;
    }
    this.restarts++;
    this.worker = this.start();
    for (const slot of this.slots.values()) {
      if (!slot.running) continue;
      const { pending } = slot.running;
      slot.running = null;
      if (slot.waiting) pending.reject(new SupersededError());
      else slot.waiting = pending;
      this.pump(slot);
    }
  }

  private failAll(message: string): void {
    for (const slot of this.slots.values()) {
      slot.running?.pending.reject(new Error(message));
      slot.waiting?.reject(new Error(message));
      slot.running = null;
      slot.waiting = null;
    }
  }
}

/** Splits an experiment request's time so far into its phases (client/phase-timing.ts). */
function reportPhases(pending: Pending, timing: { receivedAt: number; sentAt: number }): void {
  const received = performance.now();
  const posted = pending.postedAt ?? pending.requestedAt;
  const workerReceived = fromEpoch(timing.receivedAt);
  const workerSent = fromEpoch(timing.sentAt);
  reportPhase(ENGINE_PHASES.wait, pending.requestedAt, posted);
  reportPhase(ENGINE_PHASES.toWorker, posted, workerReceived);
  reportPhase(ENGINE_PHASES.compute, workerReceived, workerSent);
  reportPhase(ENGINE_PHASES.fromWorker, workerSent, received);
}

function defaultWorker(): Worker {
  return new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'optimizer-playground-engine' });
}
