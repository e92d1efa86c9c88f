// What the 3-D view draws of the store's state: the runs the map draws, in the map's colours, cut
// at the budget as the map cuts them, with f at each point for the height. Pure, tested in Node.
import { problemDimension } from '../../engine/problems';
import { dataCostOf } from '../../experiment/cost';
import type { AppState } from '../../store/store';
import type { SurfaceRun } from '../../views/surface3d';
import { budgetedResults } from '../runs/budget';
import { visibleRuns } from '../runs/visible-runs';

/** What the 3-D view reads of the state. */
export type SurfaceSource = Pick<AppState, 'experiment' | 'runs'> & Partial<Pick<AppState, 'lossAxis' | 'gradientCost' | 'budget'>>;

/** The visible runs with results, in experiment order, as the map draws them; none off the plane. */
export function surfaceRuns(state: SurfaceSource): SurfaceRun[] {
  if (problemDimension(state.experiment.problem) !== 2) return [];
  const results = budgetedResults(state.runs, {
    lossAxis: state.lossAxis ?? 'step',
    gradientCost: state.gradientCost ?? 'autodiff',
    budget: state.budget ?? null,
    data: state.budget == null ? null : dataCostOf(state.experiment.problem),
  });
  return visibleRuns(state.experiment.runs, results).map(({ index, color, result }) => ({ index, color, trajectory: result.trajectory, loss: result.loss }));
}
