import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** Which step the map shows; Infinity means "the last one". */
export interface PlaybackSlice {
  step: number;
  setStep(step: number): void;
}

/** Creates the playback slice, showing every step. */
export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set) => ({
  step: Infinity,
  setStep: (step) => set({ step }),
});
