/** A wall-clock reading taken when the run had recorded `point + 1` points. */
export interface ClockReading {
  readonly point: number;
  readonly time: number;
}

/** Points between clock readings: fine enough for a wall-time axis, cheap enough to ignore. */
export const CLOCK_INTERVAL = 32;

/**
 * Wall time at every point from clock readings taken every few points. Browsers coarsen
 * performance.now() (to 0.1 ms in a worker that is not cross-origin isolated), so many readings
 * repeat; time is spread linearly between the readings where the clock moved, instead of drawing
 * flat runs and jumps.
 */
export function spreadReadings(readings: readonly ClockReading[], points: number): Float64Array {
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
