// Presenter mode's keys, as a slide clicker sends them: → / PageDown step forward, ← / PageUp step
// back, Space plays and pauses, Home / End go to the first / last step, Esc leaves. A presentation
// remote sends PageDown / PageUp, which the ordinary page leaves to scrolling. Everything but the
// page keys and Esc is the ordinary playback shortcut (app/playback/use-keyboard-shortcuts.ts).
import { shortcutFor, type ShortcutAction, type ShortcutKey } from '../playback/use-keyboard-shortcuts';

/** What a key does in presenter mode: a playback shortcut, or leaving. */
export type PresenterAction = ShortcutAction | 'leave';

/** The presenter action of a key press, or null when it is not one. */
export function presenterActionFor(event: ShortcutKey): PresenterAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key) {
    case 'Escape':
      return 'leave';
    case 'PageDown':
      return 'forward';
    case 'PageUp':
      return 'back';
    default:
      return shortcutFor(event);
  }
}
