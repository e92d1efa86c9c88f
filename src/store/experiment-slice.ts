import type { StateCreator } from 'zustand';
import type { HyperValue } from '../engine/methods/first-order/optimizer';
import type { Experiment, ExperimentRun, Problem } from '../experiment/experiment';
import { MAX_RUNS } from '../experiment/experiment';
import { startsForProblem } from '../experiment/problem-switch';
import type { ExperimentChange } from './history-slice';
import type { AppState } from './store';

/**
 * The experiment: everything that goes into the share URL (and the CLI's experiment JSON). Every
 * action but loadExperiment is an edit, recorded for undo (history-slice's editExperiment).
 */
export interface ExperimentSlice {
  experiment: Experiment;
  /** Problems found while reading the URL, shown until dismissed. */
  urlProblems: readonly string[];
  setExperiment(experiment: Experiment): void;
  /** Replaces the experiment with one read from a URL, with what was wrong in it (not an edit: url-sync decides what it means for undo). */
  loadExperiment(experiment: Experiment, problems: readonly string[]): void;
  dismissUrlProblems(): void;
  /**
   * A new loss: the view goes back to the problem's own domain, and starts left at the old problem's
   * suggestions, or outside the new view, move to the new problem's suggestions (startsForProblem).
   */
  setProblem(problem: Problem): void;
  setSteps(steps: number): void;
  setNoise(noise: number): void;
  setSeed(seed: number): void;
  /** Appends a run (at most MAX_RUNS); its start is the shared one when starts are linked. */
  addRun(run: ExperimentRun): void;
  /** Replaces fields of run `index` (pass `undefined` to remove an optional field such as schedule). */
  updateRun(index: number, patch: Partial<ExperimentRun>): void;
  /** Sets one hyperparameter of run `index`, by torch name. */
  setHyper(index: number, name: string, value: HyperValue): void;
  /** Inserts a copy of run `index` right after it. */
  duplicateRun(index: number): void;
  /** Removes run `index` (the last run stays: an experiment has at least one). */
  removeRun(index: number): void;
  /** Moves run `index`'s start; with linked starts every run moves there. */
  setRunStart(index: number, start: readonly [number, number]): void;
}

function withRuns(experiment: Experiment, runs: readonly ExperimentRun[]): Experiment {
  return { ...experiment, runs };
}

function withoutUndefined(run: ExperimentRun): ExperimentRun {
  return Object.fromEntries(Object.entries(run).filter(([, value]) => value !== undefined)) as unknown as ExperimentRun;
}

/** Creates the experiment slice around a starting experiment. */
export const createExperimentSlice =
  (initial: Experiment): StateCreator<AppState, [], [], ExperimentSlice> =>
  (set, get) => {
    const edit = (change: ExperimentChange) => get().editExperiment(change);
    const setRuns = (runs: readonly ExperimentRun[]) => edit({ experiment: withRuns(get().experiment, runs) });
    return {
      experiment: initial,
      urlProblems: [],
      setExperiment: (experiment) => edit({ experiment }),
      loadExperiment: (experiment, problems) => set({ experiment, urlProblems: problems }),
      dismissUrlProblems: () => set({ urlProblems: [] }),
      setProblem: (problem) => {
        const { experiment, linkStarts } = get();
        const runs = startsForProblem(experiment.runs, experiment.problem, problem, linkStarts);
        edit({ experiment: { ...experiment, problem, runs }, viewDomain: null });
      },
      setSteps: (steps) => edit({ experiment: { ...get().experiment, steps } }),
      setNoise: (noise) => edit({ experiment: { ...get().experiment, noise } }),
      setSeed: (seed) => edit({ experiment: { ...get().experiment, seed } }),
      addRun: (run) => {
        const { runs } = get().experiment;
        if (runs.length >= MAX_RUNS) return;
        const start = get().linkStarts && runs.length > 0 ? runs[0].start : run.start;
        setRuns([...runs, { ...run, start }]);
      },
      updateRun: (index, patch) => {
        setRuns(get().experiment.runs.map((run, i) => (i === index ? withoutUndefined({ ...run, ...patch }) : run)));
      },
      setHyper: (index, name, value) => {
        setRuns(get().experiment.runs.map((run, i) => (i === index ? { ...run, hyper: { ...run.hyper, [name]: value } } : run)));
      },
      duplicateRun: (index) => {
        const { runs } = get().experiment;
        if (runs.length >= MAX_RUNS || !runs[index]) return;
        const copy: ExperimentRun = { ...runs[index], ...(runs[index].label ? { label: `${runs[index].label} (copy)` } : {}) };
        delete (copy as { color?: string }).color;
        setRuns([...runs.slice(0, index + 1), copy, ...runs.slice(index + 1)]);
      },
      removeRun: (index) => {
        const { runs } = get().experiment;
        if (runs.length <= 1) return;
        setRuns(runs.filter((_, i) => i !== index));
      },
      setRunStart: (index, start) => {
        const linked = get().linkStarts;
        setRuns(get().experiment.runs.map((run, i) => (linked || i === index ? { ...run, start: [start[0], start[1]] } : run)));
      },
    };
  };
