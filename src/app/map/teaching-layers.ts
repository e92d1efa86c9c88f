// The teaching overlays' layers on the map (the theory overlay's axes, each run's glyphs) bound to
// the store: a chunk of its own, loaded when a teacher first turns one on, so the first paint does
// not carry them.
import type { AppStore } from '../../store/store';
import { GlyphLayer } from '../../views/glyph-layer';
import type { MapScales } from '../../views/scales';
import { TheoryLayer } from '../../views/theory-layer';
import { glyphRuns, theoryDrawing } from './glyph-runs';

/** The bound layers: the map passes each new view's scales, and tears them down with itself. */
export interface TeachingLayers {
  setScales(scales: MapScales): void;
  destroy(): void;
}

/** Creates the theory and glyph layers over `overlay` and keeps them in step with the store. */
export function bindTeachingLayers(overlay: SVGGElement, store: AppStore, scales: MapScales | null): TeachingLayers {
  const theory = new TheoryLayer(overlay);
  const glyphs = new GlyphLayer(overlay);
  const initial = store.getState();
  if (scales) {
    theory.setScales(scales);
    glyphs.setScales(scales);
  }
  glyphs.setToggles(initial.glyphs);
  glyphs.setRuns(glyphRuns(initial));
  theory.setDrawing(theoryDrawing(initial));
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.glyphs !== previous.glyphs) glyphs.setToggles(state.glyphs);
    if (state.inspections !== previous.inspections || state.newtonModels !== previous.newtonModels || state.experiment !== previous.experiment || state.runs !== previous.runs) {
      glyphs.setRuns(glyphRuns(state));
    }
    if (state.theoryModel !== previous.theoryModel || state.theoryOverlay !== previous.theoryOverlay || state.experiment.problem !== previous.experiment.problem) {
      theory.setDrawing(theoryDrawing(state));
    }
  });
  return {
    setScales(next) {
      theory.setScales(next);
      glyphs.setScales(next);
    },
    destroy() {
      unsubscribe();
      glyphs.destroy();
      theory.destroy();
    },
  };
}
