import type { StateCreator } from 'zustand';
import type { Domain } from '../engine/objective';
import { describeEdit } from '../experiment/edit-description';
import type { Experiment } from '../experiment/experiment';
import { deepEqual } from '../experiment/url-field';
import type { AppState } from './store';

// Undo and redo over the experiment: the problem, the runs with their settings and starts, steps,
// noise and seed. The map's zoom, playback, the theme and the analyses are how the experiment is
// looked at, not edits, and are left where they are (except that undoing a switch of problem brings
// back the view the old problem had).
//
// Edits that belong together make one entry, as in a good editor:
// - everything one event handler does (removing a run first pins the colours, then removes it);
// - everything while `live` is on (one drag of a start, one slide of a slider);
// - changes of the same thing ("change lr of run 2") while a text field has focus (`typing`):
//   typing "0.05" is one entry, however slowly it is typed;
// - changes of the same thing less than EDIT_PAUSE_MS apart: holding an arrow key on a slider.
// An entry closes when `live` or `typing` ends, on settleEdit() (the app calls it when the pointer
// goes down or Enter is pressed), on undo or redo, or when a different edit comes.
//
// url-sync mirrors this timeline in the browser's history: a new entry for each new edit
// (`editCount`), and Back / Forward for undo / redo (`historyIndex`).

/** Most edits Undo can take back (and Redo do again). */
export const MAX_UNDO = 100;

/** Changes of the same thing closer together than this are one edit (typing, arrow keys held). */
export const EDIT_PAUSE_MS = 1000;

/** What undo restores: the experiment, and the view that goes with its problem. */
export interface ExperimentSnapshot {
  readonly experiment: Experiment;
  readonly viewDomain: Domain | null;
}

/** One edit in the undo or redo list: the state on its other side, and what the edit was. */
export interface HistoryEntry {
  /** In `past`, the state before the edit; in `future`, the state after it. */
  readonly snapshot: ExperimentSnapshot;
  /** What the edit did, for the tooltips ("change lr of run 2"). */
  readonly label: string;
}

/** The edit still taking in changes: its label, and when its last change came. */
export interface OpenEdit {
  readonly label: string;
  readonly at: number;
}

/** The changes an edit may make: the experiment, and the view a switch of problem resets. */
export type ExperimentChange = Partial<Pick<AppState, 'experiment' | 'viewDomain'>>;

/** Undo and redo lists of experiment edits, and the edit still open. */
export interface HistorySlice {
  /** Edits Undo takes back, oldest first (at most MAX_UNDO). */
  past: readonly HistoryEntry[];
  /** Edits Redo does again, the next one last. */
  future: readonly HistoryEntry[];
  /** Where the experiment is in its timeline: 0 as the page opened, +1 per edit or redo, −1 per undo. */
  historyIndex: number;
  /** Counts new entries in the timeline (url-sync pushes a browser history entry for each). */
  editCount: number;
  /** The latest edit while it may still take in changes (see EDIT_PAUSE_MS); null once settled. */
  openEdit: OpenEdit | null;
  /** True while a text field has focus: what is typed there is one edit until it loses focus. */
  typing: boolean;
  /** Says whether a text field has focus (false also closes the open edit). */
  setTyping(typing: boolean): void;
  /** Changes the experiment as one edit, or as part of the open one (the experiment slice's actions all do). */
  editExperiment(change: ExperimentChange): void;
  /** Closes the open edit: the next change starts a new one. */
  settleEdit(): void;
  /** Takes back the latest edit (nothing while a drag is in motion). */
  undo(): void;
  /** Does the latest undone edit again. */
  redo(): void;
  /** Records a link the reader followed inside the page as an edit from `before` (url-sync). */
  recordLink(before: ExperimentSnapshot): void;
  /** Empties both lists; the timeline starts again at 0 (url-sync, on a link from an earlier visit). */
  clearHistory(): void;
}

/** The part of the state undo restores, as it is now. */
export function snapshotOf(state: Pick<AppState, 'experiment' | 'viewDomain'>): ExperimentSnapshot {
  return { experiment: state.experiment, viewDomain: state.viewDomain };
}

// The view returns with its problem: undoing a parameter change keeps the zoom the reader chose since.
function restore(state: AppState, snapshot: ExperimentSnapshot): ExperimentChange {
  const sameProblem = deepEqual(state.experiment.problem, snapshot.experiment.problem);
  return sameProblem ? { experiment: snapshot.experiment } : { experiment: snapshot.experiment, viewDomain: snapshot.viewDomain };
}

/** Options of the history slice: the clock, which tests replace. */
export interface HistoryOptions {
  now?(): number;
}

/** Creates the history slice. */
export const createHistorySlice =
  ({ now = () => performance.now() }: HistoryOptions = {}): StateCreator<AppState, [], [], HistorySlice> =>
  (set, get) => {
    // true until the current task ends: changes one event handler makes are one edit
    let inTask = false;
    const markTask = () => {
      if (inTask) return;
      inTask = true;
      queueMicrotask(() => {
        inTask = false;
      });
    };

    return {
      past: [],
      future: [],
      historyIndex: 0,
      editCount: 0,
      openEdit: null,
      typing: false,
      setTyping: (typing) => {
        const state = get();
        if (typing === state.typing && (typing || state.openEdit === null)) return;
        set(typing ? { typing } : { typing, openEdit: null });
      },
      editExperiment: (change) => {
        const state = get();
        const next = change.experiment ?? state.experiment;
        // a change that changes nothing (setting a value it already has) is no edit
        if (deepEqual(next, state.experiment)) return set(change);
        if (state.locked) return; // a locked classroom link is read-only (classroom-slice)
        const time = now();
        const label = describeEdit(state.experiment, next);
        const open = state.openEdit;
        const top = state.past[state.past.length - 1];
        const joins = open !== null && top !== undefined && (inTask || state.live || (open.label === label && (state.typing || time - open.at <= EDIT_PAUSE_MS)));
        markTask();
        if (joins) {
          // the entry is named for all its changes together; a slide back to where it began keeps its name
          const whole = deepEqual(top.snapshot.experiment, next) ? top.label : describeEdit(top.snapshot.experiment, next);
          return set({ ...change, past: [...state.past.slice(0, -1), { ...top, label: whole }], openEdit: { label: whole, at: time } });
        }
        set({
          ...change,
          past: [...state.past, { snapshot: snapshotOf(state), label }].slice(-MAX_UNDO),
          future: [],
          historyIndex: state.historyIndex + 1,
          editCount: state.editCount + 1,
          openEdit: { label, at: time },
        });
      },
      settleEdit: () => {
        if (get().openEdit !== null) set({ openEdit: null });
      },
      undo: () => {
        const state = get();
        const top = state.past[state.past.length - 1];
        if (!top || state.live) return;
        set({
          ...restore(state, top.snapshot),
          past: state.past.slice(0, -1),
          future: [...state.future, { snapshot: snapshotOf(state), label: top.label }].slice(-MAX_UNDO),
          historyIndex: state.historyIndex - 1,
          openEdit: null,
        });
      },
      redo: () => {
        const state = get();
        const next = state.future[state.future.length - 1];
        if (!next || state.live) return;
        set({
          ...restore(state, next.snapshot),
          past: [...state.past, { snapshot: snapshotOf(state), label: next.label }].slice(-MAX_UNDO),
          future: state.future.slice(0, -1),
          historyIndex: state.historyIndex + 1,
          openEdit: null,
        });
      },
      recordLink: (before) => {
        const state = get();
        set({
          past: [...state.past, { snapshot: before, label: 'open a link' }].slice(-MAX_UNDO),
          future: [],
          historyIndex: state.historyIndex + 1,
          editCount: state.editCount + 1,
          openEdit: null,
        });
      },
      clearHistory: () => set({ past: [], future: [], historyIndex: 0, openEdit: null }),
    };
  };
