import type { SavedStorage } from '../../sync/saved-session';

// Which lessons the reader has opened and whose answers they revealed, kept in localStorage so the
// menu's ticks survive a reload and a new tab. Storage that is missing, full or throwing (private
// mode, a sandboxed frame) only loses the ticks: reading gives no progress, writing reports false.

/** The localStorage key of the lessons' progress. */
export const LESSON_PROGRESS_KEY = 'optimizer-playground:lessons';
/** The sessionStorage key of the lesson open in this tab (the panel reopens on a reload). */
export const OPEN_LESSON_KEY = 'optimizer-playground:open-lesson';

/** The lessons visited and the lessons whose answer was revealed, by id. */
export interface LessonProgress {
  readonly visited: readonly string[];
  readonly revealed: readonly string[];
}

/** No lesson visited yet. */
export const NO_PROGRESS: LessonProgress = { visited: [], revealed: [] };

/** The ids of a stored list: strings only, anything else dropped. */
function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** Reads the stored progress; nothing stored, unreadable or corrupted text is no progress. */
export function readProgress(storage: SavedStorage | null): LessonProgress {
  try {
    const text = storage?.getItem(LESSON_PROGRESS_KEY) ?? null;
    if (text === null) return NO_PROGRESS;
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return NO_PROGRESS;
    const record = parsed as Record<string, unknown>;
    return { visited: ids(record.visited), revealed: ids(record.revealed) };
  } catch {
    return NO_PROGRESS;
  }
}

/** Stores the progress; false when the storage is missing or refuses it. */
export function writeProgress(storage: SavedStorage | null, progress: LessonProgress): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(LESSON_PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** The progress with lesson `id` marked visited (or revealed, which implies visited). */
export function withLesson(progress: LessonProgress, id: string, mark: 'visited' | 'revealed'): LessonProgress {
  const add = (list: readonly string[]) => (list.includes(id) ? list : [...list, id]);
  return { visited: add(progress.visited), revealed: mark === 'revealed' ? add(progress.revealed) : progress.revealed };
}

/** The lesson this tab had open, or null. */
export function readOpenLesson(storage: SavedStorage | null): string | null {
  try {
    return storage?.getItem(OPEN_LESSON_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the lesson open in this tab (null: none). */
export function writeOpenLesson(storage: SavedStorage | null, id: string | null): void {
  try {
    if (id === null) storage?.removeItem(OPEN_LESSON_KEY);
    else storage?.setItem(OPEN_LESSON_KEY, id);
  } catch {
    // the panel just does not reopen after a reload
  }
}
