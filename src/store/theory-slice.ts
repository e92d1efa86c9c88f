import type { StateCreator } from 'zustand';
import type { Experiment } from '../experiment/experiment';
import type { Inspections } from './inspection-slice';
import type { AppState } from './store';

/** f, ∇f and ∇²f (row-major) at one point of one problem, as the engine computed them. */
export interface LocalModelAt {
  readonly problem: Experiment['problem'];
  readonly point: readonly number[];
  readonly value: number;
  readonly gradient: readonly number[];
  readonly hessian: readonly number[];
}

/** Where the theory overlay reads the local model: the cursor, or the selected run at the shown step. */
export type TheorySource = { readonly kind: 'cursor' } | { readonly kind: 'run'; readonly run: number; readonly step: number };

/** The theory overlay and the Hessians the Newton glyph needs (sync/theory-sync.ts fills both). */
export interface TheorySlice {
  /** The local quadratic model drawn at the cursor or the selected run's point. In the URL as `theory=1`. */
  theoryOverlay: boolean;
  setTheoryOverlay(shown: boolean): void;
  /** The model at the overlay's point and where that point came from; null until the engine answers. */
  theoryModel: { readonly model: LocalModelAt; readonly source: TheorySource } | null;
  setTheoryModel(model: { readonly model: LocalModelAt; readonly source: TheorySource } | null): void;
  /** The Hessian at every run's shown point (null where there is no answer), for those inspections. */
  newtonModels: { readonly inspections: Inspections; readonly models: readonly (LocalModelAt | null)[] } | null;
  setNewtonModels(models: TheorySlice['newtonModels']): void;
}

/** Creates the theory slice: overlay off, no models. */
export const createTheorySlice: StateCreator<AppState, [], [], TheorySlice> = (set) => ({
  theoryOverlay: false,
  setTheoryOverlay: (theoryOverlay) => set(theoryOverlay ? { theoryOverlay } : { theoryOverlay, theoryModel: null }),
  theoryModel: null,
  setTheoryModel: (theoryModel) => set({ theoryModel }),
  newtonModels: null,
  setNewtonModels: (newtonModels) => set({ newtonModels }),
});
