// Asks the engine worker for results whenever the experiment or the view changes, and puts them in
// the store. While `live` (a drag or a slider in motion) runs are computed only up to the step
// shown, every frame; the engine client keeps one request of each kind in flight and drops
// superseded ones, so a fast drag never queues up work.
import { problemDimension } from '../engine/problems';
import { resolveDomain } from '../experiment/run-experiment';
import type { AppState, AppStore } from '../store/store';
import { SupersededError, type EngineClient } from '../client/engine-client';
import { ENGINE_PHASES, reportPhase } from '../client/phase-timing';

/** Grid resolution of the contour map. */
export const SURFACE_GRID = { columns: 161, rows: 161 } as const;

/**
 * Whether runs computed for `experiment` may be shown for the store's state: always when it is
 * still the experiment, and while live (a drag, a slider) also when it is an earlier moment of the
 * same gesture: the same problem and number of runs. A drag faster than the engine then shows the
 * newest answer there is, a frame or two behind the pointer, instead of nothing until it stops;
 * the answer for where it stopped follows (each move asks again, and letting go asks once more).
 */
export function answers(state: Pick<AppState, 'experiment' | 'live'>, experiment: AppState['experiment'], numRuns: number): boolean {
  if (state.experiment === experiment) return true;
  return state.live && state.experiment.problem === experiment.problem && state.experiment.runs.length === numRuns;
}

/** Starts computing runs and surface samples for the store's state; returns a stop function. */
export function startEngineSync(store: AppStore, client: EngineClient): () => void {
  const report = (error: unknown) => {
    if (error instanceof SupersededError) return;
    store.getState().setEngineError(error instanceof Error ? error.message : String(error));
  };

  // answers come back in the order asked for (one request of a kind runs at a time), but an answer
  // the client had at hand overtakes older ones in flight: never draw an older one over a newer
  let asked = 0;
  let shown = 0;
  const computeRuns = () => {
    const { experiment, live, step } = store.getState();
    const numSteps = live ? Math.max(1, step) : undefined;
    const request = ++asked;
    client
      .runExperiment(experiment, numSteps)
      .then((result) => {
        const state = store.getState();
        if (request < shown || !answers(state, experiment, result.runs.length)) return;
        shown = request;
        const applying = performance.now();
        // the footer keeps the last time the worker spent; an answer from kept results took none
        state.setRuns(result.runs, result.computed > 0 ? result.elapsedMs : (state.runElapsedMs ?? 0));
        // React renders what changed in a microtask queued during setRuns: this one runs after it
        queueMicrotask(() => reportPhase(ENGINE_PHASES.apply, applying, performance.now()));
      })
      .catch(report);
  };

  const sampleSurface = () => {
    const { experiment, viewDomain } = store.getState();
    // the contour map draws two-dimensional problems only; an n-D problem has no surface to sample
    if (problemDimension(experiment.problem) !== 2) return;
    const domain = viewDomain ?? resolveDomain(experiment.problem);
    client
      .sampleSurface(experiment.problem, domain, SURFACE_GRID.columns, SURFACE_GRID.rows)
      .then((sample) => {
        const state = store.getState();
        if (state.experiment.problem === experiment.problem && state.viewDomain === viewDomain) state.setSurface(sample);
      })
      .catch(report);
  };

  const probe = (hover: { x: number; y: number } | null) => {
    if (!hover) return;
    const { problem } = store.getState().experiment;
    client
      .probe(problem, [hover.x, hover.y])
      .then(({ value, gradient }) => store.getState().setHover({ x: hover.x, y: hover.y, value, gradientNorm: Math.hypot(...gradient) }))
      .catch(report);
  };

  computeRuns();
  sampleSurface();
  const unsubscribe = store.subscribe((state: AppState, previous: AppState) => {
    const experimentChanged = state.experiment !== previous.experiment;
    // leaving live mode computes the whole run once more
    if (experimentChanged || (previous.live && !state.live)) computeRuns();
    if (state.experiment.problem !== previous.experiment.problem || state.viewDomain !== previous.viewDomain) sampleSurface();
    if (state.hoverRequest !== previous.hoverRequest) probe(state.hoverRequest);
  });
  return unsubscribe;
}
