import { describe, expect, it } from 'vitest';
import { INTRO_STORAGE_KEY, INTRO_VERSION, introSeen, rememberIntroSeen, type IntroStorage } from './intro-seen';

/** A Map-backed stand-in for localStorage. */
function memoryStorage(): IntroStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, getItem: (key) => entries.get(key) ?? null, setItem: (key, value) => void entries.set(key, value) };
}

const throwing: IntroStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  },
};

describe('the introduction remembered in storage', () => {
  it('is unseen in a fresh browser and seen once dismissed', () => {
    const storage = memoryStorage();
    expect(introSeen(storage)).toBe(false);
    rememberIntroSeen(storage);
    expect(storage.entries.get(INTRO_STORAGE_KEY)).toBe(INTRO_VERSION);
    expect(introSeen(storage)).toBe(true);
  });

  it('shows again when an older version of the introduction was dismissed, or the entry is garbage', () => {
    const storage = memoryStorage();
    storage.setItem(INTRO_STORAGE_KEY, '0');
    expect(introSeen(storage)).toBe(false);
    storage.setItem(INTRO_STORAGE_KEY, '{"seen":true');
    expect(introSeen(storage)).toBe(false);
  });

  it('counts as unseen, and dismissing does not throw, where storage throws or is missing', () => {
    expect(introSeen(throwing)).toBe(false);
    expect(() => rememberIntroSeen(throwing)).not.toThrow();
    expect(introSeen(null)).toBe(false);
    expect(() => rememberIntroSeen(null)).not.toThrow();
  });
});
