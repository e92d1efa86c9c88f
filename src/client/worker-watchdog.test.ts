import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RestartBudget, WatchedWorker, type WorkerFault } from './worker-watchdog';

// A stand-in worker that serves in order, as a real one does, and can fail each way a real one
// can: exit without a word (self.close()), crash ('error'), or hang (a busy loop: nothing answered).
type Listener = (event: { data?: unknown; message?: string; preventDefault(): void }) => void;

/** A LockManager that grants a lock once its holder (a fake worker) lets it go. */
class FakeLocks {
  private readonly held = new Map<string, Array<() => void>>();
  hold(name: string): void {
    this.held.set(name, []);
  }
  release(name: string): void {
    const waiters = this.held.get(name) ?? [];
    this.held.delete(name);
    for (const waiter of waiters) waiter();
  }
  request(name: string, options: { signal?: AbortSignal }, callback: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        callback();
        resolve();
      };
      const waiters = this.held.get(name);
      if (waiters === undefined) return grant();
      waiters.push(grant);
      options.signal?.addEventListener('abort', () => {
        waiters.splice(waiters.indexOf(grant), 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }
}

class FakeWorker {
  readonly received: Array<{ type: string; id?: number }> = [];
  private readonly listeners = new Map<string, Listener[]>();
  /** silent: exited (close()); hung: busy forever; terminated: by the page. */
  state: 'running' | 'silent' | 'hung' | 'terminated' = 'running';
  private lock: string | null = null;
  constructor(private readonly locks: FakeLocks | null = null) {}
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: { type: string; id?: number; pingId?: number; lock?: string }): void {
    this.received.push(message);
    if (message.type === 'watch' && this.locks && message.lock) {
      this.lock = message.lock;
      this.locks.hold(message.lock);
      setTimeout(() => this.emit({ type: 'watching', lock: message.lock }), 0);
    }
    if (message.type === 'ping') setTimeout(() => this.emit({ type: 'pong', pingId: message.pingId }), 0);
  }
  terminate(): void {
    this.state = 'terminated';
    if (this.lock) this.locks?.release(this.lock);
  }
  /** self.close(): no event reaches the page; only the lock goes. */
  close(): void {
    this.state = 'silent';
    if (this.lock) this.locks?.release(this.lock);
  }
  emit(data: unknown): void {
    if (this.state !== 'running') return;
    for (const listener of this.listeners.get('message') ?? []) listener({ data, preventDefault() {} });
  }
  crash(message: string): void {
    for (const listener of this.listeners.get('error') ?? []) listener({ message, preventDefault() {} });
  }
}

const timing = { pingIntervalMs: 100, pingDeadlineMs: 400 };

function watched(locks: FakeLocks | null = null) {
  const workers: FakeWorker[] = [];
  const faults: WorkerFault[] = [];
  const messages: unknown[] = [];
  const watchedWorker = new WatchedWorker({
    create: () => {
      const worker = new FakeWorker(locks);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    onMessage: (data) => messages.push(data),
    onFault: (fault) => faults.push(fault),
    timing,
    locks: locks as unknown as LockManager | null,
    now: () => Date.now(),
  });
  return { watchedWorker, workers, faults, messages };
}

describe('WatchedWorker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('leaves a healthy idle worker alone and passes its messages on', async () => {
    const { watchedWorker, workers, faults, messages } = watched();
    await vi.advanceTimersByTimeAsync(5000);
    workers[0].emit({ type: 'result', requestId: 1 });
    expect(faults).toEqual([]);
    expect(messages).toEqual([{ type: 'result', requestId: 1 }]);
    expect(workers[0].received.filter((message) => message.type === 'ping').length).toBeGreaterThan(10);
    watchedWorker.stop();
  });

  it('sees a worker that exits without a word (close()) at once through its lock', async () => {
    const locks = new FakeLocks();
    const { watchedWorker, workers, faults } = watched(locks);
    await vi.advanceTimersByTimeAsync(10);
    watchedWorker.post({ type: 'work' }, [], { id: 1, allowanceMs: 60_000 });
    workers[0].close();
    await vi.advanceTimersByTimeAsync(0);
    expect(faults).toEqual([{ kind: 'exited', detail: 'the worker ended' }]);
    expect(workers[0].state).toBe('terminated');
    expect(watchedWorker.alive).toBe(false);
  });

  it('without locks, sees a worker that exited by its unanswered ping', async () => {
    const { workers, faults } = watched();
    workers[0].close();
    await vi.advanceTimersByTimeAsync(timing.pingIntervalMs + timing.pingDeadlineMs - 10);
    expect(faults).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * timing.pingIntervalMs);
    expect(faults.map((fault) => fault.kind)).toEqual(['hung']);
    expect(workers[0].state).toBe('terminated');
  });

  it('takes a crash for a fault once, and ignores the dead worker afterwards', async () => {
    const { watchedWorker, workers, faults, messages } = watched();
    workers[0].crash('boom');
    workers[0].crash('again');
    expect(faults).toEqual([{ kind: 'crashed', detail: 'boom' }]);
    watchedWorker.restart();
    expect(workers).toHaveLength(2);
    workers[0].state = 'running';
    workers[0].emit({ type: 'late' });
    workers[0].crash('late crash');
    expect(messages).toEqual([]);
    expect(faults).toHaveLength(1);
  });

  it('gives a request its allowance from the last sign of life, then takes the worker for hung', async () => {
    const { watchedWorker, workers, faults } = watched();
    workers[0].state = 'hung';
    watchedWorker.post({ type: 'work' }, [], { id: 7, allowanceMs: 2000 });
    await vi.advanceTimersByTimeAsync(1900);
    expect(faults).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(faults.map((fault) => fault.kind)).toEqual(['hung']);
    expect(faults[0].detail).toMatch(/allowed 2000 ms/);
  });

  it('lets a long request run while the worker keeps talking, and stops the clock on its answer', async () => {
    const { watchedWorker, workers, faults } = watched();
    watchedWorker.post({ type: 'work' }, [], { id: 7, allowanceMs: 1000 });
    for (let tick = 0; tick < 10; tick++) {
      await vi.advanceTimersByTimeAsync(500);
      workers[0].emit({ type: 'progress', requestId: 7 });
    }
    watchedWorker.answered(7);
    await vi.advanceTimersByTimeAsync(5000);
    expect(faults).toEqual([]);
  });

  it("takes the worker's unasked \"working\" for a sign of life and keeps it from the owner", async () => {
    const { watchedWorker, workers, faults, messages } = watched();
    watchedWorker.post({ type: 'work' }, [], { id: 8, allowanceMs: 1000 });
    for (let tick = 0; tick < 10; tick++) {
      await vi.advanceTimersByTimeAsync(900);
      workers[0].emit({ type: 'working' });
    }
    expect(faults).toEqual([]);
    expect(messages).toEqual([]);
    workers[0].state = 'hung'; // and then silence: the allowance runs from the last "working"
    await vi.advanceTimersByTimeAsync(1200);
    expect(faults.map((fault) => fault.kind)).toEqual(['hung']);
  });

  it('catches a worker that hung while idle before the ping deadline, not the request allowance', async () => {
    const { watchedWorker, workers, faults } = watched();
    await vi.advanceTimersByTimeAsync(50);
    workers[0].state = 'hung';
    await vi.advanceTimersByTimeAsync(timing.pingIntervalMs);
    // a request posted behind the unanswered ping waits behind it: the ping's deadline decides
    watchedWorker.post({ type: 'work' }, [], { id: 1, allowanceMs: 60_000 });
    await vi.advanceTimersByTimeAsync(timing.pingDeadlineMs + timing.pingIntervalMs);
    expect(faults.map((fault) => fault.kind)).toEqual(['hung']);
  });
});

describe('RestartBudget', () => {
  it('allows a few restarts in a window, then refuses until the window passes or it is reset', () => {
    let now = 0;
    const budget = new RestartBudget(3, 60_000, () => now);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
    now = 61_000;
    expect(budget.take()).toBe(true);
    budget.take();
    budget.take();
    expect(budget.take()).toBe(false);
    budget.reset();
    expect(budget.take()).toBe(true);
  });
});
