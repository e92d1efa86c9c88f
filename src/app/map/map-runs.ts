// What the map draws and moves, read from the store's state: pure, so it is tested without a DOM.
import { problemDimension } from '../../engine/problems';
import { dataCostOf } from '../../experiment/cost';
import { parameterPoint } from '../../views/scales';
import type { MethodStateRun } from '../../views/method-state-layer';
import type { MapRun } from '../../views/trajectory-layer';
import type { AppState } from '../../store/store';
import { budgetedResults } from '../runs/budget';
import { visibleRuns } from '../runs/visible-runs';

/** What the map reads of the state: the experiment, the results and how budget mode cuts them. */
export type MapSource = Pick<AppState, 'experiment' | 'runs'> & Partial<Pick<AppState, 'lossAxis' | 'gradientCost' | 'budget'>>;

/** The results as the views draw them: cut at the budget when budget mode is on. */
function drawnResults(state: MapSource) {
  return budgetedResults(state.runs, {
    lossAxis: state.lossAxis ?? 'step',
    gradientCost: state.gradientCost ?? 'autodiff',
    budget: state.budget ?? null,
    data: state.budget == null ? null : dataCostOf(state.experiment.problem),
  });
}

/**
 * The runs the map draws: visible ones that have results, in experiment order, with their colours
 * and starts, cut at the budget in budget mode; none for a problem that is not two-dimensional
 * (the map draws the plane only).
 */
export function mapRuns(state: MapSource): MapRun[] {
  if (problemDimension(state.experiment.problem) !== 2) return [];
  return visibleRuns(state.experiment.runs, drawnResults(state)).map(({ index, run, result, label, color }) => ({
    index,
    label,
    color,
    start: parameterPoint(run.start[0], run.start[1]),
    trajectory: result.trajectory,
    diverged: result.diverged,
  }));
}

/** The visible runs whose method draws its state (a simplex, a population, ...), for the method-state layer. */
export function methodStateRuns(state: MapSource): MethodStateRun[] {
  if (problemDimension(state.experiment.problem) !== 2) return [];
  return visibleRuns(state.experiment.runs, drawnResults(state)).flatMap(({ index, result, label, color }) =>
    result.snapshots ? [{ index, label, color, snapshots: result.snapshots }] : [],
  );
}

/**
 * Runs that a drag of run `index`'s start moves: every run when starts are linked, else those
 * starting exactly where it does (a stack of markers is picked up as one), or that run alone.
 */
export function runsMovedTogether(state: Pick<AppState, 'experiment' | 'linkStarts'>, index: number, alone: boolean): number[] {
  const { runs } = state.experiment;
  if (alone || !runs[index]) return [index];
  if (state.linkStarts) return runs.map((_run, i) => i);
  const [x, y] = runs[index].start;
  return runs.flatMap((run, i) => (run.start[0] === x && run.start[1] === y ? [i] : []));
}

/** The experiment's runs with the starts of `indices` moved to `start`. */
export function withStarts(runs: AppState['experiment']['runs'], indices: readonly number[], start: readonly [number, number]): AppState['experiment']['runs'] {
  const moved = new Set(indices);
  return runs.map((run, i) => (moved.has(i) ? { ...run, start: [start[0], start[1]] } : run));
}
