// Asks the engine worker for results whenever the experiment changes, and puts them in the store.
import { resolveDomain } from './experiment/run-experiment';
import type { AppStore } from './store/store';
import { SupersededError, type EngineClient } from './worker/engine-client';

/** Grid resolution of the contour map. */
const SURFACE_GRID = { columns: 161, rows: 161 } as const;

/** Starts computing runs and surface samples for the store's experiment; returns a stop function. */
export function startEngineSync(store: AppStore, client: EngineClient): () => void {
  const compute = () => {
    const { experiment, setRuns, setSurface, setEngineError } = store.getState();
    client
      .runExperiment(experiment)
      .then((result) => {
        if (store.getState().experiment === experiment) setRuns(result.runs, result.elapsedMs);
      })
      .catch(report);
    client
      .sampleSurface(experiment.problem, resolveDomain(experiment.problem), SURFACE_GRID.columns, SURFACE_GRID.rows)
      .then((sample) => {
        if (store.getState().experiment === experiment) setSurface(sample);
      })
      .catch(report);
    function report(error: unknown) {
      if (error instanceof SupersededError) return;
      setEngineError(error instanceof Error ? error.message : String(error));
    }
  };
  compute();
  return store.subscribe((state, previous) => {
    if (state.experiment !== previous.experiment) compute();
  });
}
