import type { StateCreator } from 'zustand';
import type { StepInspection } from '../engine/inspect-step';
import type { Experiment } from '../experiment/experiment';
import type { AppState } from './store';

/** The optimizer-internals glyphs the map can draw at the shown step, each toggled on its own. */
export type Glyph = 'gradient' | 'velocity' | 'stepBox' | 'newtonStep' | 'probeDirection';
/** Which glyphs the map draws. */
export type GlyphLayers = Readonly<Record<Glyph, boolean>>;
/** Every glyph off (the default: the map stays as it was until a teacher asks). */
export const NO_GLYPHS: GlyphLayers = { gradient: false, velocity: false, stepBox: false, newtonStep: false, probeDirection: false };

/** The runs inspected at one step of one experiment. */
export interface Inspections {
  readonly experiment: Experiment;
  readonly step: number;
  /** One per run, in run order. */
  readonly runs: readonly StepInspection[];
}

/** The step inspector and the glyphs: what is asked for, and the engine's answer (sync/inspection-sync.ts). */
export interface InspectionSlice {
  /** The run the inspector shows (0-based), null when it is closed. In the URL as `inspect` (1-based, with `step`). */
  inspectedRun: number | null;
  setInspectedRun(index: number | null): void;
  glyphs: GlyphLayers;
  setGlyph(glyph: Glyph, shown: boolean): void;
  /** Every run inspected at the shown step while the inspector is open or a glyph is on; null otherwise or until the first answer. */
  inspections: Inspections | null;
  setInspections(inspections: Inspections | null): void;
}

/** True when something on the page shows inspections (the sync asks the engine only then). */
export function wantsInspections(state: Pick<InspectionSlice, 'inspectedRun' | 'glyphs'>): boolean {
  return state.inspectedRun !== null || Object.values(state.glyphs).some(Boolean);
}

/** Creates the inspection slice: inspector closed, no glyphs. */
export const createInspectionSlice: StateCreator<AppState, [], [], InspectionSlice> = (set) => ({
  inspectedRun: null,
  setInspectedRun: (inspectedRun) => set({ inspectedRun }),
  glyphs: NO_GLYPHS,
  setGlyph: (glyph, shown) => set((state) => ({ glyphs: { ...state.glyphs, [glyph]: shown } })),
  inspections: null,
  setInspections: (inspections) => set({ inspections }),
});
