// Whether this browser has dismissed the introduction: one localStorage entry, never in the share
// URL (it belongs to the person, like the theme). The entry holds the version of the introduction
// that was dismissed, so a rewritten introduction can show itself once more by raising the version.
// Storage can be missing or throw (private mode, disabled cookies, a sandboxed frame): then the
// introduction shows on every visit and closing it still closes it for the page.

/** The localStorage key of the dismissed introduction's version. */
export const INTRO_STORAGE_KEY = 'optimizer-playground:intro';

/** The introduction's version: raise it when the steps change enough to deserve a second look. */
export const INTRO_VERSION = '1';

/** The part of the Storage interface the memory uses (localStorage in the page, a stand-in in tests). */
export type IntroStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage, or null where reading the property itself throws (storage blocked). */
function browserStorage(): IntroStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** True when this version of the introduction was dismissed here (false where storage cannot be read). */
export function introSeen(storage: IntroStorage | null = browserStorage()): boolean {
  try {
    return storage?.getItem(INTRO_STORAGE_KEY) === INTRO_VERSION;
  } catch {
    return false;
  }
}

/** Remembers that the introduction was dismissed (silently skipped where storage refuses). */
export function rememberIntroSeen(storage: IntroStorage | null = browserStorage()): void {
  try {
    storage?.setItem(INTRO_STORAGE_KEY, INTRO_VERSION);
  } catch {
    // quota or private mode: the introduction is closed for this page all the same
  }
}
