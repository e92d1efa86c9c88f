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
 * flat runs and jumps. After the clock's last tick the run ended before its next one, so the
 * points there go on at the pace before that tick, held to at most one tick in all.
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
  spreadTail(readings, changes, times);
  return times;
}

/** The points after the clock's last tick (spread above as if no time passed): on at the last pace, within one tick. */
function spreadTail(readings: readonly ClockReading[], changes: readonly ClockReading[], times: Float64Array): void {
  const last = readings[readings.length - 1];
  // the first reading, then those where the clock moved (the last reading is in `changes` either way)
  const moved = changes.filter((reading, index) => index === 0 || reading.time > changes[index - 1].time);
  const lastTick = moved[moved.length - 1];
  if (moved.length < 2 || lastTick === last || last.point <= lastTick.point) return;
  const before = moved[moved.length - 2];
  const pace = (lastTick.time - before.time) / (lastTick.point - before.point);
  // no step between ticks is shorter than a tick, so the smallest bounds it from above
  let tick = Infinity;
  for (let index = 1; index < moved.length; index++) tick = Math.min(tick, moved[index].time - moved[index - 1].time);
  const slope = Math.min(pace, tick / (last.point - lastTick.point));
  for (let point = lastTick.point + 1; point <= Math.min(last.point, times.length - 1); point++) times[point] = lastTick.time + slope * (point - lastTick.point);
}

/** Changes of the clock watched to find its tick: the smallest step of several, since a reading can come late (the thread was paused) but never early. */
const RESOLUTION_CHANGES = 6;

/**
 * The clock's resolution, in its own units: the smallest step between successive different
 * readings. Browsers coarsen performance.now() (Chromium to 0.1 ms without cross-origin isolation,
 * other browsers to 1 ms or more), so a run shorter than a few ticks has no measurable duration.
 * Null when the clock did not move within `maxReads` reads.
 */
export function clockResolution(now: () => number, maxReads = 1_000_000): number | null {
  let smallest = Infinity;
  let changes = 0;
  let last = now();
  for (let read = 0; read < maxReads && changes < RESOLUTION_CHANGES; read++) {
    const time = now();
    if (time === last) continue;
    if (time > last) smallest = Math.min(smallest, time - last);
    changes++;
    last = time;
  }
  // coarsened readings carry float noise (0.09999999962747097 for a 0.1 ms tick): 3 significant digits
  return Number.isFinite(smallest) ? Number(smallest.toPrecision(3)) : null;
}
