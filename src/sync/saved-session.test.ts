import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { createAppStore } from '../store/store';
import {
  LAST_SESSION_KEY,
  SESSION_KEY,
  choosePageStart,
  parseSavedSession,
  readSavedSession,
  startSessionSaving,
  writeSavedSession,
  type SavedSession,
  type SavedStorage,
} from './saved-session';
import { urlHash } from './url-sync';

// Oracles: copies and decisions written out by hand; what is saved is compared with url-sync's own
// hash of the store, the form a link has.

/** A Storage stand-in: a Map behind the methods used; `full` makes every write throw as a full quota does. */
function memoryStorage(initial: Record<string, string> = {}, full = false) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, String(value));
    },
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

/** Storage that throws on every call, as a blocked one does. */
const throwingStorage: SavedStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

const copy = (hash: string, url: string, savedAt = 1000): SavedSession => ({ hash, url, savedAt });

describe('reading a saved copy', () => {
  test('reads what was written, and nothing as nothing', () => {
    const storage = memoryStorage();
    expect(writeSavedSession(storage, SESSION_KEY, copy('v=1&steps=20', 'v=1'))).toBe(true);
    expect(readSavedSession(storage, SESSION_KEY)).toEqual({ saved: copy('v=1&steps=20', 'v=1'), corrupted: false });
    expect(readSavedSession(storage, LAST_SESSION_KEY)).toEqual({ saved: null, corrupted: false });
  });

  // the corrupted states the author stored by hand, and a few more of the same kinds
  const corrupted = [
    '',
    '{',
    'undefined',
    'null',
    '42',
    '"v=1"',
    '[]',
    '{}',
    '{"version":2,"hash":"v=1","url":"","savedAt":1}',
    '{"version":1,"hash":7,"url":"","savedAt":1}',
    '{"version":1,"hash":"v=1","savedAt":1}',
    '{"version":1,"hash":"v=1","url":"","savedAt":"yesterday"}',
    '{"version":1,"hash":"v=1","url":"","savedAt":1e999}',
    '{"__proto__":{"hash":"v=1"},"version":1}',
    `{"version":1,"hash":"${'x'.repeat(4_000_001)}","url":"","savedAt":1}`,
  ];
  test.each(corrupted.map((text) => [text.slice(0, 60), text]))('%s: is corrupted, removed, and never thrown', (_, text) => {
    expect(parseSavedSession(text)).toEqual({ saved: null, corrupted: true });
    const storage = memoryStorage({ [SESSION_KEY]: text });
    expect(readSavedSession(storage, SESSION_KEY)).toEqual({ saved: null, corrupted: true });
    expect(storage.items.has(SESSION_KEY)).toBe(false);
  });

  test('storage that is missing, blocked or full reads as nothing and refuses writes without throwing', () => {
    expect(readSavedSession(null, SESSION_KEY)).toEqual({ saved: null, corrupted: false });
    expect(readSavedSession(throwingStorage, SESSION_KEY)).toEqual({ saved: null, corrupted: false });
    expect(writeSavedSession(null, SESSION_KEY, copy('v=1', ''))).toBe(false);
    expect(writeSavedSession(throwingStorage, SESSION_KEY, copy('v=1', ''))).toBe(false);
    expect(writeSavedSession(memoryStorage({}, true), SESSION_KEY, copy('v=1', ''))).toBe(false);
  });
});

describe('how the page opens', () => {
  test("this tab's copy, newer than the address it was saved at, is restored (a reload or a crash right after an edit)", () => {
    expect(choosePageStart('#v=1&steps=20', copy('v=1&steps=30', 'v=1&steps=20'), null)).toEqual({ restore: 'v=1&steps=30', offer: null });
    expect(choosePageStart('', copy('v=1&steps=30', ''), copy('v=1&noise=1', ''))).toEqual({ restore: 'v=1&steps=30', offer: null });
  });

  test("a link wins over this tab's copy of other work; an address that caught up needs nothing", () => {
    expect(choosePageStart('v=1&surface=booth', copy('v=1&steps=30', 'v=1&steps=20'), null)).toEqual({ restore: null, offer: null });
    expect(choosePageStart('v=1&steps=30', copy('v=1&steps=30', 'v=1&steps=30'), copy('v=1&noise=1', ''))).toEqual({ restore: null, offer: null });
  });

  test('the last experiment edited is offered on a page opened without a link, or with the link it was edited from', () => {
    const last = copy('v=1&steps=30', 'v=1&steps=20');
    expect(choosePageStart('', null, last)).toEqual({ restore: null, offer: last });
    expect(choosePageStart('v=1&steps=20', null, last)).toEqual({ restore: null, offer: last });
    // another link is what the reader asked for; the same experiment needs no offer; the default is nothing to restore
    expect(choosePageStart('v=1&surface=booth', null, last)).toEqual({ restore: null, offer: null });
    expect(choosePageStart('v=1&steps=30', null, last)).toEqual({ restore: null, offer: null });
    expect(choosePageStart('v=1&steps=20', null, copy('', 'v=1&steps=20'))).toEqual({ restore: null, offer: null });
  });
});

describe('saving as the experiment changes', () => {
  let address = '';
  const events = new EventTarget();
  const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  beforeEach(() => {
    address = '';
    vi.stubGlobal('window', events);
    vi.stubGlobal('document', page);
  });
  afterEach(() => vi.unstubAllGlobals());

  const start = () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const session = memoryStorage();
    const local = memoryStorage();
    const stop = startSessionSaving(store, { session, local, addressHash: () => address, now: () => 5 });
    const read = (storage: SavedStorage, key: string) => readSavedSession(storage, key).saved;
    return { store, stop, sessionCopy: () => read(session, SESSION_KEY), lastCopy: () => read(local, LAST_SESSION_KEY) };
  };

  test("saves this tab's copy at once, on every edit, synchronously, with the address it was made at", () => {
    const { store, stop, sessionCopy, lastCopy } = start();
    expect(sessionCopy()).toEqual(copy(urlHash(store.getState()), '', 5));
    // a page only opened is not "the last experiment"
    expect(lastCopy()).toBeNull();
    store.getState().setSteps(77);
    const edited = urlHash(store.getState());
    expect(edited).toContain('steps=77');
    expect(sessionCopy()).toEqual(copy(edited, '', 5));
    expect(lastCopy()).toEqual(copy(edited, '', 5));
    stop();
  });

  test('on pagehide the copy keeps the address a reload asked for, though the URL was brought up to date meanwhile', () => {
    const { store, stop, sessionCopy } = start();
    store.getState().setSteps(77);
    address = urlHash(store.getState()); // url-sync's flush
    events.dispatchEvent(new Event('pagehide'));
    expect(sessionCopy()?.url).toBe('');
    stop();
  });

  test('the step of a playing run is saved when playback stops, and on hiding the page', () => {
    const { store, stop, sessionCopy } = start();
    store.getState().setStep(3);
    expect(sessionCopy()?.hash).toContain('step=3');
    store.getState().play();
    store.getState().setStep(5);
    expect(sessionCopy()?.hash).not.toContain('step=5');
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    page.visibilityState = 'visible';
    expect(sessionCopy()?.hash).toContain('step=5');
    stop();
  });
});
