// What the glyph and theory layers draw, read from the store's state: pure, tested without a DOM.
import { problemDimension } from '../../engine/problems';
import { localQuadratic } from '../../engine/theory/local-quadratic';
import type { AppState } from '../../store/store';
import { learningRateOf } from '../../views/glyph-geometry';
import type { GlyphRun } from '../../views/glyph-layer';
import type { TheoryDrawing } from '../../views/theory-layer';
import { visibleRuns } from '../runs/visible-runs';

/** What the glyphs read of the state. */
export type GlyphState = Pick<AppState, 'experiment' | 'runs' | 'inspections'> & Partial<Pick<AppState, 'newtonModels'>>;

/**
 * The visible runs' glyph inputs at the inspected step: each run's inspection, its learning rate,
 * its probe snapshot at that point and the Hessian there (when theory-sync has it); none until the
 * inspections are for the experiment shown, or off the 2-D map.
 */
export function glyphRuns(state: GlyphState): GlyphRun[] {
  const { inspections } = state;
  if (inspections === null || inspections.experiment !== state.experiment || problemDimension(state.experiment.problem) !== 2) return [];
  const newton = state.newtonModels?.inspections === inspections ? state.newtonModels.models : null;
  return visibleRuns(state.experiment.runs, inspections.runs).map(({ index, run, result: inspection, label, color }) => {
    const snapshot = state.runs?.[index]?.snapshots?.[inspection.step] ?? null;
    return {
      index,
      label,
      color,
      source: {
        inspection,
        learningRate: learningRateOf(inspection, run.hyper.lr),
        probes: snapshot?.probes,
        direction: snapshot?.direction,
        hessian: newton?.[index]?.hessian ?? null,
      },
    };
  });
}

/** The theory overlay's drawing: the model at its point, on the 2-D map only; null while off or unanswered. */
export function theoryDrawing(state: Pick<AppState, 'theoryOverlay' | 'theoryModel' | 'experiment'>): TheoryDrawing | null {
  const answer = state.theoryModel;
  if (!state.theoryOverlay || answer === null || answer.model.problem !== state.experiment.problem || answer.model.point.length !== 2) return null;
  return { point: [answer.model.point[0], answer.model.point[1]], model: localQuadratic(answer.model.hessian, 2) };
}
