import type { AppStore } from '../../store/store';
import { NO_GLYPHS, type Glyph } from '../../store/inspection-slice';
import { applyUrlState, openHashAsEdit, readLink } from '../../sync/url-sync';
import type { Lesson, LessonView } from './lesson';

// Opening a lesson goes through the app's own link path: from the menu it is an edit like following
// a link inside the page (Undo returns to the experiment before it, the address follows), and from
// a `#lesson=` link the page opened with it is the page's link (nothing to undo). Then the lesson's
// view: the step to start at, paused, and the glyphs and inspected run it asks for.

/** The store's actions for the overlays other parts of the app add (theory, 3-D); applied when present. */
interface OptionalViewActions {
  setTheoryOverlay?: (theory: string | null) => void;
  setView3d?: (shown: boolean) => void;
}

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
  // the theory overlay and the 3-D view come from other parts of the app; a store without them skips these
  const optional = state as unknown as OptionalViewActions;
  if (typeof optional.setTheoryOverlay === 'function') optional.setTheoryOverlay(view?.theory ?? null);
  if (typeof optional.setView3d === 'function') optional.setView3d(view?.view3d ?? false);
}
