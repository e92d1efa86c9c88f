// What the map draws and moves, read from the store's state: pure, so it is tested without a DOM.
import { problemDimension } from '../../engine/problems';
import { parameterPoint } from '../../views/scales';
import type { MapRun } from '../../views/trajectory-layer';
import type { AppState } from '../../store/store';
import { visibleRuns } from '../runs/visible-runs';

/**
 * The runs the map draws: visible ones that have results, in experiment order, with their colours
 * and starts; none for a problem that is not two-dimensional (the map draws the plane only).
 */
export function mapRuns(state: Pick<AppState, 'experiment' | 'runs'>): MapRun[] {
  if (problemDimension(state.experiment.problem) !== 2) return [];
  return visibleRuns(state.experiment.runs, state.runs).map(({ index, run, result, label, color }) => ({
    index,
    label,
    color,
    start: parameterPoint(run.start[0], run.start[1]),
    trajectory: result.trajectory,
    diverged: result.diverged,
  }));
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
