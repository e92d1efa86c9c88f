import type { StateCreator } from 'zustand';
import type { SurfaceSample } from '../client/engine-client';
import type { RunPayload } from '../worker/protocol';
import type { AppState } from './store';

/** What the engine computed for the current experiment. */
export interface ResultsSlice {
  runs: readonly RunPayload[] | null;
  surface: SurfaceSample | null;
  /** Milliseconds the worker spent on the last experiment. */
  runElapsedMs: number | null;
  engineError: string | null;
  setRuns(runs: readonly RunPayload[], elapsedMs: number): void;
  setSurface(surface: SurfaceSample): void;
  setEngineError(message: string | null): void;
}

/** Creates the results slice, empty until the worker answers. */
export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set) => ({
  runs: null,
  surface: null,
  runElapsedMs: null,
  engineError: null,
  setRuns: (runs, runElapsedMs) => set({ runs, runElapsedMs, engineError: null }),
  setSurface: (surface) => set({ surface }),
  setEngineError: (engineError) => set({ engineError }),
});
