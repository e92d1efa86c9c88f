// Which step each frame of an exported animation shows. Frames sample the runs' steps evenly, the
// first frame shows the start (step 0) and the last frame always shows the last step, so a video
// ends where the runs ended, however the steps divide into frames.

/** The most frames an animation export makes (a 60 s video at 30 fps). */
export const MAX_FRAMES = 1800;

/**
 * The steps shown by an animation of a run that ends at `lastStep`, `stepsPerFrame` steps apart:
 * 0, k, 2k, ... and lastStep itself as the final frame (nearer than k to the one before it when k
 * does not divide lastStep). At most MAX_FRAMES frames: a larger k is taken when needed.
 */
export function framesBySteps(lastStep: number, stepsPerFrame: number): number[] {
  const last = Math.max(0, Math.floor(lastStep));
  const wanted = Math.max(1, Math.floor(stepsPerFrame));
  // the smallest whole step that keeps the frame count within MAX_FRAMES
  const step = Math.max(wanted, Math.ceil(last / (MAX_FRAMES - 1)));
  const steps: number[] = [];
  for (let shown = 0; shown < last; shown += step) steps.push(shown);
  steps.push(last);
  return steps;
}

/**
 * The steps shown by an animation of `frameCount` frames of a run that ends at `lastStep`: evenly
 * spaced, rounded to whole steps, the first 0 and the last lastStep. Fewer frames when the run
 * has fewer steps than frames (no step is shown twice).
 */
export function framesByCount(lastStep: number, frameCount: number): number[] {
  const last = Math.max(0, Math.floor(lastStep));
  const count = Math.min(last + 1, MAX_FRAMES, Math.max(1, Math.floor(frameCount)));
  if (count === 1) return [last];
  return Array.from({ length: count }, (_frame, index) => Math.round((index * last) / (count - 1)));
}

/** The last step any of these runs recorded (a run of n points ends at step n − 1); 0 with none. */
export function lastRecordedStep(pointCounts: readonly number[]): number {
  return pointCounts.reduce((last, points) => Math.max(last, points - 1), 0);
}
