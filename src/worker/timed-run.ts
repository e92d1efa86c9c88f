import type { Objective } from '../engine/objective';
import { Runner, type RunOptions } from '../engine/run';
import type { RunPayload } from './protocol';

/** Steps between clock readings: fine enough for a wall-time axis, cheap enough to ignore. */
const CLOCK_INTERVAL = 32;

/**
 * Runs like runOptimizer, also recording the evaluations made and the wall time at each point
 * (read every CLOCK_INTERVAL steps and spread evenly between readings).
 */
export function timedRun(options: RunOptions & { objective: Objective }): RunPayload {
  const started = performance.now();
  const runner = new Runner(options);
  const times: number[] = [0];
  let done = 0;
  while (done < options.numSteps && runner.diverged === null) {
    const chunk = Math.min(CLOCK_INTERVAL, options.numSteps - done);
    const recorded = runner.advance(chunk);
    const now = performance.now() - started;
    const previous = times[times.length - 1];
    for (let k = 1; k <= recorded; k++) times.push(previous + ((now - previous) * k) / recorded);
    done += chunk;
    if (recorded < chunk) break;
  }
  const result = runner.result();
  const points = result.loss.length;
  const evaluations = new Float64Array(points);
  // first-order methods evaluate f and ∇f once per point: the start's, then one per update
  for (let k = 0; k < points; k++) evaluations[k] = k + 1;
  return { trajectory: result.trajectory, loss: result.loss, evaluations, elapsedMs: Float64Array.from(times.slice(0, points)), diverged: result.diverged };
}
