// Planning a basin-of-attraction map: one run from the centre of every cell of a grid over the view,
// the grid's cells square on the map as drawn.
import { checkBasinDimension } from '../engine/batch/cells';
import type { BasinJob } from '../engine/batch/types';
import type { Domain } from '../engine/objective';
import type { BasinResolution } from '../experiment/analysis-settings';
import { resolveDomain, resolveProblem } from '../experiment/run-experiment';
import type { AnalysisInputs } from './analysis-inputs';

/** The narrowest and widest plot the map draws, as height / width of its drawing area. */
export const PLOT_ASPECT_RANGE = { min: 0.5, max: 1.25 } as const;

/** A basin run counts as converged within this fraction of the view's width of a known minimum. */
export const BASIN_TOLERANCE = 0.01;

/** Cells of a basin map over `domain`: `resolution` along the longer side of the map's plot, square cells on screen. */
export function basinGrid(domain: Domain, resolution: BasinResolution | number): { columns: number; rows: number } {
  const ratio = (domain[1][1] - domain[1][0]) / (domain[0][1] - domain[0][0]);
  // the map draws height / width clamped to PLOT_ASPECT_RANGE (views/scales.ts plotHeightFor)
  const aspect = Number.isFinite(ratio) ? Math.min(PLOT_ASPECT_RANGE.max, Math.max(PLOT_ASPECT_RANGE.min, ratio)) : 1;
  return aspect <= 1 ? { columns: resolution, rows: Math.max(1, Math.round(resolution * aspect)) } : { columns: Math.max(1, Math.round(resolution / aspect)), rows: resolution };
}

/** The basin map job the settings describe, over the view shown; throws for a problem that is not two-dimensional. */
export function basinJobFor(inputs: Pick<AnalysisInputs, 'experiment' | 'viewDomain' | 'basin'>): BasinJob {
  const { objective, minima } = resolveProblem(inputs.experiment.problem);
  checkBasinDimension(objective.dimension);
  const domain = inputs.viewDomain ?? resolveDomain(inputs.experiment.problem);
  return { kind: 'basin', domain, ...basinGrid(domain, inputs.basin.settings.resolution), minima, tolerance: BASIN_TOLERANCE };
}
