// The watchdog's own messages, shared by every worker (engine, batch, WebGPU): a ping the worker
// answers as soon as it is free, and a Web Lock it holds for its whole life so that the page learns
// of its exit (self.close(), a crash the browser does not report) the moment it happens.
// Compiled without the DOM library (tsconfig.worker.json).

/** Page → worker: answer with a pong; or take the named lock and keep it until the worker ends. */
export type WatchdogRequest = { readonly type: 'ping'; readonly pingId: number } | { readonly type: 'watch'; readonly lock: string };

/** Worker → page: a ping's answer; or the lock is held (from now on its release means the worker ended). */
export type WatchdogResponse = { readonly type: 'pong'; readonly pingId: number } | { readonly type: 'watching'; readonly lock: string };

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
