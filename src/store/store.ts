import { createStore } from 'zustand/vanilla';
import type { Experiment } from '../experiment/experiment';
import { createBatchSlice, type BatchSlice } from './batch-slice';
import { createClassroomSlice, type ClassroomSlice } from './classroom-slice';
import { createExperimentSlice, type ExperimentSlice } from './experiment-slice';
import { createInspectionSlice, type InspectionSlice } from './inspection-slice';
import { createLandscapeSlice, type LandscapeSlice } from './landscape-slice';
import { createHistorySlice, type HistoryOptions, type HistorySlice } from './history-slice';
import { createPlaybackSlice, type PlaybackSlice } from './playback-slice';
import { createResultsSlice, type ResultsSlice } from './results-slice';
import { createTheorySlice, type TheorySlice } from './theory-slice';
import { createViewSlice, type Theme, type ViewSlice } from './view-slice';

/** The whole page state: one store made of slices. */
export type AppState = ExperimentSlice & HistorySlice & ResultsSlice & PlaybackSlice & ViewSlice & BatchSlice & LandscapeSlice & InspectionSlice & TheorySlice & ClassroomSlice;

/** The vanilla store; React binds to it in app/use-app-store.ts, other code uses subscribe. */
export type AppStore = ReturnType<typeof createAppStore>;

/** Where the page starts: the experiment, and the view state a link or the preferences carry. */
export interface InitialState {
  experiment: Experiment;
  /** Step shown first; the last step when absent. */
  step?: number;
  preferences?: { theme: Theme; largeText: boolean };
  /** The undo list's clock (tests pass their own). */
  history?: HistoryOptions;
}

/** Creates the store. */
export function createAppStore({ experiment, step, preferences, history }: InitialState) {
  return createStore<AppState>()((...args) => ({
    ...createExperimentSlice(experiment)(...args),
    ...createHistorySlice(history)(...args),
    ...createResultsSlice(...args),
    ...createPlaybackSlice(step ?? experiment.steps)(...args),
    ...createViewSlice(preferences ?? { theme: 'light', largeText: false })(...args),
    ...createBatchSlice(...args),
    ...createLandscapeSlice(...args),
    ...createInspectionSlice(...args),
    ...createTheorySlice(...args),
    ...createClassroomSlice(...args),
  }));
}
