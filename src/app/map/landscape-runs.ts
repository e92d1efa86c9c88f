// What the loss-landscape slice draws, read from the store's state: pure, so it is tested without a DOM.
import type { AppState } from '../../store/store';
import { parameterPoint } from '../../views/scales';
import type { MapRun } from '../../views/trajectory-layer';
import { visibleRuns } from '../runs/visible-runs';

/** The visible runs with their paths projected onto the slice (α, β), in experiment order. */
export function landscapeRuns(state: Pick<AppState, 'experiment' | 'runs' | 'landscape'>): MapRun[] {
  const paths = state.landscape?.sample.paths;
  if (!paths) return [];
  return visibleRuns(state.experiment.runs, state.runs).flatMap(({ index, result, label, color }) => {
    const trajectory = paths[index];
    if (!trajectory || trajectory.length < 2) return [];
    return [{ index, label, color, start: parameterPoint(trajectory[0], trajectory[1]), trajectory, diverged: result.diverged }];
  });
}

/** The slice's axis labels: α and β, with the share of the path's variance each explains for principal components. */
export function landscapeAxisLabels(explainedVarianceRatio: readonly [number, number] | null): [string, string] {
  if (!explainedVarianceRatio) return ['α', 'β'];
  const percent = (ratio: number) => `${(100 * ratio).toFixed(ratio >= 0.995 || ratio < 0.001 ? 0 : 1)}%`;
  return [`α: 1st PC, ${percent(explainedVarianceRatio[0])} of variance`, `β: 2nd PC, ${percent(explainedVarianceRatio[1])} of variance`];
}
