import { describe, expect, it } from 'vitest';
import type { SavedStorage } from '../../sync/saved-session';
import { LESSON_PROGRESS_KEY, NO_PROGRESS, readOpenLesson, readProgress, withLesson, writeOpenLesson, writeProgress } from './lesson-progress';

/** A storage in memory. */
function memoryStorage(): SavedStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

/** A storage whose every call throws, as a disabled one does. */
const BROKEN: SavedStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('lesson progress', () => {
  it('round-trips visited and revealed lessons', () => {
    const storage = memoryStorage();
    const progress = withLesson(withLesson(NO_PROGRESS, 'schedules', 'visited'), 'newton-quadratic', 'revealed');
    expect(writeProgress(storage, progress)).toBe(true);
    expect(readProgress(storage)).toEqual({ visited: ['schedules', 'newton-quadratic'], revealed: ['newton-quadratic'] });
  });

  it('marks a lesson once', () => {
    const twice = withLesson(withLesson(NO_PROGRESS, 'a', 'revealed'), 'a', 'revealed');
    expect(twice).toEqual({ visited: ['a'], revealed: ['a'] });
  });

  it('reads nothing, corrupted text and foreign shapes as no progress', () => {
    const storage = memoryStorage();
    expect(readProgress(storage)).toEqual(NO_PROGRESS);
    storage.items.set(LESSON_PROGRESS_KEY, '{not json');
    expect(readProgress(storage)).toEqual(NO_PROGRESS);
    storage.items.set(LESSON_PROGRESS_KEY, 'null');
    expect(readProgress(storage)).toEqual(NO_PROGRESS);
    storage.items.set(LESSON_PROGRESS_KEY, JSON.stringify({ visited: ['a', 3, null], revealed: 'b' }));
    expect(readProgress(storage)).toEqual({ visited: ['a'], revealed: [] });
  });

  it('survives storage that is missing or throws', () => {
    expect(readProgress(null)).toEqual(NO_PROGRESS);
    expect(readProgress(BROKEN)).toEqual(NO_PROGRESS);
    expect(writeProgress(null, NO_PROGRESS)).toBe(false);
    expect(writeProgress(BROKEN, NO_PROGRESS)).toBe(false);
    expect(readOpenLesson(BROKEN)).toBeNull();
    expect(() => writeOpenLesson(BROKEN, 'a')).not.toThrow();
    expect(() => writeOpenLesson(BROKEN, null)).not.toThrow();
  });

  it('remembers the open lesson of the tab', () => {
    const storage = memoryStorage();
    writeOpenLesson(storage, 'schedules');
    expect(readOpenLesson(storage)).toBe('schedules');
    writeOpenLesson(storage, null);
    expect(readOpenLesson(storage)).toBeNull();
  });
});
