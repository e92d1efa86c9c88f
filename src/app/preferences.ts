// The reader's own settings (theme, text size): kept in localStorage, never in the share URL.
import type { Theme } from '../store/view-slice';

const STORAGE_KEY = 'optimizer-playground:preferences';

/** Settings that belong to the person, not to the experiment. */
export interface Preferences {
  theme: Theme;
  largeText: boolean;
}

/** The saved preferences; the system's colour scheme when nothing was saved. */
export function loadPreferences(): Preferences {
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const fallback: Preferences = { theme: prefersDark ? 'dark' : 'light', largeText: false };
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Preferences> | null;
    return {
      theme: saved?.theme === 'dark' || saved?.theme === 'light' ? saved.theme : fallback.theme,
      largeText: typeof saved?.largeText === 'boolean' ? saved.largeText : fallback.largeText,
    };
  } catch {
    return fallback; // storage disabled or corrupt: start from the defaults
  }
}

/** Saves the preferences (silently skipped where storage is unavailable). */
export function savePreferences(preferences: Preferences): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // private mode or quota: the setting still applies to this page
  }
}
