// The phases of a recompute (a drag asks for one on every pointer move) named on the page's
// performance timeline as User Timing measures, so that `npm run bench` and DevTools can tell
// which phase a slow answer spent its time in. Each measure is cleared from the timeline's buffer
// as soon as it is made: observers have already been handed it, and a long drag leaves nothing behind.

/** The phases of one experiment request, in the order they happen. */
export const ENGINE_PHASES = {
  /** Asked for, until posted to the worker: waiting behind the request of the same kind that is running. */
  wait: 'engine.wait',
  /** Posted, until the worker took it up: message delivery, and the worker busy with another kind of request. */
  toWorker: 'engine.to-worker',
  /** The worker running the experiment and preparing its answer. */
  compute: 'engine.compute',
  /** Posted back, until the page handled it: the transfer, and the main thread busy with something else. */
  fromWorker: 'engine.from-worker',
  /** The answer put in the store: the map, the loss chart and React follow it (synchronously, and in the microtasks after). */
  apply: 'engine.apply',
} as const;

/** Milliseconds since the epoch (a worker's clock) on the page's performance.now() clock. */
export function fromEpoch(epochMs: number): number {
  return epochMs - performance.timeOrigin;
}

/** Records one phase from `start` to `end` (page performance.now() milliseconds) on the performance timeline. */
export function reportPhase(name: string, start: number, end: number): void {
  if (!(end >= start)) return;
  performance.measure(name, { start, end });
  performance.clearMeasures(name);
}
