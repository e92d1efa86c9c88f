import type { Objective } from '../engine/objective';
import { Runner, type RunOptions } from '../engine/run';
import type { RunPayload } from './protocol';

/** Steps between clock readings: fine enough for a wall-time axis, cheap enough to ignore. */
const CLOCK_INTERVAL = 32;

/**
 * Wall time at every point from clock readings taken every few points. Browsers coarsen
 * performance.now() (to 0.1 ms in a worker that is not cross-origin isolated), so many readings
 * repeat; time is spread linearly between the readings where the clock moved, instead of drawing
 * flat runs and jumps.
 */
export function spreadReadings(readings: readonly { point: number; time: number }[], points: number): Float64Array {
  const times = new Float64Array(points);
  const changes = readings.filter((reading, index) => index === 0 || index === readings.length - 1 || reading.time > readings[index - 1].time);
  for (let segment = 1; segment < changes.length; segment++) {
    const from = changes[segment - 1];
    const to = changes[segment];
    for (let point = from.point; point <= Math.min(to.point, points - 1); point++) {
      times[point] = to.point === from.point ? to.time : from.time + ((to.time - from.time) * (point - from.point)) / (to.point - from.point);
    }
  }
  return times;
}

/** Runs like runOptimizer, also recording the evaluations made and the wall time at each point. */
export function timedRun(options: RunOptions & { objective: Objective }): RunPayload {
  const started = performance.now();
  const runner = new Runner(options);
  const readings = [{ point: 0, time: 0 }];
  let done = 0;
  while (done < options.numSteps && runner.diverged === null) {
    const chunk = Math.min(CLOCK_INTERVAL, options.numSteps - done);
    const recorded = runner.advance(chunk);
    done += recorded;
    readings.push({ point: done, time: performance.now() - started });
    if (recorded < chunk) break;
  }
  const result = runner.result();
  const points = result.loss.length;
  const evaluations = new Float64Array(points);
  // first-order methods evaluate f and ∇f once per point: the start's, then one per update
  for (let k = 0; k < points; k++) evaluations[k] = k + 1;
  return { trajectory: result.trajectory, loss: result.loss, evaluations, elapsedMs: spreadReadings(readings, points), diverged: result.diverged };
}
