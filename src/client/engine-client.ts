// The one main-thread owner of the engine worker: creates it, queues requests, drops superseded
// ones, and, through its watchdog (worker-watchdog.ts), restarts the worker when it exits, crashes
// or stops answering, sends the work it had again and tells the user (worker-health.ts). Past a few
// restarts a minute it gives up and offers Retry instead. Components never call postMessage.
import type { Domain, KnownMinimum } from '../engine/objective';
import type { SurfaceGrid } from '../engine/sample';
import type { Experiment } from '../experiment/experiment';
import type { StepInspection } from '../engine/inspect-step';
import { PROTOCOL_VERSION, type EngineRequest, type EngineResponse, type RunPayload } from '../worker/protocol';
import { ENGINE_PHASES, fromEpoch, reportPhase } from './phase-timing';
import { RunCache } from './run-cache';
import { workerHealth, type WorkerHealth } from './worker-health';
import { describeFault, RestartBudget, WatchedWorker, type WatchdogTiming, type WorkerFault } from './worker-watchdog';

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
/** One request of each kind is in flight at a time; the theory overlays' probe has a slot of its own. */
type Kind = EngineRequest['type'] | 'localModel';

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

/** How long any request may go unanswered at least before the worker is taken for hung. */
const HANG_FLOOR_MS = 10_000;
/** A request may take this many times its estimate before the worker is taken for hung. */
const HANG_FACTOR = 20;
/** Milliseconds per run-step assumed before the worker has answered any run (a formula of a few terms takes ~1 µs). */
const DEFAULT_MS_PER_RUN_STEP = 0.005;

/** Who an EngineClient is to the user, and how it is watched (tests shorten the clock). */
export interface EngineClientOptions {
  /** The notice's source and how it names the worker: 'engine', 'The engine'. */
  readonly source?: string;
  readonly name?: string;
  /** Its work being redone, and redone: 'your runs are being recomputed', 'your runs were recomputed'. */
  readonly work?: { readonly doing: string; readonly done: string };
  readonly health?: WorkerHealth;
  readonly timing?: Partial<WatchdogTiming>;
  readonly locks?: LockManager | null;
  readonly restartBudget?: RestartBudget;
}

/** Owns the engine Web Worker and speaks its protocol. */
export class EngineClient {
  private readonly watched: WatchedWorker;
  private nextRequestId = 1;
  private readonly slots = new Map<Kind, Slot>();
  private readonly runCache = new RunCache();
  private readonly budget: RestartBudget;
  private readonly health: WorkerHealth;
  private readonly source: string;
  private readonly name: string;
  private readonly work: { readonly doing: string; readonly done: string };
  /** Set when the restart budget ran out: requests wait for retry(). */
  private gaveUp = false;
  /** The fault the worker was last restarted for, until the work it had is done again. */
  private recovering: { fault: WorkerFault; redone: boolean } | null = null;
  /** The slowest milliseconds per run-step seen: a run's hang deadline is scaled from it. */
  private msPerRunStep = DEFAULT_MS_PER_RUN_STEP;

  constructor(createWorker: () => Worker = defaultWorker, options: EngineClientOptions = {}) {
    this.source = options.source ?? 'engine';
    this.name = options.name ?? 'The engine';
    this.work = options.work ?? { doing: 'your runs are being recomputed', done: 'your runs were recomputed' };
    this.health = options.health ?? workerHealth;
    this.budget = options.restartBudget ?? new RestartBudget();
    this.watched = new WatchedWorker({
      create: createWorker,
      onMessage: (data) => this.receive(data as EngineResponse),
      onFault: (fault) => this.faulted(fault),
      ...(options.timing && { timing: options.timing }),
      ...(options.locks !== undefined && { locks: options.locks }),
    });
  }

  /** After the client gave up: starts a fresh worker and sends the work that waits again. */
  retry(): void {
    this.budget.reset();
    this.gaveUp = false;
    this.watched.restart();
    this.resend();
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

  /**
   * f, ∇f and ∇²f (row-major) at a point: the theory overlays' local quadratic model. Its own slot
   * apart from the hover probe's, so neither supersedes the other.
   */
  async localModel(problem: Experiment['problem'], point: readonly number[]): Promise<{ value: number; gradient: readonly number[]; hessian: readonly number[] }> {
    const response = await this.request({ type: 'probe', problem, point, hessian: true }, 'localModel');
    if (response.type !== 'probeResult' || response.hessian === undefined) throw new Error(`unexpected response ${response.type}`);
    return { value: response.value, gradient: response.gradient, hessian: response.hessian };
  }

  /** Runs `runIndices` replayed to `step` and inspected there; a newer call before this one starts rejects it with SupersededError. */
  async inspect(experiment: Experiment, step: number, runIndices: readonly number[]): Promise<readonly StepInspection[]> {
    const response = await this.request({ type: 'inspect', experiment, step, runIndices });
    if (response.type !== 'inspection') throw new Error(`unexpected response ${response.type}`);
    return response.inspections;
  }

  /** Stops the worker; pending requests are rejected. */
  dispose(): void {
    this.watched.stop();
    for (const slot of this.slots.values()) {
      slot.running?.pending.reject(new Error('engine stopped'));
      slot.waiting?.reject(new Error('engine stopped'));
    }
    this.slots.clear();
  }

  private request(body: RequestBody, kind: Kind = body.type): Promise<EngineResponse> {
    return new Promise<EngineResponse>((resolve, reject) => {
      const slot = this.slotFor(kind);
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
    if (slot.running || !slot.waiting || this.gaveUp || !this.watched.alive) return;
    const pending = slot.waiting;
    slot.waiting = null;
    const requestId = this.nextRequestId++;
    slot.running = { requestId, pending };
    pending.postedAt = performance.now();
    this.watched.post({ ...pending.body, requestId } as EngineRequest, [], { id: requestId, allowanceMs: this.allowanceFor(pending.body) });
  }

  /** How long a request may go unanswered: a run from its run-steps at the slowest rate seen, the rest a floor. */
  private allowanceFor(body: RequestBody): number {
    if (body.type === 'inspect') return HANG_FLOOR_MS + HANG_FACTOR * body.runIndices.length * body.step * this.msPerRunStep;
    if (body.type !== 'runExperiment') return body.type === 'sampleSlice' ? 3 * HANG_FLOOR_MS : HANG_FLOOR_MS;
    return HANG_FLOOR_MS + HANG_FACTOR * runSteps(body) * this.msPerRunStep;
  }

  private receive(response: EngineResponse): void {
    if (response.type === 'ready') {
      if (response.protocolVersion !== PROTOCOL_VERSION) {
        this.failAll(`engine worker speaks protocol ${response.protocolVersion}, the page ${PROTOCOL_VERSION}: reload the page`);
      }
      return;
    }
    this.watched.answered(response.requestId);
    for (const slot of this.slots.values()) {
      if (slot.running?.requestId !== response.requestId) continue;
      const { pending } = slot.running;
      slot.running = null;
      if (response.type === 'experimentResult') {
        reportPhases(pending, response.timing);
        const steps = runSteps(pending.body);
        if (steps > 0) this.msPerRunStep = Math.max(this.msPerRunStep, response.elapsedMs / steps);
      }
      if (response.type === 'failed') pending.reject(new Error(response.message));
      else pending.resolve(response);
      this.pump(slot);
      this.checkRecovered();
      return;
    }
  }

  // A dead worker loses its state but not the page's: start a new one and send again what it had,
  // unless it died too often lately: then the work waits for the user's Retry (no restart loop).
  private faulted(fault: WorkerFault): void {
    const what = `${this.name} ${describeFault(fault.kind)}`;
    if (!this.budget.take()) {
      this.gaveUp = true;
      this.parkRunning();
      this.health.report({
        source: this.source,
        status: 'failed',
        message: `${what} ${this.budget.limit + 1} times within a minute (${fault.detail}), so it was not restarted again.`,
        retry: () => this.retry(),
      });
      return;
    }
    this.watched.restart();
    const redone = [...this.slots.values()].some((slot) => slot.running !== null || slot.waiting !== null);
    this.recovering = { fault, redone };
    this.health.report({ source: this.source, status: 'recovering', message: `${what} and is being restarted${redone ? `; ${this.work.doing}…` : '.'}` });
    this.resend();
  }

  /** Moves what was running back to waiting (a newer request of its kind replaces it). */
  private parkRunning(): void {
    for (const slot of this.slots.values()) {
      if (!slot.running) continue;
      const { pending } = slot.running;
      slot.running = null;
      if (slot.waiting) pending.reject(new SupersededError());
      else slot.waiting = pending;
    }
  }

  private resend(): void {
    this.parkRunning();
    for (const slot of this.slots.values()) this.pump(slot);
    this.checkRecovered();
  }

  /** Once the work the dead worker had is done again, the notice says so. */
  private checkRecovered(): void {
    if (this.recovering === null || this.gaveUp) return;
    for (const slot of this.slots.values()) if (slot.running || slot.waiting) return;
    const { fault, redone } = this.recovering;
    this.recovering = null;
    this.health.report({ source: this.source, status: 'recovered', message: `${this.name} ${describeFault(fault.kind)} and was restarted${redone ? `; ${this.work.done}.` : '.'}` });
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

/** Run-steps a request asks for (0 for the other kinds). */
function runSteps(body: RequestBody): number {
  if (body.type !== 'runExperiment') return 0;
  const runs = body.runIndices?.length ?? body.experiment.runs.length;
  return runs * Math.min(body.experiment.steps, body.numSteps ?? body.experiment.steps);
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
