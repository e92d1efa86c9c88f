import { Runner, type RunOptions } from '../engine/run';
import type { RunPayload } from './protocol';

/** Steps between calls of `working`: a few microseconds to milliseconds of work each. */
const BEAT_STEPS = 16;

/**
 * Runs like runMethod, also recording the wall time at each point (the loss chart's time axis);
 * `working` is called every few steps (the watchdog's "still working", see watchdog-protocol.ts).
 */
export function timedRun(options: RunOptions, working?: () => void): RunPayload {
  const runner = new Runner({ ...options, clock: () => performance.now() });
  if (working === undefined) runner.advance(options.numSteps);
  else {
    for (let done = 0; done < options.numSteps; ) {
      const recorded = runner.advance(Math.min(BEAT_STEPS, options.numSteps - done));
      if (recorded === 0) break; // converged or diverged
      done += recorded;
      working();
    }
  }
  const result = runner.result();
  return { ...result, elapsedMs: result.elapsedMs ?? new Float64Array(result.loss.length) };
}
