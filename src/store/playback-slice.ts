import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** Speeds the playback control offers, in steps per second. */
export const SPEED_RANGE = { min: 1, max: 5000, default: 60 } as const;

/** Which step the map shows and whether it is moving. Scrubbing never recomputes. */
export interface PlaybackSlice {
  /** The step shown, 0..experiment.steps (an integer). */
  step: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  setStep(step: number): void;
  /** Starts playing; from step 0 when already at the end. */
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  /** Back to step 0, paused. */
  resetPlayback(): void;
  setSpeed(speed: number): void;
}

/** Creates the playback slice, showing the last step. */
export const createPlaybackSlice =
  (initialStep: number): StateCreator<AppState, [], [], PlaybackSlice> =>
  (set, get) => {
    const clampStep = (step: number) => Math.max(0, Math.min(get().experiment.steps, Math.round(step)));
    return {
      step: initialStep,
      playing: false,
      speed: SPEED_RANGE.default,
      setStep: (step) => set({ step: clampStep(step) }),
      play: () => set({ playing: true, step: get().step >= get().experiment.steps ? 0 : get().step }),
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      stepForward: () => set({ playing: false, step: clampStep(get().step + 1) }),
      stepBack: () => set({ playing: false, step: clampStep(get().step - 1) }),
      resetPlayback: () => set({ playing: false, step: 0 }),
      setSpeed: (speed) => set({ speed: Math.max(SPEED_RANGE.min, Math.min(SPEED_RANGE.max, speed)) }),
    };
  };
