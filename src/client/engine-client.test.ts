import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineRequest, EngineResponse } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import { EngineClient } from './engine-client';
import { WorkerHealth } from './worker-health';
import { RestartBudget } from './worker-watchdog';

// A stand-in engine worker that answers probes (f = x² + y²) and pings in order, and fails on
// demand: exits silently (close()), crashes, or hangs. No locks: exits are seen by deadlines here
// (worker-watchdog.test.ts covers the lock).
type Listener = (event: { data?: unknown; message?: string; preventDefault(): void }) => void;

class FakeEngineWorker {
  readonly received: EngineRequest[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  state: 'running' | 'silent' | 'hung' | 'terminated' = 'running';
  /** Fails this way on its first probe (before answering). */
  constructor(private readonly failOnProbe: 'close' | 'crash' | 'hang' | null) {
    queueMicrotask(() => this.emit({ type: 'ready', protocolVersion: PROTOCOL_VERSION }));
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: EngineRequest | { type: 'ping'; pingId: number }): void {
    if (message.type === 'ping') return void setTimeout(() => this.emit({ type: 'pong', pingId: message.pingId }), 0);
    this.received.push(message);
    if (message.type !== 'probe') return;
    setTimeout(() => {
      if (this.failOnProbe === 'close') this.state = 'silent';
      else if (this.failOnProbe === 'hang') this.state = 'hung';
      else if (this.failOnProbe === 'crash') {
        for (const listener of this.listeners.get('error') ?? []) listener({ message: 'Uncaught Error: injected', preventDefault() {} });
        this.state = 'terminated';
      }
      const [x, y] = message.point;
      this.emit({ type: 'probeResult', requestId: message.requestId, value: x * x + y * y, gradient: [2 * x, 2 * y] } satisfies EngineResponse);
    }, 5);
  }
  terminate(): void {
    this.state = 'terminated';
  }
  emit(data: unknown): void {
    if (this.state !== 'running') return;
    for (const listener of this.listeners.get('message') ?? []) listener({ data, preventDefault() {} });
  }
}

const timing = { pingIntervalMs: 100, pingDeadlineMs: 400 };
const problem = { kind: 'surface', surface: 'himmelblau', params: {} } as const;

function client(failures: Array<'close' | 'crash' | 'hang' | null>) {
  const workers: FakeEngineWorker[] = [];
  const health = new WorkerHealth();
  const engine = new EngineClient(
    () => {
      const worker = new FakeEngineWorker(failures[workers.length] ?? null);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    { health, timing, locks: null, restartBudget: new RestartBudget(3, 60_000, () => Date.now()) },
  );
  return { engine, workers, health };
}

describe('EngineClient watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['close', 'The engine stopped answering and was restarted; your runs were recomputed.'],
    ['hang', 'The engine stopped answering and was restarted; your runs were recomputed.'],
    ['crash', 'The engine crashed and was restarted; your runs were recomputed.'],
  ] as const)('a worker that fails (%s) with a request in flight is replaced, the request sent again and answered, and the user told', async (failure, message) => {
    const { engine, workers, health } = client([failure]);
    const answer = engine.probe(problem, [1, 2]);
    const notices: string[] = [];
    health.subscribe(() => notices.push(health.getSnapshot().map((notice) => `${notice.status}: ${notice.message}`).join()));
    // a probe's allowance is the 10 s floor; a silent worker is seen within it
    await vi.advanceTimersByTimeAsync(11_000);
    await expect(answer).resolves.toEqual({ value: 5, gradient: [2, 4] });
    expect(workers).toHaveLength(2);
    expect(workers[0].state).toBe('terminated');
    expect(workers[1].received.map((request) => request.type)).toEqual(['probe']);
    expect(notices.at(-1)).toBe(`recovered: ${message}`);
    expect(notices[0]).toMatch(/^recovering: The engine .* is being restarted; your runs are being recomputed…$/);
    engine.dispose();
  });

  it('gives up after three restarts in a minute, keeps the work, and sends it again on Retry', async () => {
    const { engine, workers, health } = client(['crash', 'crash', 'crash', 'crash']);
    const answer = engine.probe(problem, [3, 0]);
    let settled = false;
    void answer.finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(workers).toHaveLength(4); // the first and three restarts
    const [notice] = health.getSnapshot();
    expect(notice.status).toBe('failed');
    expect(notice.message).toBe('The engine crashed 4 times within a minute (Uncaught Error: injected), so it was not restarted again.');
    // no restart loop: nothing more is started while it waits for the user
    await vi.advanceTimersByTimeAsync(30_000);
    expect(workers).toHaveLength(4);
    expect(settled).toBe(false);
    notice.retry!();
    await vi.advanceTimersByTimeAsync(100);
    await expect(answer).resolves.toEqual({ value: 9, gradient: [6, 0] });
    expect(workers).toHaveLength(5);
    expect(health.getSnapshot()[0].status).toBe('recovered');
    engine.dispose();
  });

  it('does not take a slow answer within its allowance for a hang', async () => {
    const { engine, workers, health } = client([null]);
    await expect(Promise.all([engine.probe(problem, [1, 1]), vi.advanceTimersByTimeAsync(20)])).resolves.toBeDefined();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(workers).toHaveLength(1);
    expect(health.getSnapshot()).toEqual([]);
    engine.dispose();
  });
});
