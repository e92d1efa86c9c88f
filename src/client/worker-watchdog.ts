// One worker watched for the three ways it can fail without saying so: it exits (self.close() fires
// no event in the page), it crashes (an 'error' or 'messageerror' event), or it stops answering (a
// busy loop, a deadlock). Exits are seen at once through a Web Lock the worker holds for its life;
// a hang by deadlines: a ping sent while the worker is idle must come back within pingDeadlineMs,
// and a request must be answered (or make progress: any message counts) within its own allowance,
// which the owner scales from the work's estimate. On a fault the worker is terminated and the
// owner told once; it decides whether to restart (RestartBudget) and re-sends its work.
import type { WatchdogRequest, WatchdogResponse } from '../worker/watchdog-protocol';

/** How a worker failed. */
export type WorkerFaultKind = 'exited' | 'crashed' | 'hung';

/** A worker's failure, with what the browser said about it (if anything). */
export interface WorkerFault {
  readonly kind: WorkerFaultKind;
  readonly detail: string;
}

/** The watchdog's clock. */
export interface WatchdogTiming {
  /** How often the worker is checked (and pinged while idle). */
  readonly pingIntervalMs: number;
  /** How long an idle worker has to answer a ping. */
  readonly pingDeadlineMs: number;
}

/** Defaults: an idle worker that has not answered for about 4 s is taken for hung. */
export const WATCHDOG_TIMING: WatchdogTiming = { pingIntervalMs: 1000, pingDeadlineMs: 4000 };

/** What a WatchedWorker is made with. */
export interface WatchedWorkerOptions {
  create(): Worker;
  /** Every message of the worker but the watchdog's own. */
  onMessage(data: unknown): void;
  /** Called once per worker that failed (already terminated): restart() or stop() next. */
  onFault(fault: WorkerFault): void;
  readonly timing?: Partial<WatchdogTiming>;
  /** Where exits are watched (navigator.locks by default; null: by deadlines only). */
  readonly locks?: LockManager | null;
  readonly now?: () => number;
}

interface Outstanding {
  readonly postedAt: number;
  readonly allowanceMs: number;
}

let lockCounter = 0;

/** Owns one worker at a time and watches it; restart() replaces it. */
export class WatchedWorker {
  private worker: Worker | null = null;
  /** Bumped per worker: events of a replaced worker are ignored. */
  private generation = 0;
  private faulted = false;
  /** Requests awaiting an answer, oldest first (workers serve messages in order). */
  private readonly outstanding = new Map<number, Outstanding>();
  private lastHeard = 0;
  /** The ping not yet answered; `guarded` when it was sent to an idle worker (then it has a deadline). */
  private ping: { id: number; sentAt: number; guarded: boolean } | null = null;
  private nextPingId = 1;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lockWatch: AbortController | null = null;
  private readonly timing: WatchdogTiming;
  private readonly now: () => number;
  private readonly locks: LockManager | null;

  constructor(private readonly options: WatchedWorkerOptions) {
    this.timing = { ...WATCHDOG_TIMING, ...options.timing };
    this.now = options.now ?? (() => performance.now());
    this.locks = options.locks !== undefined ? options.locks : defaultLocks();
    this.start();
  }

  /** Posts a message; with `watch`, the request `id` must be answered (answered(id)) within `allowanceMs` of the worker's last sign of life. */
  post(message: unknown, transfer: Transferable[] = [], watch?: { readonly id: number; readonly allowanceMs: number }): void {
    if (this.worker === null) return;
    if (watch) this.outstanding.set(watch.id, { postedAt: this.now(), allowanceMs: watch.allowanceMs });
    this.worker.postMessage(message, transfer);
  }

  /** The request `id` got its last answer. */
  answered(id: number): void {
    this.outstanding.delete(id);
  }

  /** Whether a worker is running (false after a fault until restart()). */
  get alive(): boolean {
    return this.worker !== null;
  }

  /** Replaces the worker (terminated if still running) with a fresh one; nothing is re-sent here. */
  restart(): void {
    this.stop();
    this.start();
  }

  /** Terminates the worker and stops watching. */
  stop(): void {
    this.generation++;
    this.worker?.terminate();
    this.worker = null;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.lockWatch?.abort();
    this.lockWatch = null;
    this.outstanding.clear();
    this.ping = null;
  }

  private start(): void {
    const generation = ++this.generation;
    const worker = this.options.create();
    this.worker = worker;
    this.faulted = false;
    this.lastHeard = this.now();
    const current = () => this.generation === generation;
    worker.addEventListener('message', (event: MessageEvent) => {
      if (!current()) return;
      this.lastHeard = this.now();
      const data = event.data as WatchdogResponse | { type?: unknown } | null;
      if (data?.type === 'pong') {
        if (this.ping?.id === (data as WatchdogResponse & { type: 'pong' }).pingId) this.ping = null;
        return;
      }
      if (data?.type === 'working') return; // a long request going on: heard, so not hung
      if (data?.type === 'watching') {
        this.watchExit((data as WatchdogResponse & { type: 'watching' }).lock, generation);
        return;
      }
      this.options.onMessage(event.data);
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      if (current()) this.fault({ kind: 'crashed', detail: event.message || 'an uncaught error' });
    });
    worker.addEventListener('messageerror', () => {
      if (current()) this.fault({ kind: 'crashed', detail: 'a message from the worker could not be read' });
    });
    this.timer = setInterval(() => this.check(), this.timing.pingIntervalMs);
    if (this.locks !== null) worker.postMessage({ type: 'watch', lock: `optimizer-playground-watchdog-${++lockCounter}-${Math.random().toString(36).slice(2)}` } satisfies WatchdogRequest);
  }

  /** The worker holds `lock` from now on: once the page is granted it, the worker is gone. */
  private watchExit(lock: string, generation: number): void {
    if (this.locks === null) return;
    const controller = new AbortController();
    this.lockWatch = controller;
    this.locks
      .request(lock, { signal: controller.signal }, () => {
        if (this.generation === generation && !this.faulted) this.fault({ kind: 'exited', detail: 'the worker ended' });
      })
      .catch(() => undefined); // aborted: the worker was replaced or stopped on purpose
  }

  private check(): void {
    if (this.worker === null || this.faulted) return;
    const now = this.now();
    // an idle worker that took no notice of a ping is hung, whatever was posted after the ping
    if (this.ping?.guarded && now - this.ping.sentAt > this.timing.pingDeadlineMs) {
      this.fault({ kind: 'hung', detail: `no answer to a ping in ${Math.round(now - this.ping.sentAt)} ms` });
      return;
    }
    const oldest = this.outstanding.values().next();
    if (!oldest.done) {
      const silentMs = now - Math.max(this.lastHeard, oldest.value.postedAt);
      if (silentMs > oldest.value.allowanceMs) {
        this.fault({ kind: 'hung', detail: `no answer in ${Math.round(silentMs)} ms (allowed ${Math.round(oldest.value.allowanceMs)} ms)` });
        return;
      }
    }
    if (this.ping === null) {
      const id = this.nextPingId++;
      this.ping = { id, sentAt: now, guarded: this.outstanding.size === 0 };
      this.worker.postMessage({ type: 'ping', pingId: id } satisfies WatchdogRequest);
    }
  }

  private fault(fault: WorkerFault): void {
    if (this.faulted) return;
    this.faulted = true;
    this.stop();
    this.options.onFault(fault);
  }
}

/** At most `limit` restarts within `windowMs`: past that the owner gives up and asks the user. */
export class RestartBudget {
  private readonly restarts: number[] = [];

  constructor(
    readonly limit = 3,
    readonly windowMs = 60_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one restart if the budget allows it. */
  take(): boolean {
    const now = this.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.limit) return false;
    this.restarts.push(now);
    return true;
  }

  /** Forgets past restarts (the user asked to try again). */
  reset(): void {
    this.restarts.length = 0;
  }
}

/** What happened to a worker, as a user reads it: "exited" → "stopped unexpectedly". */
export function describeFault(kind: WorkerFaultKind): string {
  switch (kind) {
    case 'exited':
      return 'stopped unexpectedly';
    case 'crashed':
      return 'crashed';
    case 'hung':
      return 'stopped answering';
  }
}

function defaultLocks(): LockManager | null {
  return (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks ?? null;
}
