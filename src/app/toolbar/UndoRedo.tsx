import { useCallback, useEffect, useState } from 'react';
import type { AppStore } from '../../store/store';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { takesText, undoShortcutFor, type UndoAction } from './undo-shortcuts';
import './UndoRedo.css';

/** How long "Undid …" stays in the screen reader's status region. */
const STATUS_CLEAR_MS = 4_000;

const APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const UNDO_KEYS = APPLE ? '⌘Z' : 'Ctrl+Z';
const REDO_KEYS = APPLE ? '⇧⌘Z' : 'Ctrl+Shift+Z';

/**
 * Tells the undo list where a person would say one edit ended: the pointer goes down (a new click
 * or drag), Enter confirms a value, or focus leaves a text field (what was typed there, however
 * slowly, is one edit). Held arrow keys join by time (history-slice's EDIT_PAUSE_MS).
 */
function settleOnGestures(store: AppStore): () => void {
  const settle = () => store.getState().settleEdit();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') settle();
  };
  const onFocusIn = (event: FocusEvent) => store.getState().setTyping(takesText(event.target as Element | null));
  const onFocusOut = () => store.getState().setTyping(false);
  window.addEventListener('pointerdown', settle, true);
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('focusin', onFocusIn, true);
  window.addEventListener('focusout', onFocusOut, true);
  return () => {
    window.removeEventListener('pointerdown', settle, true);
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('focusin', onFocusIn, true);
    window.removeEventListener('focusout', onFocusOut, true);
  };
}

/** The toolbar's Undo and Redo buttons (and their keys), over edits of the experiment; each names what it would undo or redo. */
export function UndoRedo() {
  const store = useAppStoreApi();
  const undoLabel = useAppStore((state) => state.past[state.past.length - 1]?.label ?? null);
  const redoLabel = useAppStore((state) => state.future[state.future.length - 1]?.label ?? null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), STATUS_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const act = useCallback(
    (action: UndoAction) => {
      const state = store.getState();
      const label = (action === 'undo' ? state.past : state.future).at(-1)?.label;
      state[action]();
      if (label) setStatus(`${action === 'undo' ? 'Undid' : 'Redid'}: ${label}`);
    },
    [store],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = undoShortcutFor(event);
      if (!action) return;
      // the browser would otherwise undo in whatever it last edited
      event.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKeyDown);
    const stopSettling = settleOnGestures(store);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopSettling();
    };
  }, [store, act]);

  return (
    <div className="toolbar-group undo-redo" role="group" aria-label="Undo and redo">
      <button type="button" aria-label="Undo" title={undoLabel ? `Undo: ${undoLabel} (${UNDO_KEYS})` : 'Nothing to undo'} disabled={!undoLabel} onClick={() => act('undo')}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M9 14 4 9l5-5" />
          <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
        </svg>
      </button>
      <button type="button" aria-label="Redo" title={redoLabel ? `Redo: ${redoLabel} (${REDO_KEYS})` : 'Nothing to redo'} disabled={!redoLabel} onClick={() => act('redo')}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="m15 14 5-5-5-5" />
          <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
        </svg>
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
