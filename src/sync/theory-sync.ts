// Asks the engine for the local quadratic model (f, ∇f, ∇²f) where the teaching overlays need it:
// at the cursor or the selected run's shown point while the theory overlay is on, and at every
// run's inspected point while the Newton-step glyph is on. The engine client keeps one localModel
// request in flight and supersedes the one waiting, so the points are asked one after another, and
// a newer set (the cursor moved, the step changed) abandons what is left of the older one.
import { SupersededError, type EngineClient } from '../client/engine-client';
import { problemDimension } from '../engine/problems';
import { clampRunIndex } from '../experiment/run-index';
import type { AppState, AppStore } from '../store/store';
import type { LocalModelAt, TheorySource } from '../store/theory-slice';

/** Above this many dimensions a full Hessian is too large to ask for on every step (the overlay says so). */
export const MAX_THEORY_DIMENSION = 64;

/** Where the theory overlay reads the model now, or null (overlay off, no run, too many dimensions). */
export function theoryPoint(state: AppState): { point: readonly number[]; source: TheorySource } | null {
  if (!state.theoryOverlay) return null;
  const dimension = problemDimension(state.experiment.problem);
  if (dimension > MAX_THEORY_DIMENSION) return null;
  if (state.hoverRequest && dimension === 2) return { point: [state.hoverRequest.x, state.hoverRequest.y], source: { kind: 'cursor' } };
  const run = clampRunIndex(state.selectedRun, state.experiment.runs.length);
  const result = state.runs?.[run];
  if (!result || result.trajectory.length < dimension) return null;
  const points = Math.floor(result.trajectory.length / dimension);
  // the point the map shows: the step, clamped to where the run ended
  const index = Math.max(0, Math.min(points - 1, Math.floor(state.step)));
  return { point: Array.from(result.trajectory.subarray(index * dimension, (index + 1) * dimension)), source: { kind: 'run', run, step: index } };
}

/** Starts asking for local models when the overlays want them; returns a stop function. */
export function startTheorySync(store: AppStore, client: EngineClient): () => void {
  let generation = 0;

  const ask = async (problem: AppState['experiment']['problem'], point: readonly number[]): Promise<LocalModelAt> => {
    const { value, gradient, hessian } = await client.localModel(problem, point);
    return { problem, point, value, gradient, hessian };
  };

  const refresh = async (state: AppState) => {
    const current = ++generation;
    const stale = () => current !== generation;
    try {
      const wanted = theoryPoint(state);
      if (wanted === null) {
        if (store.getState().theoryModel !== null) store.getState().setTheoryModel(null);
      } else {
        const model = await ask(state.experiment.problem, wanted.point);
        if (stale()) return;
        store.getState().setTheoryModel({ model, source: wanted.source });
      }
      const inspections = state.glyphs.newtonStep ? state.inspections : null;
      if (inspections === null || problemDimension(inspections.experiment.problem) > MAX_THEORY_DIMENSION) {
        if (store.getState().newtonModels !== null) store.getState().setNewtonModels(null);
        return;
      }
      if (store.getState().newtonModels?.inspections === inspections) return;
      const models: (LocalModelAt | null)[] = [];
      for (const inspection of inspections.runs) {
        models.push(await ask(inspections.experiment.problem, Array.from(inspection.point)).catch((error: unknown) => {
          if (error instanceof SupersededError) throw error;
          return null;
        }));
        if (stale()) return;
      }
      store.getState().setNewtonModels({ inspections, models });
    } catch (error) {
      if (error instanceof SupersededError || stale()) return;
      store.getState().setEngineError(error instanceof Error ? error.message : String(error));
    }
  };

  void refresh(store.getState());
  return store.subscribe((state, previous) => {
    const theoryChanged =
      state.theoryOverlay !== previous.theoryOverlay ||
      (state.theoryOverlay &&
        (state.hoverRequest !== previous.hoverRequest ||
          state.step !== previous.step ||
          state.runs !== previous.runs ||
          state.selectedRun !== previous.selectedRun ||
          state.experiment.problem !== previous.experiment.problem));
    const newtonChanged = state.glyphs.newtonStep !== previous.glyphs.newtonStep || (state.glyphs.newtonStep && state.inspections !== previous.inspections);
    if (theoryChanged || newtonChanged) void refresh(state);
  });
}
