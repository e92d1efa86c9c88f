import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { createAppStore, type AppStore } from '../store/store';
import { startUrlSync } from './url-sync';

// The browser's session history as the HTML standard describes it, small enough to read: a list of
// entries and a current index; pushState drops the entries after the current one; replaceState
// rewrites the current one; history.go moves later (a task afterwards) and fires popstate with the
// entry's state; a fragment followed adds an entry with no state and fires popstate. The oracle is
// that list: after each sequence, the entries and where the browser stands, written out by hand.

interface Entry {
  state: unknown;
  hash: string;
}

class FakeBrowser {
  entries: Entry[] = [{ state: null, hash: '' }];
  index = 0;
  private listeners = new Map<string, ((event: { state: unknown }) => void)[]>();

  readonly location = {
    get hash() {
      return browser.entries[browser.index].hash ? `#${browser.entries[browser.index].hash}` : '';
    },
    search: '',
    origin: 'http://localhost',
    pathname: '/',
    get href() {
      return `http://localhost/${this.hash}`;
    },
  };
  readonly history = {
    get state() {
      return browser.entries[browser.index].state;
    },
    get length() {
      return browser.entries.length;
    },
    pushState: (state: unknown, _title: string, url: string) => {
      this.entries = [...this.entries.slice(0, this.index + 1), { state: structuredClone(state), hash: hashOf(url) }];
      this.index++;
    },
    replaceState: (state: unknown, _title: string, url: string) => {
      this.entries[this.index] = { state: structuredClone(state), hash: hashOf(url) };
    },
    go: (delta: number) => {
      const target = this.index + delta;
      if (target < 0 || target >= this.entries.length) return;
      setTimeout(() => {
        this.index = target;
        this.fire('popstate', { state: this.entries[target].state });
      }, 1);
    },
  };
  readonly window = {
    addEventListener: (type: string, listener: (event: { state: unknown }) => void) => {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    },
    removeEventListener: (type: string, listener: (event: { state: unknown }) => void) => {
      this.listeners.set(type, (this.listeners.get(type) ?? []).filter((candidate) => candidate !== listener));
    },
  };

  /** The reader's Back (-1) or Forward (+1) button. */
  press(delta: number) {
    this.history.go(delta);
  }

  /** The reader follows a link to another hash inside the page (address bar, Recent menu). */
  follow(hash: string) {
    this.entries = [...this.entries.slice(0, this.index + 1), { state: null, hash }];
    this.index++;
    this.fire('popstate', { state: null });
    this.fire('hashchange', { state: null });
  }

  /** The page is left (reload, closed tab): the browser fires pagehide. */
  leave() {
    this.fire('pagehide', { state: null });
  }

  private fire(type: string, event: { state: unknown }) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function hashOf(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? '' : url.slice(at + 1);
}

let browser: FakeBrowser;
let store: AppStore;
let stop: () => void;

/** Lets history.go land and the debounced URL write happen. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 400));
const steps = () => browser.entries.map((entry) => /steps=(\d+)/.exec(entry.hash)?.[1] ?? '300');

/** One edit per call, each in its own task, as clicks are. */
async function setSteps(...values: number[]) {
  for (const value of values) {
    store.getState().setSteps(value);
    store.getState().settleEdit();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

beforeEach(() => {
  browser = new FakeBrowser();
  vi.stubGlobal('window', browser.window);
  vi.stubGlobal('location', browser.location);
  vi.stubGlobal('history', browser.history);
  store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
  stop = startUrlSync(store);
});

afterEach(() => {
  stop();
  vi.unstubAllGlobals();
});

describe('url-sync and the browser history', () => {
  it('opening the page pushes nothing; each edit pushes one entry', async () => {
    expect(browser.entries).toHaveLength(1);
    await setSteps(10, 20);
    await settle();
    expect(steps()).toEqual(['300', '10', '20']);
    expect(browser.index).toBe(2);
  });

  it('leaving the page writes a change still waiting for its debounced write, at once', () => {
    store.getState().setStep(42);
    expect(browser.location.hash).not.toContain('step=42');
    browser.leave();
    expect(browser.location.hash).toContain('step=42');
  });

  it('undo and redo move the browser along the same entries, however fast they come', async () => {
    await setSteps(10, 20, 30);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    await settle();
    expect(store.getState().experiment.steps).toBe(300);
    expect(browser.index).toBe(0);
    store.getState().redo();
    await settle();
    expect(browser.index).toBe(1);
    expect(steps()).toEqual(['300', '10', '20', '30']);
  });

  it('an edit made while the browser is still moving lands after the entry it follows, dropping the ones after', async () => {
    await setSteps(10, 20, 30);
    store.getState().undo();
    store.getState().undo();
    await setSteps(99); // before the traversals have landed
    await settle();
    expect(steps()).toEqual(['300', '10', '99']);
    expect(browser.index).toBe(2);
    expect(store.getState().historyIndex).toBe(2);
  });

  it("the reader's Back and Forward replay as undo and redo", async () => {
    await setSteps(10, 20);
    browser.press(-1);
    await settle();
    expect(store.getState().experiment.steps).toBe(10);
    expect(store.getState().future.map((entry) => entry.label)).toEqual(['change steps']);
    browser.press(-1);
    await settle();
    expect(store.getState().experiment.steps).toBe(300);
    browser.press(+1);
    await settle();
    expect(store.getState().experiment.steps).toBe(10);
    expect(browser.entries).toHaveLength(3); // walking pushes nothing
  });

  it('a link followed inside the page is an edit of its own, which Back and Undo take back', async () => {
    await setSteps(10);
    browser.follow('v=1&steps=77');
    await settle();
    expect(store.getState().experiment.steps).toBe(77);
    expect(store.getState().past.map((entry) => entry.label)).toEqual(['change steps', 'open a link']);
    store.getState().undo();
    await settle();
    expect(store.getState().experiment.steps).toBe(10);
    expect(browser.index).toBe(1);
  });

  it('an entry from an earlier visit opens its link, and the undo list starts again there', async () => {
    browser.entries = [{ state: { optimizerPlayground: { session: 'earlier', index: 4 } }, hash: 'v=1&steps=55' }, ...browser.entries];
    browser.index = 1;
    await setSteps(10);
    browser.press(-2);
    await settle();
    expect(store.getState().experiment.steps).toBe(55);
    expect([store.getState().past, store.getState().future]).toEqual([[], []]);
  });
});
