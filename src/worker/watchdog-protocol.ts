// The watchdog's own messages, shared by every worker (engine, batch, WebGPU): a ping the worker
// answers as soon as it is free, and a Web Lock it holds for its whole life so that the page learns
// of its exit (self.close(), a crash the browser does not report) the moment it happens.
// Compiled without the DOM library (tsconfig.worker.json).

/** Page → worker: answer with a pong; or take the named lock and keep it until the worker ends. */
export type WatchdogRequest = { readonly type: 'ping'; readonly pingId: number } | { readonly type: 'watch'; readonly lock: string };

/**
 * Worker → page: a ping's answer; the lock is held (from now on its release means the worker
 * ended); or, unasked, "still working" while one long request runs (it cannot answer pings then).
 */
export type WatchdogResponse = { readonly type: 'pong'; readonly pingId: number } | { readonly type: 'watching'; readonly lock: string } | { readonly type: 'working' };

/** How often a busy worker says it is still working. */
export const WORKING_INTERVAL_MS = 1_000;

/**
 * A function for long work to call often (every few steps): at most once a WORKING_INTERVAL_MS it
 * tells the page the worker is busy, not hung, so a legitimate request longer than its estimate
 * (a 500-dimensional Newton run, say) is never taken for a hang.
 */
export function workingBeat(reply: (response: WatchdogResponse) => void, now: () => number = () => performance.now()): () => void {
  let last = now();
  return () => {
    const time = now();
    if (time - last < WORKING_INTERVAL_MS) return;
    last = time;
    reply({ type: 'working' });
  };
}

/** Whether a message is the watchdog's (the worker answers it with answerWatchdog, not its handler). */
export function isWatchdogRequest(message: unknown): message is WatchdogRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'ping' || type === 'watch';
}

/** Answers a watchdog message inside a worker. */
export function answerWatchdog(request: WatchdogRequest, reply: (response: WatchdogResponse) => void): void {
  if (request.type === 'ping') {
    reply({ type: 'pong', pingId: request.pingId });
    return;
  }
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (locks === undefined) return;
  // a promise that never settles: the lock is released only when the worker's global goes away
  void locks.request(request.lock, () => {
    reply({ type: 'watching', lock: request.lock });
    return new Promise<never>(() => undefined);
  });
}
