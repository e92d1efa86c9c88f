import { describe, expect, it } from 'vitest';
import type { ShortcutKey, ShortcutTarget } from '../playback/use-keyboard-shortcuts';
import { undoShortcutFor } from './undo-shortcuts';

// Oracle: the shortcuts of common editors (VS Code, Google Docs, Figma), written out by hand.

function element(tagName: string, type?: string, matches: string[] = []): ShortcutTarget {
  return {
    tagName,
    type,
    isContentEditable: false,
    closest: (selector: string) => (selector.split(',').some((part) => matches.includes(part.trim())) ? {} : null),
  };
}

function press(key: string, patch: Partial<ShortcutKey> & { code?: string } = {}): ShortcutKey & { code?: string } {
  return { key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, repeat: false, defaultPrevented: false, target: element('BODY'), ...patch };
}

describe('undoShortcutFor', () => {
  it('maps Ctrl/Cmd+Z to undo and Ctrl/Cmd+Shift+Z and Ctrl+Y to redo', () => {
    expect(undoShortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(undoShortcutFor(press('z', { metaKey: true }))).toBe('undo');
    expect(undoShortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcutFor(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
    // a Russian layout reports the letter typed, and the key's place as KeyZ
    expect(undoShortcutFor(press('я', { ctrlKey: true, code: 'KeyZ' }))).toBe('undo');
  });

  it('ignores other chords', () => {
    expect(undoShortcutFor(press('z'))).toBeNull();
    expect(undoShortcutFor(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoShortcutFor(press('z', { ctrlKey: true, metaKey: true }))).toBeNull();
    expect(undoShortcutFor(press('y', { metaKey: true }))).toBeNull();
    expect(undoShortcutFor(press('x', { ctrlKey: true }))).toBeNull();
    expect(undoShortcutFor(press('z', { ctrlKey: true, defaultPrevented: true }))).toBeNull();
  });

  it('leaves the keys to fields that take text, and takes them on sliders, selects and buttons', () => {
    const textFields = [element('INPUT'), element('INPUT', 'text'), element('INPUT', 'number'), element('TEXTAREA'), element('DIV', undefined, ['[role="textbox"]']), { tagName: 'DIV', isContentEditable: true }];
    for (const target of textFields) {
      expect(undoShortcutFor(press('z', { ctrlKey: true, target }))).toBeNull();
      expect(undoShortcutFor(press('Z', { ctrlKey: true, shiftKey: true, target }))).toBeNull();
    }
    for (const target of [element('INPUT', 'range'), element('SELECT'), element('BUTTON'), element('INPUT', 'checkbox')]) {
      expect(undoShortcutFor(press('z', { ctrlKey: true, target }))).toBe('undo');
    }
  });

  it('looks at the innermost focused element inside a shadow root', () => {
    const event = press('z', { ctrlKey: true, target: element('MY-WIDGET'), composedPath: () => [element('INPUT', 'text'), element('MY-WIDGET')] });
    expect(undoShortcutFor(event)).toBeNull();
  });
});
