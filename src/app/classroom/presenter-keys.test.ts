import { describe, expect, it } from 'vitest';
import { presenterActionFor } from './presenter-keys';

// Oracle: the keys a presentation remote sends (PageDown / PageUp, as PowerPoint and Keynote read them) and the video-player keys.

const key = (name: string, target: object | null = { tagName: 'BODY' }, extra: object = {}) => ({
  key: name,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  repeat: false,
  defaultPrevented: false,
  target,
  ...extra,
});

describe('presenter mode keys', () => {
  it('steps with the arrows and a clicker\'s page keys, plays with space, jumps with Home/End, leaves with Esc', () => {
    expect(presenterActionFor(key('ArrowRight'))).toBe('forward');
    expect(presenterActionFor(key('PageDown'))).toBe('forward');
    expect(presenterActionFor(key('ArrowLeft'))).toBe('back');
    expect(presenterActionFor(key('PageUp'))).toBe('back');
    expect(presenterActionFor(key(' '))).toBe('toggle');
    expect(presenterActionFor(key('Home'))).toBe('first');
    expect(presenterActionFor(key('End'))).toBe('last');
    expect(presenterActionFor(key('Escape'))).toBe('leave');
  });

  it('leaves browser chords and unrelated keys alone', () => {
    expect(presenterActionFor(key('PageDown', null, { ctrlKey: true }))).toBeNull();
    expect(presenterActionFor(key('Escape', null, { defaultPrevented: true }))).toBeNull();
    expect(presenterActionFor(key('x'))).toBeNull();
  });
});
