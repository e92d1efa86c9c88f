import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_EXPERIMENT, type Experiment } from '../../experiment/experiment';
import { decodeExperiment } from '../../experiment/url-codec';
import { createAppStore } from '../../store/store';
import { MAX_RECENT, experimentTitle, formatWhen, loadRecent, parseRecent, startRecentRecording, withRecent, type RecentEntry } from './recent';

// Oracles: lists written out by hand; for recording, decoding the stored hash gives back the
// experiment that was recorded.

const entry = (hash: string, time: number): RecentEntry => ({ title: `t ${hash}`, hash, time });

/** A localStorage stand-in for Node: a Map behind the Storage methods the code uses. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

describe('the recent list', () => {
  test('puts the newest first, drops an older copy of the same hash, and keeps at most ten', () => {
    const list = [entry('a', 3), entry('b', 2), entry('c', 1)];
    expect(withRecent(list, entry('b', 4)).map((item) => item.hash)).toEqual(['b', 'a', 'c']);
    expect(withRecent(list, entry('d', 4)).map((item) => item.hash)).toEqual(['d', 'a', 'b', 'c']);
    const full = Array.from({ length: MAX_RECENT }, (_, index) => entry(`h${index}`, -index));
    const next = withRecent(full, entry('new', 1));
    expect(next).toHaveLength(10);
    expect(next[0].hash).toBe('new');
    expect(next.map((item) => item.hash)).not.toContain('h9');
  });

  test('ignores corrupt storage and malformed entries', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('{not json')).toEqual([]);
    expect(parseRecent('{"title":"x"}')).toEqual([]);
    expect(parseRecent('"a string"')).toEqual([]);
    const mixed = JSON.stringify([
      { title: 'good', hash: 'v=1&steps=10', time: 5 },
      null,
      'x',
      { title: 3, hash: 'v=1', time: 1 },
      { title: 'no time', hash: 'v=1' },
      { title: 'bad time', hash: 'v=1', time: 'yesterday' },
      { title: 'repeat', hash: 'v=1&steps=10', time: 4 },
      { title: 'leading #', hash: '#v=1&steps=20', time: 3 },
    ]);
    expect(parseRecent(mixed)).toEqual([
      { title: 'good', hash: 'v=1&steps=10', time: 5 },
      { title: 'leading #', hash: 'v=1&steps=20', time: 3 },
    ]);
  });

  test('titles name the problem and the runs', () => {
    expect(experimentTitle(DEFAULT_EXPERIMENT)).toBe('Rosenbrock · SGD lr 0.001, Momentum lr 0.001 μ 0.9, Adam lr 0.05');
    const formula: Experiment = { ...DEFAULT_EXPERIMENT, problem: { kind: 'formula', expression: 'x^2 + y^2' }, runs: [{ optimizer: 'adam', hyper: { lr: 0.1 }, start: [1, 1] }] };
    expect(experimentTitle(formula)).toBe('f(x, y) = x^2 + y^2 · Adam lr 0.1');
    const long: Experiment = { ...formula, problem: { kind: 'formula', expression: `x^2 + ${'y^2 + '.repeat(40)}1` } };
    expect(experimentTitle(long).length).toBe(120);
    expect(experimentTitle(long).endsWith('…')).toBe(true);
  });

  test('say when, relative to now', () => {
    const now = Date.UTC(2025, 0, 10, 12);
    expect(formatWhen(now - 5_000, now)).toBe('just now');
    expect(formatWhen(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatWhen(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatWhen(now - 3 * 86_400_000, now)).toMatch(/2025/);
  });
});

describe('recording', () => {
  let storage: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = memoryStorage({ 'optimizer-playground:recent': 'corrupt{' });
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('records an experiment once it has stood still for two seconds, not every change on the way', () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const stop = startRecentRecording(store);
    vi.advanceTimersByTime(2_000);
    expect(loadRecent().map((item) => decodeExperiment(item.hash).experiment)).toEqual([DEFAULT_EXPERIMENT]);

    // a drag: 50 starts, 40 ms apart; only where it stops is recorded
    for (let frame = 0; frame < 50; frame++) {
      store.getState().setRunStart(0, [-1.5 + frame / 100, 2]);
      vi.advanceTimersByTime(40);
    }
    expect(loadRecent()).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    const recent = loadRecent();
    expect(recent).toHaveLength(2);
    const dragged = decodeExperiment(recent[0].hash).experiment;
    expect(dragged).toEqual(store.getState().experiment);
    expect(dragged.runs[0].start).toEqual([-1.01, 2]);

    // going back to the first experiment moves it to the top instead of adding a copy
    store.getState().setExperiment(DEFAULT_EXPERIMENT);
    vi.advanceTimersByTime(2_000);
    expect(loadRecent().map((item) => decodeExperiment(item.hash).experiment)).toEqual([DEFAULT_EXPERIMENT, dragged]);

    stop();
    store.getState().setSteps(10);
    vi.advanceTimersByTime(5_000);
    expect(loadRecent()).toHaveLength(2);
  });

  test('keeps working where storage throws', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const stop = startRecentRecording(store);
    expect(() => vi.advanceTimersByTime(2_000)).not.toThrow();
    expect(loadRecent()).toEqual([]);
    stop();
  });
});
