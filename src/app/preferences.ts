// The reader's own settings (theme, text size): kept in localStorage, never in the share URL.
// The theme follows the system's colour scheme until the reader picks one with the toggle; only
// then is it saved, so someone who never touches it keeps following their OS (day and night).
import { useEffect, useLayoutEffect } from 'react';
import type { AppStore } from '../store/store';
import type { Theme } from '../store/view-slice';

const STORAGE_KEY = 'optimizer-playground:preferences';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Settings that belong to the person, not to the experiment. */
export interface Preferences {
  theme: Theme;
  largeText: boolean;
}

/** What the reader chose explicitly; a missing field was never chosen. */
export type SavedPreferences = Partial<Preferences>;

/** Reads saved preferences from their stored text; anything unreadable counts as not chosen. */
export function parsePreferences(text: string | null): SavedPreferences {
  let saved: unknown;
  try {
    saved = JSON.parse(text ?? 'null');
  } catch {
    return {}; // corrupt storage: start from the defaults
  }
  if (typeof saved !== 'object' || saved === null) return {};
  const { theme, largeText } = saved as Record<string, unknown>;
  return {
    ...((theme === 'dark' || theme === 'light') && { theme }),
    ...(typeof largeText === 'boolean' && { largeText }),
  };
}

/** The preferences in force: what was chosen, the system's colour scheme and normal text otherwise. */
export function resolvePreferences(saved: SavedPreferences, system: Theme): Preferences {
  return { theme: saved.theme ?? system, largeText: saved.largeText ?? false };
}

/** The system's colour scheme (light where the browser cannot say). */
export function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** What was saved in this browser (nothing where storage is unavailable). */
export function loadSavedPreferences(): SavedPreferences {
  try {
    return parsePreferences(localStorage.getItem(STORAGE_KEY));
  } catch {
    return {}; // storage disabled
  }
}

/** The saved preferences; the system's colour scheme when no theme was chosen. */
export function loadPreferences(): Preferences {
  return resolvePreferences(loadSavedPreferences(), systemTheme());
}

/** Saves the settings the reader just chose, keeping the others (silently skipped where storage is unavailable). */
export function savePreferences(chosen: SavedPreferences): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...loadSavedPreferences(), ...chosen }));
  } catch {
    // private mode or quota: the setting still applies to this page
  }
}

/** Applies the store's theme and text size to <html> (data-theme, data-text-size) and follows the system theme until one is chosen. */
export function useDocumentPreferences(store: AppStore): void {
  // Layout effect: the attributes land before the first paint, so a dark page never flashes light.
  useLayoutEffect(() => {
    const apply = () => {
      const { theme, largeText } = store.getState();
      const root = document.documentElement;
      root.dataset.theme = theme;
      root.dataset.textSize = largeText ? 'large' : 'normal';
    };
    apply();
    return store.subscribe((state, previous) => {
      if (state.theme !== previous.theme || state.largeText !== previous.largeText) apply();
    });
  }, [store]);

  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(DARK_QUERY);
    const follow = () => {
      if (loadSavedPreferences().theme === undefined) store.getState().setTheme(query.matches ? 'dark' : 'light');
    };
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [store]);
}
