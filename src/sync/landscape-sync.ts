// Asks for a loss-landscape slice of an n-D problem whenever what it shows changes: the runs'
// results, which run it goes through, its directions, or (random directions, through the current
// point) the step shown once playback stops. While playing, the slice stays and the paths' markers
// move on it: recomputing every frame would keep the worker busy with pictures nobody sees for long.
import { problemDimension } from '../engine/problems';
import { clampRunIndex } from '../experiment/run-index';
import type { AppState, AppStore } from '../store/store';
import { SupersededError, type EngineClient } from '../client/engine-client';

/** Seed of the random slice directions: the same problem and point give the same picture. */
const SLICE_SEED = 2018;

/** The run a slice goes through: the selected one when it is drawn, else the first drawn one; -1 when none is. */
export function sliceRunIndex(state: Pick<AppState, 'experiment' | 'runs' | 'selectedRun'>): number {
  const { runs } = state.experiment;
  const drawn = (index: number) => !runs[index]?.hidden && (state.runs?.[index]?.trajectory.length ?? 0) > 0;
  const selected = clampRunIndex(state.selectedRun, runs.length);
  if (drawn(selected)) return selected;
  return runs.findIndex((_run, index) => drawn(index));
}

/**
 * Starts computing slices for the store's n-D problems with the client `client()` gives (created on
 * the first slice, so a page of 2-D problems starts no worker for it); returns a stop function.
 */
export function startLandscapeSync(store: AppStore, client: () => EngineClient): () => void {
  const request = () => {
    const state = store.getState();
    const { experiment, runs, sliceDirections, step, live } = state;
    if (problemDimension(experiment.problem) === 2 || !runs || runs.length !== experiment.runs.length || live) return;
    const runIndex = sliceRunIndex(state);
    if (runIndex < 0) return;
    // hidden runs neither show nor stretch the slice's domain
    const paths = runs.map((result, index) => (experiment.runs[index]?.hidden ? new Float64Array(0) : result.trajectory));
    client()
      .sampleSlice({ problem: experiment.problem, paths, runIndex, step, directions: sliceDirections, seed: SLICE_SEED })
      .then((sample) => {
        const now = store.getState();
        // an answer for other results or another problem describes nothing shown; a newer request follows
        if (now.runs !== runs || now.experiment.problem !== experiment.problem || now.sliceDirections !== sliceDirections) return;
        now.setLandscape({ sample, directions: sliceDirections, runIndex });
      })
      .catch((error: unknown) => {
        if (error instanceof SupersededError) return;
        store.getState().setEngineError(error instanceof Error ? error.message : String(error));
      });
  };

  request();
  return store.subscribe((state, previous) => {
    if (state.experiment.problem !== previous.experiment.problem && state.landscape) state.setLandscape(null);
    const stepMatters = state.sliceDirections === 'random' && !state.playing && state.step !== previous.step;
    if (
      state.runs !== previous.runs ||
      state.selectedRun !== previous.selectedRun ||
      state.sliceDirections !== previous.sliceDirections ||
      state.experiment.runs !== previous.experiment.runs ||
      (previous.playing && !state.playing) ||
      (previous.live && !state.live) ||
      stepMatters
    ) {
      request();
    }
  });
}
