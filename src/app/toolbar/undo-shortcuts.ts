// Undo and redo from the keyboard, as in every editor: Ctrl+Z / Cmd+Z undoes; Ctrl+Shift+Z,
// Cmd+Shift+Z and Ctrl+Y redo. A field that takes text keeps them: there they undo typing (the
// browser's own text undo), never an edit of the experiment behind the reader's back. Sliders,
// selects, checkboxes and buttons have no undo of their own, so the keys undo the experiment there.
import type { ShortcutKey, ShortcutTarget } from '../playback/use-keyboard-shortcuts';

/** What an undo shortcut does. */
export type UndoAction = 'undo' | 'redo';

// inputs that take no typed text; every other input type does
const NON_TEXT_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);
// widgets whose role takes typed text (ARIA)
const TEXT_WIDGETS = '[role="textbox"], [role="searchbox"], [role="combobox"]';

/** True when the focused element edits text, and so has the browser's own undo. */
export function takesText(target: ShortcutTarget | null): boolean {
  const tag = target?.tagName?.toUpperCase() ?? '';
  if (tag === 'TEXTAREA' || target?.isContentEditable) return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((target?.type ?? 'text').toLowerCase());
  return Boolean(target?.closest?.(TEXT_WIDGETS));
}

// the letter pressed: `key` on Latin layouts; `code` (the key's place) on others, as editors do
function letter(event: Pick<ShortcutKey, 'key'> & { readonly code?: string }): string {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  return /^Key[A-Z]$/.test(event.code ?? '') ? event.code!.slice(3).toLowerCase() : '';
}

/** The undo shortcut a key press means, or null when it is not one or belongs to a text field. */
export function undoShortcutFor(event: ShortcutKey & { readonly code?: string }): UndoAction | null {
  if (event.defaultPrevented || event.altKey || event.isComposing) return null;
  // Ctrl on Windows and Linux, Cmd on macOS; both together are some other chord
  if (event.ctrlKey === event.metaKey) return null;
  const target = (event.composedPath?.()[0] ?? event.target) as ShortcutTarget | null;
  if (takesText(target && typeof target === 'object' ? target : null)) return null;
  const pressed = letter(event);
  if (pressed === 'z') return event.shiftKey ? 'redo' : 'undo';
  // Cmd+Y is the history window in Safari: only Ctrl+Y
  if (pressed === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}
