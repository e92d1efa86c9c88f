import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../../experiment/experiment';
import { createAppStore } from '../../store/store';
import { applyShortcut, shortcutFor, type ShortcutKey, type ShortcutTarget } from './use-keyboard-shortcuts';

/** A stand-in for a focused element: its tag and the selectors its ancestors (or itself) match. */
function element(tagName: string, matches: string[] = [], type?: string): ShortcutTarget {
  return {
    tagName,
    type,
    isContentEditable: false,
    closest: (selector: string) => (selector.split(',').some((part) => matches.includes(part.trim())) ? {} : null),
  };
}

function press(key: string, patch: Partial<ShortcutKey> = {}): ShortcutKey {
  return {
    key,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    repeat: false,
    defaultPrevented: false,
    target: element('BODY'),
    ...patch,
  };
}

describe('shortcutFor', () => {
  it('maps space, the arrows, shift+arrows, R, Home and End', () => {
    expect(shortcutFor(press(' '))).toBe('toggle');
    expect(shortcutFor(press('ArrowLeft'))).toBe('back');
    expect(shortcutFor(press('ArrowRight'))).toBe('forward');
    expect(shortcutFor(press('ArrowLeft', { shiftKey: true }))).toBe('back10');
    expect(shortcutFor(press('ArrowRight', { shiftKey: true }))).toBe('forward10');
    expect(shortcutFor(press('r'))).toBe('reset');
    expect(shortcutFor(press('R', { shiftKey: true }))).toBe('reset');
    expect(shortcutFor(press('Home'))).toBe('first');
    expect(shortcutFor(press('End'))).toBe('last');
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('leaves every key to text fields, selects and editable content', () => {
    const fields = [element('INPUT'), element('INPUT', [], 'number'), element('TEXTAREA'), element('SELECT'), { tagName: 'DIV', isContentEditable: true }];
    for (const target of fields) {
      for (const key of [' ', 'ArrowLeft', 'ArrowRight', 'r', 'Home']) expect(shortcutFor(press(key, { target }))).toBeNull();
    }
  });

  it('leaves the arrows to a focused slider, but space and R still play and reset (the scrubber after a drag)', () => {
    const range = element('INPUT', [], 'range');
    for (const key of ['ArrowLeft', 'ArrowRight', 'Home', 'End']) expect(shortcutFor(press(key, { target: range }))).toBeNull();
    expect(shortcutFor(press(' ', { target: range }))).toBe('toggle');
    expect(shortcutFor(press('r', { target: range }))).toBe('reset');
  });

  it('leaves space to a focused checkbox or radio button, and the arrows to a radio group', () => {
    const checkbox = element('INPUT', [], 'checkbox');
    const radio = element('INPUT', ['[role="radiogroup"]'], 'radio');
    expect(shortcutFor(press(' ', { target: checkbox }))).toBeNull();
    expect(shortcutFor(press(' ', { target: radio }))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { target: radio }))).toBeNull();
    expect(shortcutFor(press('r', { target: checkbox }))).toBe('reset');
  });

  it('leaves chords with Ctrl, Alt or Meta to the browser (Ctrl+R reloads)', () => {
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(shortcutFor(press(' ', { metaKey: true }))).toBeNull();
  });

  it('lets a focused button take space, and a slider or radio group take the arrows', () => {
    const button = element('BUTTON', ['button']);
    expect(shortcutFor(press(' ', { target: button }))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { target: button }))).toBe('forward');
    const slider = element('g', ['[role="slider"]']);
    expect(shortcutFor(press('ArrowRight', { target: slider }))).toBeNull();
    expect(shortcutFor(press(' ', { target: slider }))).toBe('toggle');
  });

  it('leaves every key to a widget whose role takes text, and to what it contains', () => {
    for (const role of ['textbox', 'searchbox', 'combobox', 'spinbutton']) {
      const target = element('DIV', [`[role="${role}"]`]);
      for (const key of [' ', 'r', 'ArrowLeft', 'End']) expect(shortcutFor(press(key, { target }))).toBeNull();
    }
  });

  it('leaves keys to an input method that is composing text', () => {
    expect(shortcutFor(press(' ', { isComposing: true }))).toBeNull();
    expect(shortcutFor(press('Process'))).toBeNull();
    expect(shortcutFor(press('r', { isComposing: true }))).toBeNull();
  });

  it('looks at the innermost focused element: a field inside a shadow root is typed into', () => {
    // the event's target is the shadow host, a plain element; its path starts at the field inside
    const host = element('FORMULA-FIELD');
    const field = element('INPUT', [], 'text');
    expect(shortcutFor(press(' ', { target: host }))).toBe('toggle');
    expect(shortcutFor(press(' ', { target: host, composedPath: () => [field, host] }))).toBeNull();
    const button = element('BUTTON', ['button']);
    expect(shortcutFor(press(' ', { target: host, composedPath: () => [button, host] }))).toBeNull();
    expect(shortcutFor(press(' ', { composedPath: () => [] }))).toBe('toggle');
  });

  it('ignores keys already handled, and held-down space or R', () => {
    expect(shortcutFor(press('ArrowRight', { defaultPrevented: true }))).toBeNull();
    expect(shortcutFor(press(' ', { repeat: true }))).toBeNull();
    expect(shortcutFor(press('r', { repeat: true }))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { repeat: true }))).toBe('forward');
  });
});

describe('applyShortcut', () => {
  const setup = (step: number) => createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, steps: 100 }, step });

  it('steps by one and by ten, clamped to 0..steps, and pauses', () => {
    const store = setup(50);
    store.getState().play();
    applyShortcut(store.getState(), 'forward');
    expect(store.getState()).toMatchObject({ step: 51, playing: false });
    applyShortcut(store.getState(), 'forward10');
    expect(store.getState().step).toBe(61);
    applyShortcut(store.getState(), 'back10');
    applyShortcut(store.getState(), 'back');
    expect(store.getState().step).toBe(50);
    store.getState().play();
    applyShortcut(store.getState(), 'forward10');
    expect(store.getState().playing).toBe(false);
    store.getState().setStep(95);
    applyShortcut(store.getState(), 'forward10');
    expect(store.getState().step).toBe(100);
    store.getState().setStep(4);
    applyShortcut(store.getState(), 'back10');
    expect(store.getState().step).toBe(0);
  });

  it('toggles play, resets, and jumps to the ends', () => {
    const store = setup(30);
    applyShortcut(store.getState(), 'toggle');
    expect(store.getState().playing).toBe(true);
    applyShortcut(store.getState(), 'toggle');
    expect(store.getState().playing).toBe(false);
    applyShortcut(store.getState(), 'last');
    expect(store.getState().step).toBe(100);
    applyShortcut(store.getState(), 'first');
    expect(store.getState().step).toBe(0);
    store.getState().setStep(42);
    store.getState().play();
    applyShortcut(store.getState(), 'reset');
    expect(store.getState()).toMatchObject({ step: 0, playing: false });
  });
});
