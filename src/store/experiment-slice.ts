import type { StateCreator } from 'zustand';
import type { Experiment } from '../experiment/experiment';
import type { AppState } from './store';

/** The experiment: everything that goes into the share URL. */
export interface ExperimentSlice {
  experiment: Experiment;
  /** Problems found while reading the URL, shown until dismissed. */
  urlProblems: readonly string[];
  setExperiment(experiment: Experiment): void;
  /** Replaces the experiment with one read from a URL, with what was wrong in it. */
  loadExperiment(experiment: Experiment, problems: readonly string[]): void;
  dismissUrlProblems(): void;
}

/** Creates the experiment slice around a starting experiment. */
export const createExperimentSlice =
  (initial: Experiment): StateCreator<AppState, [], [], ExperimentSlice> =>
  (set) => ({
    experiment: initial,
    urlProblems: [],
    setExperiment: (experiment) => set({ experiment }),
    loadExperiment: (experiment, problems) => set({ experiment, urlProblems: problems }),
    dismissUrlProblems: () => set({ urlProblems: [] }),
  });
