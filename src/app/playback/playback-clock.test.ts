import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../../experiment/experiment';
import { createAppStore } from '../../store/store';
import { MAX_FRAME_MS, startPlaybackClock, type FrameScheduler } from './playback-clock';

/** Frames driven by hand: `advanceTo(t)` runs the pending frame callback at time t. */
class ManualFrames implements FrameScheduler {
  time = 0;
  private pending = new Map<number, (time: number) => void>();
  private nextHandle = 1;

  request(callback: (time: number) => void): number {
    const handle = this.nextHandle++;
    this.pending.set(handle, callback);
    return handle;
  }

  cancel(handle: number): void {
    this.pending.delete(handle);
  }

  now(): number {
    return this.time;
  }

  get waiting(): number {
    return this.pending.size;
  }

  advanceTo(time: number): void {
    this.time = time;
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    for (const callback of callbacks) callback(time);
  }
}

function setup(steps: number, speed: number) {
  const store = createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, steps }, step: 0 });
  store.getState().setSpeed(speed);
  const frames = new ManualFrames();
  const stop = startPlaybackClock(store, frames);
  return { store, frames, stop };
}

describe('startPlaybackClock', () => {
  it('shows floor(speed × elapsed seconds) steps at every frame, whatever the frame rate', () => {
    for (const [speed, frameMs] of [
      [60, 16],
      [7, 16],
      [1, 8],
      [5000, 16],
      [250, 33],
    ] as const) {
      const { store, frames } = setup(100_000, speed);
      store.getState().play();
      for (let time = frameMs; time <= 2000; time += frameMs) {
        frames.advanceTo(time);
        // integer arithmetic: speed·t is exact, so this is the true count of whole steps
        expect(store.getState().step, `${speed} steps/s at ${time} ms`).toBe(Math.floor((speed * time) / 1000));
      }
      expect(store.getState().playing).toBe(true);
    }
  });

  it('stops at the last step: the step is the last and playing turns false, with no frame left waiting', () => {
    const { store, frames } = setup(10, 100);
    store.getState().play();
    for (let time = 16; time <= 400; time += 16) frames.advanceTo(time);
    expect(store.getState().step).toBe(10);
    expect(store.getState().playing).toBe(false);
    expect(frames.waiting).toBe(0);
  });

  it('plays again from step 0 after reaching the end', () => {
    const { store, frames } = setup(10, 1000);
    store.getState().play();
    frames.advanceTo(50);
    expect(store.getState()).toMatchObject({ step: 10, playing: false });
    store.getState().play();
    expect(store.getState().step).toBe(0);
    frames.advanceTo(53);
    expect(store.getState()).toMatchObject({ step: 3, playing: true });
  });

  it('pausing cancels the next frame; the step stays where it was', () => {
    const { store, frames } = setup(1000, 100);
    store.getState().play();
    frames.advanceTo(100);
    expect(store.getState().step).toBe(10);
    store.getState().pause();
    expect(frames.waiting).toBe(0);
    frames.advanceTo(1000);
    expect(store.getState().step).toBe(10);
  });

  it('counts a long gap (a background tab) as at most MAX_FRAME_MS', () => {
    const { store, frames } = setup(100_000, 1000);
    store.getState().play();
    frames.advanceTo(10);
    frames.advanceTo(60_010);
    expect(store.getState().step).toBe(10 + MAX_FRAME_MS);
  });

  it('follows a speed change from the next frame on', () => {
    const { store, frames } = setup(100_000, 100);
    store.getState().play();
    frames.advanceTo(100);
    store.getState().setSpeed(1000);
    frames.advanceTo(150);
    expect(store.getState().step).toBe(10 + 50);
  });

  it('continues from a step set while playing (a scrub or a click on the chart)', () => {
    const { store, frames } = setup(1000, 100);
    store.getState().play();
    frames.advanceTo(100);
    store.getState().setStep(500);
    frames.advanceTo(200);
    expect(store.getState().step).toBe(510);
  });

  it('does nothing once stopped', () => {
    const { store, frames, stop } = setup(1000, 100);
    stop();
    store.getState().play();
    expect(frames.waiting).toBe(0);
    frames.advanceTo(500);
    expect(store.getState().step).toBe(0);
  });
});
