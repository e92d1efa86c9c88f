// Playback from the keyboard, as in video players: space plays and pauses, ← / → step (shift: 10
// steps), R resets, Home / End jump to the first / last step. A key is left alone when it belongs
// to what has focus: typing in a field (a native one, editable content, or a widget whose role
// takes text, such as a combobox), moving a slider or radio group, pressing a focused button or
// checkbox with space, composing text with an input method, or any chord with Ctrl, Alt or Meta
// (browser and system shortcuts). What has focus is the innermost element, inside any shadow root,
// not the element the event was retargeted to. A focused slider keeps its arrows but not space,
// which it has no use for: after dragging the scrubber, space plays from there.
import { useEffect } from 'react';
import type { AppState } from '../../store/store';
import { useAppStoreApi } from '../use-app-store';

/** What a playback shortcut does. */
export type ShortcutAction = 'toggle' | 'back' | 'forward' | 'back10' | 'forward10' | 'reset' | 'first' | 'last';

/** Steps Shift+← / Shift+→ move. */
export const BIG_STEP = 10;

/** The part of a focused element the shortcuts look at (an Element has all of it). */
export interface ShortcutTarget {
  readonly tagName?: string;
  /** An input's type ("text", "range", ...). */
  readonly type?: string;
  readonly isContentEditable?: boolean;
  closest?(selector: string): unknown;
}

/** The part of a KeyboardEvent the shortcuts look at. */
export interface ShortcutKey {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly repeat: boolean;
  readonly defaultPrevented: boolean;
  /** True while an input method composes text (the key is part of the text, e.g. a space choosing a word). */
  readonly isComposing?: boolean;
  readonly target: ShortcutTarget | EventTarget | null;
  /** The event's path, innermost first: inside a shadow root `target` is only the host. */
  composedPath?(): readonly (ShortcutTarget | EventTarget)[];
}

// inputs that take no typed text; every other input type does
const NON_TEXT_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);
// widgets that use the arrow keys themselves (ARIA authoring practices)
const ARROW_WIDGETS =
  '[role="slider"], [role="spinbutton"], [role="radiogroup"], [role="tablist"], [role="listbox"], [role="menu"], ' +
  '[role="menubar"], [role="tree"], [role="grid"], [role="textbox"], [role="combobox"], [role="application"]';
// widgets whose role takes typed text (ARIA): what is typed into them, space included, is theirs
const TEXT_WIDGETS = '[role="textbox"], [role="searchbox"], [role="combobox"], [role="spinbutton"]';
// elements that space activates
const SPACE_WIDGETS =
  'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="menuitem"], [role="tab"], [role="option"], [role="radio"], [role="link"]';

function asTarget(target: ShortcutKey['target'] | undefined): ShortcutTarget | null {
  return target && typeof target === 'object' ? (target as ShortcutTarget) : null;
}

/** The shortcut a key press means, or null when the key is not ours to take. */
export function shortcutFor(event: ShortcutKey): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return null;
  // 'Process' is the key an input method reports while it handles the press
  if (event.isComposing || event.key === 'Process') return null;
  const target = asTarget(event.composedPath?.()[0] ?? event.target);
  const tag = target?.tagName?.toUpperCase() ?? '';
  const input = tag === 'INPUT' ? (target?.type ?? 'text').toLowerCase() : null;
  const inside = (selector: string) => Boolean(target?.closest?.(selector));
  const typing =
    tag === 'TEXTAREA' || tag === 'SELECT' || Boolean(target?.isContentEditable) || (input !== null && !NON_TEXT_INPUTS.has(input)) || inside(TEXT_WIDGETS);
  if (typing) return null;
  // sliders, radios and the like move with the arrows (and Home / End) themselves
  const ownsArrows = input !== null || inside(ARROW_WIDGETS);
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      // holding space would flicker between play and pause; checkboxes and buttons take their own space
      return event.repeat || (input !== null && input !== 'range') || inside(SPACE_WIDGETS) ? null : 'toggle';
    case 'ArrowLeft':
      return ownsArrows ? null : event.shiftKey ? 'back10' : 'back';
    case 'ArrowRight':
      return ownsArrows ? null : event.shiftKey ? 'forward10' : 'forward';
    case 'Home':
      return ownsArrows ? null : 'first';
    case 'End':
      return ownsArrows ? null : 'last';
    case 'r':
    case 'R':
      return event.repeat ? null : 'reset';
    default:
      return null;
  }
}

/** Performs a shortcut on the store. Stepping by hand pauses, as the Step buttons do. */
export function applyShortcut(state: AppState, action: ShortcutAction): void {
  switch (action) {
    case 'toggle':
      return state.togglePlay();
    case 'back':
      return state.stepBack();
    case 'forward':
      return state.stepForward();
    case 'reset':
      return state.resetPlayback();
    case 'back10':
    case 'forward10':
    case 'first':
    case 'last': {
      const target = {
        back10: state.step - BIG_STEP,
        forward10: state.step + BIG_STEP,
        first: 0,
        last: state.experiment.steps,
      }[action];
      state.pause();
      state.setStep(target);
      return;
    }
  }
}

/** Listens for the playback shortcuts on the whole page while the calling component is mounted. */
export function useKeyboardShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      // space would also scroll the page, Home / End too
      event.preventDefault();
      applyShortcut(store.getState(), action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
