// Asks the engine to inspect every run at the shown step while the inspector is open or a glyph is
// on, and puts the answer in the store. Scrubbing and playback ask once per step shown; the engine
// client keeps one inspect request in flight and drops superseded ones, so playback never queues.
import { SupersededError, type EngineClient } from '../client/engine-client';
import { wantsInspections } from '../store/inspection-slice';
import type { AppState, AppStore } from '../store/store';

/** Starts inspecting runs for the store's state when asked; returns a stop function. */
export function startInspectionSync(store: AppStore, client: EngineClient): () => void {
  let asked = 0;
  const inspect = () => {
    const state = store.getState();
    if (!wantsInspections(state) || state.experiment.runs.length === 0) {
      if (state.inspections !== null) state.setInspections(null);
      return;
    }
    const { experiment, step } = state;
    const request = ++asked;
    client
      .inspect(
        experiment,
        step,
        experiment.runs.map((_, index) => index),
      )
      .then((runs) => {
        // only the newest answer for what is still shown
        if (request !== asked) return;
        const now = store.getState();
        if (now.experiment === experiment && wantsInspections(now)) now.setInspections({ experiment, step, runs });
      })
      .catch((error: unknown) => {
        if (error instanceof SupersededError) return;
        store.getState().setEngineError(error instanceof Error ? error.message : String(error));
      });
  };

  inspect();
  return store.subscribe((state: AppState, previous: AppState) => {
    const asking = wantsInspections(state);
    if (asking !== wantsInspections(previous) || (asking && (state.experiment !== previous.experiment || state.step !== previous.step))) inspect();
  });
}
