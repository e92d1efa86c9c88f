import type { StateCreator } from 'zustand';
import type { SliceSample } from '../client/engine-client';
import type { SliceDirections } from '../engine/landscape/loss-landscape';
import type { AppState } from './store';

/** The parameter plane of an n-D problem: which slice of the loss is wanted and the one computed. */
export interface LandscapeSlice {
  sliceDirections: SliceDirections;
  /** The slice last computed, with what it was asked for (null before the first, or after the problem changed). */
  landscape: { sample: SliceSample; directions: SliceDirections; runIndex: number } | null;
  setSliceDirections(directions: SliceDirections): void;
  setLandscape(landscape: LandscapeSlice['landscape']): void;
}

/** Creates the landscape slice: random directions until the user picks the path's principal components. */
export const createLandscapeSlice: StateCreator<AppState, [], [], LandscapeSlice> = (set) => ({
  sliceDirections: 'random',
  landscape: null,
  setSliceDirections: (sliceDirections) => set({ sliceDirections }),
  setLandscape: (landscape) => set({ landscape }),
});
