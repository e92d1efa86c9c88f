// The last experiments opened on this browser, for the "Recent" menu: kept in localStorage as
// their share hashes (the hash is the experiment, so it also tells two experiments apart). An
// experiment is recorded once it has stood still for a moment, so dragging a start point or a
// slider through a hundred values records only where it came to rest.
import type { Experiment } from '../../experiment/experiment';
import { encodeExperiment } from '../../experiment/url-codec';
import type { AppStore } from '../../store/store';
import { problemTitle, runLabel } from '../runs/labels';

const STORAGE_KEY = 'optimizer-playground:recent';

/** How many experiments the list keeps. */
export const MAX_RECENT = 10;
/** How long an experiment must stay unchanged before it is recorded. */
export const RECORD_DELAY_MS = 2_000;
/** Longest title kept; the hash holds the whole experiment anyway. */
const MAX_TITLE_LENGTH = 120;

/** One remembered experiment. */
export interface RecentEntry {
  /** What the menu shows: the problem and the runs' names. */
  readonly title: string;
  /** The share hash (without '#') that reopens it. */
  readonly hash: string;
  /** When it was last seen, in milliseconds since the epoch. */
  readonly time: number;
}

/** A short title for an experiment: "Rosenbrock · SGD, Momentum, Adam". */
export function experimentTitle(experiment: Experiment): string {
  const runs = experiment.runs.map((run, index) => runLabel(run, index, experiment.runs)).join(', ');
  const title = `${problemTitle(experiment.problem)} · ${runs}`;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
}

/** The list with `entry` first; an older entry with the same hash is dropped, and the list is cut to `max`. */
export function withRecent(list: readonly RecentEntry[], entry: RecentEntry, max = MAX_RECENT): RecentEntry[] {
  return [entry, ...list.filter((item) => item.hash !== entry.hash)].slice(0, max);
}

/** Reads the stored list; corrupt storage or malformed entries are ignored, never thrown. */
export function parseRecent(text: string | null): RecentEntry[] {
  let stored: unknown;
  try {
    stored = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  const entries: RecentEntry[] = [];
  for (const item of stored) {
    if (typeof item !== 'object' || item === null) continue;
    const { title, hash, time } = item as Record<string, unknown>;
    if (typeof title !== 'string' || typeof hash !== 'string' || typeof time !== 'number' || !Number.isFinite(time)) continue;
    if (entries.some((entry) => entry.hash === hash)) continue;
    entries.push({ title: title.slice(0, MAX_TITLE_LENGTH), hash: hash.replace(/^#/, ''), time });
  }
  return entries.slice(0, MAX_RECENT);
}

/** "just now", "5 min ago", "3 h ago", else the date: when an entry was last seen, relative to `now`. */
export function formatWhen(time: number, now: number): string {
  const seconds = Math.max(0, (now - time) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(time).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The stored list (empty where storage is unavailable). */
export function loadRecent(): RecentEntry[] {
  try {
    return parseRecent(localStorage.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

/** Stores the list (silently skipped where storage is unavailable or full). */
export function saveRecent(list: readonly RecentEntry[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // private mode or quota: the menu simply has nothing new
  }
}

/** Records an experiment at the top of the stored list; returns the new list. */
export function recordRecent(experiment: Experiment, now = Date.now()): RecentEntry[] {
  const list = withRecent(loadRecent(), { title: experimentTitle(experiment), hash: encodeExperiment(experiment), time: now });
  saveRecent(list);
  return list;
}

/** Records the store's experiment each time it has stood still for `delayMs` (and the one the page opened with); returns a stop function. */
export function startRecentRecording(store: AppStore, delayMs = RECORD_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => recordRecent(store.getState().experiment), delayMs);
  };
  schedule();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.experiment !== previous.experiment) schedule();
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
