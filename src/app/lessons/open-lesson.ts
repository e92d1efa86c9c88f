import type { AppStore } from '../../store/store';
import { NO_GLYPHS, type Glyph } from '../../store/inspection-slice';
import { applyUrlState, openHashAsEdit, readLink } from '../../sync/url-sync';
import type { Lesson, LessonView } from './lesson';

// Opening a lesson goes through the app's own link path: from the menu it is an edit like following
// a link inside the page (Undo returns to the experiment before it, the address follows), and from
// a `#lesson=` link the page opened with it is the page's link (nothing to undo). Then the lesson's
// view: the step to start at, paused, and the glyphs and inspected run it asks for.


/** Opens a lesson's experiment (as an undoable edit, or as the page's own link) and then its view. */
export async function openLesson(store: AppStore, lesson: Lesson, as: 'edit' | 'page'): Promise<void> {
  if (as === 'edit') await openHashAsEdit(store, lesson.link);
  else await readLink(lesson.link, '', (decoded) => applyUrlState(store, decoded));
  applyLessonView(store, lesson.view);
}

/** Sets the page up as the lesson asks: its step (paused), glyphs, inspected run and the optional overlays. */
export function applyLessonView(store: AppStore, view: LessonView | undefined): void {
  const state = store.getState();
  state.pause();
  if (view?.step !== undefined) state.setStep(view.step);
  const shown = new Set<Glyph>(view?.glyphs ?? []);
  for (const glyph of Object.keys(NO_GLYPHS) as Glyph[]) state.setGlyph(glyph, shown.has(glyph));
  state.setInspectedRun(view?.inspectedRun ?? null);
  state.setTheoryOverlay(view?.theory ?? false);
  state.setMapView(view?.mapView ?? 'contour');
}
