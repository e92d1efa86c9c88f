import { createStore } from 'zustand/vanilla';
import type { Experiment } from '../experiment/experiment';
import { createExperimentSlice, type ExperimentSlice } from './experiment-slice';
import { createPlaybackSlice, type PlaybackSlice } from './playback-slice';
import { createResultsSlice, type ResultsSlice } from './results-slice';

/** The whole page state: one store made of slices. */
export type AppState = ExperimentSlice & ResultsSlice & PlaybackSlice;

/** The vanilla store; React binds to it in app/use-app-store.ts, other code uses subscribe. */
export type AppStore = ReturnType<typeof createAppStore>;

/** Creates the store around a starting experiment. */
export function createAppStore(initial: Experiment) {
  return createStore<AppState>()((...args) => ({
    ...createExperimentSlice(initial)(...args),
    ...createResultsSlice(...args),
    ...createPlaybackSlice(...args),
  }));
}
