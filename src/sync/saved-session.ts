// Never lose work: the page keeps a copy of its experiment (the share hash: experiment, view and
// analyses) in the browser's storage, written synchronously on every change, so a reload, a
// crash or a closed tab cannot take an edit with it, even one made a moment before (the URL is
// written 250 ms after a change, url-sync.ts). Two copies:
// - sessionStorage: this tab's own state; it outlives a reload and a crash of the tab (the browser
//   restores a tab's sessionStorage with the tab) and dies with the tab.
// - localStorage: the last experiment worked on in this browser, in any tab, written once the
//   reader has edited something (a page merely opened does not replace it), for "Restore your last
//   experiment" after the tab is gone.
// Each copy remembers the address the tab showed when it was written. On opening, a link wins (it
// is what the reader asked for), except when it is the address this tab itself last showed: then
// the saved copy is the same work, newer than its URL, and is restored. Storage that is missing,
// blocked, full or holds something unreadable never breaks the page: reads give nothing (a
// corrupted copy is removed and the reader told), writes are skipped.
import type { AppStore } from '../store/store';
import { batchSettingsChanged } from '../store/batch-slice';
import { urlHash } from './url-sync';

/** sessionStorage key of this tab's experiment. */
export const SESSION_KEY = 'optimizer-playground:session';
/** localStorage key of the last experiment edited in this browser. */
export const LAST_SESSION_KEY = 'optimizer-playground:last-session';

/** The saved copy's format; a copy of another version is set aside, not guessed at. */
const SAVED_VERSION = 1;
/** Longest hash read back: storage holds about 5 MB, and anything longer was not written by us. */
const MAX_SAVED_HASH_LENGTH = 4_000_000;

/** One saved copy of the page's state. */
export interface SavedSession {
  /** The share hash (without '#') of the experiment, its view and its analyses. */
  readonly hash: string;
  /** The hash the address bar showed when the copy was written (the URL lags by up to 250 ms). */
  readonly url: string;
  /** When it was written, in milliseconds since the epoch. */
  readonly savedAt: number;
}

/** What reading a copy found: the copy, or none; `corrupted` when something was stored but could not be read. */
export interface SavedRead {
  readonly saved: SavedSession | null;
  readonly corrupted: boolean;
}

/** The part of the Storage interface used here (the browser's storages, a stand-in in tests). */
export type SavedStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's sessionStorage or localStorage, or null where it is missing or reading it throws (storage disabled, sandboxed frame). */
export function browserStorage(kind: 'sessionStorage' | 'localStorage'): SavedStorage | null {
  try {
    const storage = (globalThis as Partial<Record<typeof kind, Storage>>)[kind];
    return storage ?? null;
  } catch {
    return null;
  }
}

/** Reads a stored copy's text: null for nothing stored; anything else that is not a copy of ours is corrupted. */
export function parseSavedSession(text: string | null): SavedRead {
  if (text === null) return { saved: null, corrupted: false };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { saved: null, corrupted: true };
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { saved: null, corrupted: true };
  const { version, hash, url, savedAt } = stored as Record<string, unknown>;
  const valid =
    version === SAVED_VERSION &&
    typeof hash === 'string' &&
    typeof url === 'string' &&
    hash.length <= MAX_SAVED_HASH_LENGTH &&
    url.length <= MAX_SAVED_HASH_LENGTH &&
    typeof savedAt === 'number' &&
    Number.isFinite(savedAt);
  return valid ? { saved: { hash: hash.replace(/^#/, ''), url: url.replace(/^#/, ''), savedAt }, corrupted: false } : { saved: null, corrupted: true };
}

/** Reads the copy under `key`; a corrupted one is removed (so it is reported once) and storage that throws reads as nothing. */
export function readSavedSession(storage: SavedStorage | null, key: string): SavedRead {
  if (storage === null) return { saved: null, corrupted: false };
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { saved: null, corrupted: false };
  }
  const read = parseSavedSession(text);
  if (read.corrupted) {
    try {
      storage.removeItem(key);
    } catch {
      // storage refusing a removal changes nothing for this page
    }
  }
  return read;
}

/** Writes a copy under `key`; false where storage is missing, full or refuses. */
export function writeSavedSession(storage: SavedStorage | null, key: string, saved: SavedSession): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(key, JSON.stringify({ version: SAVED_VERSION, ...saved }));
    return true;
  } catch {
    return false; // quota or private mode: the URL still holds the experiment
  }
}

/** How the page starts from its address and the saved copies. */
export interface PageStart {
  /** The hash to open instead of the address's: this tab's newer copy (after a reload or a crash); null: open the address. */
  readonly restore: string | null;
  /** The last experiment edited in this browser, to offer with a button; null: nothing to offer. */
  readonly offer: SavedSession | null;
}

/**
 * Chooses how the page opens with the hash `pageHash`. This tab's copy is restored when the address
 * is the one the tab last showed (so the copy is the same work, newer than the URL: a reload or a
 * crash right after an edit). Otherwise the address is opened, and the last experiment edited in
 * this browser is offered when the page opened with no link, or with the very link that experiment
 * was being edited from (a tab closed or crashed before its URL caught up), unless it is what opens.
 */
export function choosePageStart(pageHash: string, session: SavedSession | null, last: SavedSession | null): PageStart {
  const hash = pageHash.replace(/^#/, '');
  if (session !== null && session.url === hash && session.hash !== hash) return { restore: session.hash, offer: null };
  if (session !== null && session.url === hash) return { restore: null, offer: null };
  const offered = last !== null && last.hash !== hash && last.hash !== '' && (hash === '' || last.url === hash);
  return { restore: null, offer: offered ? last : null };
}

/** Where the copies go and how the address bar is read (main.tsx passes the browser's). */
export interface SavingTargets {
  readonly session: SavedStorage | null;
  readonly local: SavedStorage | null;
  /** The hash the address bar shows now (url-sync's `pageHash`). */
  readonly addressHash: () => string;
  /** The clock (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Saves the store's state to this tab's copy now and on every change of the experiment, its view or
 * its analyses (during playback the step is saved when it stops, and on `pagehide`), and to the
 * browser's last-experiment copy once the reader has edited something. Also saves on `pagehide` and
 * when the page is hidden. Returns a function that stops saving.
 */
export function startSessionSaving(store: AppStore, { session, local, addressHash, now = Date.now }: SavingTargets): () => void {
  const openedEditCount = store.getState().editCount;
  let savedHash: string | null = null;
  let savedUrl = addressHash();

  // `url`: the address the copy belongs to; a save on leaving keeps the last one, since url-sync
  // brings the URL up to date as the page hides but a reload already asked for the older address
  const save = (url: string) => {
    const state = store.getState();
    const hash = urlHash(state);
    if (hash === savedHash && url === savedUrl) return;
    savedHash = hash;
    savedUrl = url;
    const saved: SavedSession = { hash, url, savedAt: now() };
    writeSavedSession(session, SESSION_KEY, saved);
    if (state.editCount !== openedEditCount) writeSavedSession(local, LAST_SESSION_KEY, saved);
  };
  save(savedUrl);

  const unsubscribe = store.subscribe((state, previous) => {
    const changed =
      state.experiment !== previous.experiment ||
      state.viewDomain !== previous.viewDomain ||
      state.lossAxis !== previous.lossAxis ||
      state.gradientCost !== previous.gradientCost ||
      state.budget !== previous.budget ||
      state.editCount !== previous.editCount ||
      batchSettingsChanged(state, previous);
    // a playing step changes every frame: it is saved once playback stops
    const stepSettled = state.step !== previous.step && !state.playing;
    if (changed || stepSettled || state.playing !== previous.playing) save(addressHash());
  });
  const onLeave = () => save(savedUrl);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onLeave();
  };
  window.addEventListener('pagehide', onLeave);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onLeave);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
