import type { Problem } from '../../experiment/experiment';
import { startsForProblem } from '../../experiment/problem-switch';
import type { AppStore } from '../../store/store';
import { runsForSwitch } from './data-presets';

/**
 * Puts a checked problem into the experiment as one edit and one update, as the store's setProblem
 * does, and more: runs left at the page's defaults become the data runs on a switch to data (and
 * back); then starts left at the old problem's suggestion, or with the wrong number of coordinates,
 * move to the new problem's (the model's initialization for data), and the view returns to the
 * problem's own.
 */
export function applyProblem(store: AppStore, next: Problem): void {
  const { experiment, linkStarts, editExperiment } = store.getState();
  const runs = startsForProblem(runsForSwitch(experiment.runs, experiment.problem, next), experiment.problem, next, linkStarts);
  editExperiment({ experiment: { ...experiment, problem: next, runs }, viewDomain: null });
}
