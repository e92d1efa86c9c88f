// The animation clock: outside React, it advances the store's step at `speed` steps per second
// while `playing`, one requestAnimationFrame at a time, and stops at the last step. Steps are
// counted from elapsed time, not frames, so 60 steps/s is 60 steps/s on a 120 Hz screen too, and
// 5,000 steps/s shows ~83 steps per frame. Views follow the step through the store.
import type { AppState, AppStore } from '../../store/store';

/** How the clock gets frames and time; the browser's by default, a hand-driven one in tests. */
export interface FrameScheduler {
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
  /** The clock frame callbacks' times are measured on (performance.now for requestAnimationFrame). */
  now(): number;
}

const browserFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

/**
 * Longest gap between frames that counts as playing time: after a background tab or a debugger
 * pause, playback carries on from where it was instead of leaping ahead.
 */
export const MAX_FRAME_MS = 100;

// 60 steps/s over 16.67 ms frames adds 1.0000000002 or 0.9999999998 steps; without the slack the
// latter would wait a whole frame longer
const STEP_SLACK = 1e-9;

/** Starts the clock on the store; returns a function that stops it. */
export function startPlaybackClock(store: AppStore, frames: FrameScheduler = browserFrames): () => void {
  let handle: number | null = null;
  let lastTime = 0;
  /** Fractional steps earned but not shown yet. */
  let carry = 0;

  const tick = (time: number) => {
    handle = null;
    const state = store.getState();
    if (!state.playing) return;
    carry += (Math.min(MAX_FRAME_MS, Math.max(0, time - lastTime)) * state.speed) / 1000;
    lastTime = Math.max(lastTime, time);
    const whole = Math.floor(carry + STEP_SLACK);
    const last = state.experiment.steps;
    if (whole > 0) {
      carry = Math.max(0, carry - whole);
      state.setStep(Math.min(last, state.step + whole));
    }
    if (store.getState().step >= last) {
      state.pause();
      return;
    }
    handle = frames.request(tick);
  };

  const start = () => {
    lastTime = frames.now();
    carry = 0;
    if (handle === null) handle = frames.request(tick);
  };

  const stop = () => {
    if (handle !== null) frames.cancel(handle);
    handle = null;
  };

  const unsubscribe = store.subscribe((state: AppState, previous: AppState) => {
    if (state.playing && !previous.playing) start();
    else if (!state.playing && previous.playing) stop();
  });
  if (store.getState().playing) start();
  return () => {
    unsubscribe();
    stop();
  };
}
