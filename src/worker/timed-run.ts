import { Runner, type RunOptions } from '../engine/run';
import type { RunPayload } from './protocol';

/** Runs like runMethod, also recording the wall time at each point (the loss chart's time axis). */
export function timedRun(options: RunOptions): RunPayload {
  const runner = new Runner({ ...options, clock: () => performance.now() });
  runner.advance(options.numSteps);
  const result = runner.result();
  return { ...result, elapsedMs: result.elapsedMs ?? new Float64Array(result.loss.length) };
}
