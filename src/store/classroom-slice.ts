import type { StateCreator } from 'zustand';
import { NO_CLASSROOM, type ClassroomView } from '../experiment/classroom-names';
import type { AppState } from './store';

/**
 * Classroom mode: what a teacher's link hides and locks, and presenter mode. In the URL as `hide`,
 * `lock` and `present` (url-fields-classroom.ts); not part of the experiment, so not an edit.
 */
export interface ClassroomSlice {
  /** Panels and controls not rendered (experiment/classroom-names.ts). */
  hidden: readonly string[];
  /** The experiment is read-only: history-slice's editExperiment refuses every edit. */
  locked: boolean;
  /** Presenter mode: the map and the loss chart alone, in large type, stepped from the keyboard. */
  presenting: boolean;
  /** The text size before presenter mode began, given back when it ends; null while not presenting. */
  largeTextBeforePresenting: boolean | null;
  /** Applies a classroom link's view (url-sync). */
  setClassroom(classroom: ClassroomView): void;
  /** Enters or leaves presenter mode; presenting turns the large-text preference on for its duration. */
  setPresenting(presenting: boolean): void;
}

/** The classroom part of the URL view, as the store holds it now. */
export function classroomOf(state: Pick<AppState, 'hidden' | 'locked' | 'presenting'>): ClassroomView {
  return { hidden: state.hidden, locked: state.locked, presenting: state.presenting };
}

/** Creates the classroom slice: the ordinary page. */
export const createClassroomSlice: StateCreator<AppState, [], [], ClassroomSlice> = (set, get) => ({
  hidden: NO_CLASSROOM.hidden,
  locked: NO_CLASSROOM.locked,
  presenting: NO_CLASSROOM.presenting,
  largeTextBeforePresenting: null,
  setClassroom: ({ hidden, locked, presenting }) => {
    set({ hidden, locked });
    get().setPresenting(presenting);
  },
  setPresenting: (presenting) => {
    const state = get();
    if (presenting === state.presenting) return;
    // presenter mode builds on the large-text preference (not saved: the reader's own choice comes back)
    if (presenting) set({ presenting, largeTextBeforePresenting: state.largeText, largeText: true });
    else set({ presenting, largeTextBeforePresenting: null, largeText: state.largeTextBeforePresenting ?? state.largeText });
  },
});
