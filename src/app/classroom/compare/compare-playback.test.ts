import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../../../experiment/experiment';
import { createAppStore } from '../../../store/store';
import type { FrameScheduler } from '../../playback/playback-clock';
import { ComparePlayback } from './compare-playback';

// Oracle: the arithmetic of a clock at 60 steps/s (a 100 ms frame is 6 steps), and the rule that
// both sides always show the same step, each clamped to its own last.

/** A hand-driven frame clock. */
function manualFrames() {
  let now = 0;
  let pending: ((time: number) => void) | null = null;
  const frames: FrameScheduler = {
    request: (callback) => {
      pending = callback;
      return 1;
    },
    cancel: () => {
      pending = null;
    },
    now: () => now,
  };
  const advance = (ms: number) => {
    now += ms;
    const callback = pending;
    pending = null;
    callback?.(now);
  };
  return { frames, advance };
}

function sides(stepsA: number, stepsB: number) {
  return [createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, steps: stepsA } }), createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, steps: stepsB } })];
}

describe('ComparePlayback', () => {
  it('starts both sides at step 0 and steps, scrubs and jumps them together', () => {
    const [a, b] = sides(50, 80);
    const playback = new ComparePlayback([a, b], manualFrames().frames);
    expect([a.getState().step, b.getState().step]).toEqual([0, 0]);
    expect(playback.snapshot().lastStep).toBe(80);
    playback.apply('forward');
    playback.apply('forward10');
    expect([a.getState().step, b.getState().step]).toEqual([11, 11]);
    playback.setStep(65);
    // A has only 50 steps: it stays at its last while B goes on
    expect([a.getState().step, b.getState().step]).toEqual([50, 65]);
    playback.apply('last');
    expect([a.getState().step, b.getState().step, playback.snapshot().step]).toEqual([50, 80, 80]);
    playback.apply('first');
    expect([a.getState().step, b.getState().step]).toEqual([0, 0]);
  });

  it('plays both on one clock at the first side\'s speed and stops at the longer side\'s end', () => {
    const [a, b] = sides(20, 30);
    const { frames, advance } = manualFrames();
    const playback = new ComparePlayback([a, b], frames);
    playback.play();
    advance(100); // 60 steps/s × 0.1 s
    expect([a.getState().step, b.getState().step]).toEqual([6, 6]);
    expect(a.getState().playing || b.getState().playing).toBe(false); // the sides' own clocks stay still
    for (let frame = 0; frame < 10; frame++) advance(100);
    expect(playback.snapshot()).toEqual({ step: 30, lastStep: 30, playing: false });
    expect([a.getState().step, b.getState().step]).toEqual([20, 30]);
  });

  it('brings a side back to the shared step when its link opens on a step of its own', () => {
    const [a, b] = sides(40, 40);
    const playback = new ComparePlayback([a, b], manualFrames().frames);
    playback.setStep(7);
    b.getState().loadExperiment({ ...DEFAULT_EXPERIMENT, steps: 60 }, []);
    b.getState().setStep(60);
    expect(playback.snapshot().lastStep).toBe(60);
    expect([a.getState().step, b.getState().step]).toEqual([7, 7]);
    playback.destroy();
  });
});
