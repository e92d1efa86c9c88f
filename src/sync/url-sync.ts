// The one module that touches location and history: opens the link the page was loaded with,
// follows hand edits of the hash, writes the experiment, its view and the analyses back (debounced
// replaceState, brought up to date at once when the page is hidden or left) whenever they change, and pushes a browser history entry for each edit in the undo
// list, so Back and Forward walk the same edits as Undo and Redo. What the URL says is experiment/url-codec.ts's
// business; this module only moves it between the address bar and the store. A link to a bundled
// data set names it alone: the file is fetched (bundled-files.ts) before the link is read, the page
// showing what it showed until then.
import type { AppState, AppStore } from '../store/store';
import { batchSettingsChanged, batchSettingsOf } from '../store/batch-slice';
import { NO_GLYPHS, type Glyph } from '../store/inspection-slice';
import { snapshotOf } from '../store/history-slice';
import { classroomOf } from '../store/classroom-slice';
import { NO_CLASSROOM } from '../experiment/classroom-names';
import { withoutAutomaticLabels } from '../experiment/run-name';
import { decodeUrlState, encodeUrlState, linkBundledSets, type DecodedUrlState, type UrlState } from '../experiment/url-codec';
import { fetchText, loadLinkFiles, type FileFetcher } from './bundled-files';

const WRITE_DELAY_MS = 250;
/** How long a history.go may take to land before the browser is taken not to have that entry. */
const TRAVERSE_TIMEOUT_MS = 2_000;

/** What the share URL is made of in the store: the experiment, its view and the analyses. */
export type UrlSource = Pick<
  AppState,
  'experiment' | 'viewDomain' | 'step' | 'lossAxis' | 'gradientCost' | 'budget' | 'inspectedRun' | 'mapView' | 'basin' | 'sweep' | 'seeds' | 'batchEngine' | 'hidden' | 'locked' | 'presenting'
> &
  Partial<Pick<AppState, 'glyphs' | 'theoryOverlay'>>;

const GLYPHS = Object.keys(NO_GLYPHS) as Glyph[];

/** Counts the links read, so that a link still loading its data set gives way to a later one. */
let linksRead = 0;

/**
 * Reads a link (a hash, and the query string whose `?engine=` wins) and hands it to `open`: at once, or, when its data problem names a bundled data set,
 * once that file is fetched (a file that cannot be fetched is a problem of the link, said in
 * `problems`). A link read meanwhile wins: the earlier one is dropped when its file arrives.
 */
export function readLink(hash: string, search: string, open: (decoded: DecodedUrlState) => void, fetchFile: FileFetcher = fetchText): Promise<void> {
  const read = ++linksRead;
  const names = linkBundledSets(hash);
  if (names.length === 0) {
    open(decodeUrlState(hash, search));
    return Promise.resolve();
  }
  return loadLinkFiles(names, fetchFile).then((files) => {
    if (read === linksRead) open(decodeUrlState(hash, search, files));
  });
}

/** Opens the page's own link in the store (main.tsx), fetching a bundled data set it names first. */
export function openPageLink(store: AppStore): Promise<void> {
  return readLink(location.hash, location.search, (decoded) => applyUrlState(store, decoded));
}

/** The hash (without '#') the address bar shows now. */
export function pageHash(): string {
  return location.hash.replace(/^#/, '');
}

/** Puts `hash` in the address bar in place of the page's own, before the page opens it (a saved copy restored, saved-session.ts). */
export function replacePageHash(hash: string): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${hash}`);
}

/** Opens a saved experiment's hash as an edit of its own (Undo goes back), the address following as for any edit. */
export function openHashAsEdit(store: AppStore, hash: string): Promise<void> {
  const before = snapshotOf(store.getState());
  return readLink(hash, location.search, (decoded) => {
    applyUrlState(store, decoded);
    store.getState().recordLink(before);
  });
}

/** What the store holds of the URL: the analyses as a link would run them (batchSettingsOf). */
export function urlStateOf(state: UrlSource): UrlState {
  const { viewDomain: domain, step, lossAxis, gradientCost, budget, inspectedRun, mapView } = state;
  const glyphs = state.glyphs ? GLYPHS.filter((glyph) => state.glyphs?.[glyph]) : [];
  const theory = state.theoryOverlay ?? false;
  return { experiment: state.experiment, view: { domain, step, lossAxis, gradientCost, budget, inspectedRun, mapView, glyphs, theory, classroom: classroomOf(state) }, analyses: batchSettingsOf(state) };
}

/** The hash (without '#') for the store's experiment, view and analyses; defaults are left out. */
export function urlHash(state: UrlSource): string {
  return encodeUrlState(urlStateOf(state));
}

/** The link that reproduces this experiment and view on this page. */
export function shareUrl(state: UrlSource): string {
  return `${location.origin}${location.pathname}#${urlHash(state)}`;
}

/**
 * Opens a decoded URL in the store: the experiment (with what was wrong in the link), its view
 * and its analyses. The one load sequence, for the page's first URL and for every hash change.
 */
export function applyUrlState(store: AppStore, { experiment, view, analyses, problems }: DecodedUrlState): void {
  const state = store.getState();
  // names an older version wrote into the link by itself are read as no name, so they follow the run
  state.loadExperiment(withoutAutomaticLabels(experiment), problems);
  state.setViewDomain(view.domain);
  // after the experiment, so the step is clamped to its steps
  state.setStep(view.step ?? experiment.steps);
  state.setLossAxis(view.lossAxis ?? 'step');
  state.setGradientCost(view.gradientCost ?? 'autodiff');
  state.setBudget(view.budget ?? null);
  state.setInspectedRun(view.inspectedRun ?? null);
  state.setMapView(view.mapView ?? 'contour');
  for (const glyph of GLYPHS) {
    const shown = view.glyphs?.includes(glyph) ?? false;
    if (store.getState().glyphs[glyph] !== shown) state.setGlyph(glyph, shown);
  }
  state.setTheoryOverlay(view.theory ?? false);
  state.loadBatchSettings(analyses);
  state.setClassroom(view.classroom ?? NO_CLASSROOM);
}

/** The mark url-sync leaves in each browser history entry it owns: the page's session and the entry's place in the undo timeline. */
interface EntryMark {
  readonly session: string;
  readonly index: number;
}

const MARK_KEY = 'optimizerPlayground';

function markOf(entryState: unknown): EntryMark | null {
  if (typeof entryState !== 'object' || entryState === null) return null;
  const mark = (entryState as Record<string, unknown>)[MARK_KEY] as Partial<EntryMark> | undefined;
  return typeof mark?.session === 'string' && typeof mark.index === 'number' ? { session: mark.session, index: mark.index } : null;
}

function newSession(): string {
  return Math.random().toString(36).slice(2);
}

const currentHash = pageHash;

/**
 * Keeps the URL and the store in step (main.tsx has opened the page's URL first), and the browser's
 * history in step with the undo list: each new edit pushes an entry (history-slice decides what one
 * edit is: a whole drag, a typed value once it pauses), undo and redo walk the entries with
 * history.go, and Back / Forward undo and redo. Opening the page does not push, so Back from the
 * first state leaves the app. An entry from an earlier visit (before a reload) is opened as its link,
 * and the undo list starts again there; a link followed inside the page (the address bar, Recent) is
 * an edit of its own. Within an entry the URL is replaced (debounced) as the view, the step or the
 * analyses change, and only when the state changes, so a hand-edited URL with a mistake stays as
 * typed until the user changes something. Returns a function that stops syncing.
 */
export function startUrlSync(store: AppStore): () => void {
  let session = newSession();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = currentHash();
  // the timeline index of the browser's entry (or the one a traversal in flight goes to)
  let browserIndex = store.getState().historyIndex;
  // a history.go is in flight: the next popstate is its landing, not the reader's Back
  let traversing = false;
  // browser entries from this index on are stale: edits made while a traversal was in flight
  let staleFrom: number | null = null;
  // the store is following the browser (a Back or Forward being replayed as undo or redo)
  let following = false;

  const marked = (index: number) => ({ [MARK_KEY]: { session, index } satisfies EntryMark });
  // the entry the page opened on is index 0 of this session; its URL stays as it was
  history.replaceState(marked(browserIndex), '', location.href);

  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    if (traversing) return; // the landing writes
    const hash = urlHash(store.getState());
    if (hash === lastWritten) return;
    lastWritten = hash;
    history.replaceState(history.state, '', `#${hash}`);
  };
  const writeSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(write, WRITE_DELAY_MS);
  };
  const push = (index: number) => {
    clearTimeout(timer);
    lastWritten = urlHash(store.getState());
    browserIndex = index;
    history.pushState(marked(index), '', `#${lastWritten}`);
  };
  let traverseTimer: ReturnType<typeof setTimeout> | undefined;
  const traverse = (target: number) => {
    traversing = true;
    const delta = target - browserIndex;
    browserIndex = target;
    history.go(delta);
    // a browser keeps only so many entries (Chromium: 50): a go past the oldest does nothing and
    // sends no popstate; then the entry shown keeps the store's state and undo goes on without it
    traverseTimer = setTimeout(() => {
      traversing = false;
      staleFrom = null;
      browserIndex = store.getState().historyIndex;
      write();
    }, TRAVERSE_TIMEOUT_MS);
  };
  // brings the browser to the store's place in the timeline, one traversal at a time
  const follow = () => {
    if (traversing) return;
    const { historyIndex } = store.getState();
    if (staleFrom !== null) {
      const keep = Math.min(staleFrom - 1, historyIndex);
      if (browserIndex !== keep) return traverse(keep);
      for (let index = keep + 1; index <= historyIndex; index++) push(index);
      staleFrom = null;
      return;
    }
    if (historyIndex !== browserIndex) traverse(historyIndex);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.editCount !== previous.editCount && !following) {
      if (traversing || staleFrom !== null) staleFrom = Math.min(staleFrom ?? Infinity, state.historyIndex);
      else push(state.historyIndex);
    }
    if (state.historyIndex !== previous.historyIndex && !following) follow();
    const unchanged =
      state.experiment === previous.experiment &&
      state.viewDomain === previous.viewDomain &&
      state.step === previous.step &&
      state.lossAxis === previous.lossAxis &&
      state.gradientCost === previous.gradientCost &&
      state.budget === previous.budget &&
      state.inspectedRun === previous.inspectedRun &&
      state.mapView === previous.mapView &&
      state.glyphs === previous.glyphs &&
      state.theoryOverlay === previous.theoryOverlay &&
      state.hidden === previous.hidden &&
      state.locked === previous.locked &&
      state.presenting === previous.presenting;
    if (!unchanged || batchSettingsChanged(state, previous)) writeSoon();
  });

  // Back or Forward within this session: replay it as undo or redo; false when the list cannot reach it
  const walkTo = (index: number): boolean => {
    const state = store.getState();
    const steps = index - state.historyIndex;
    if (state.live || (steps < 0 ? -steps > state.past.length : steps > state.future.length)) return false;
    following = true;
    try {
      for (let i = 0; i < Math.abs(steps); i++) (steps < 0 ? store.getState().undo : store.getState().redo)();
    } finally {
      following = false;
    }
    return true;
  };
  // opens the URL the browser shows; `asEdit`: as an edit in a new entry, else as a fresh start
  // (once the bundled data set it names is fetched, if it names one)
  const openLink = (asEdit: boolean) => {
    const before = snapshotOf(store.getState());
    void readLink(location.hash, location.search, (decoded) => {
      following = true;
      try {
        applyUrlState(store, decoded);
        if (asEdit) store.getState().recordLink(before);
        else {
          session = newSession();
          store.getState().clearHistory();
        }
      } finally {
        following = false;
      }
      browserIndex = store.getState().historyIndex;
      lastWritten = currentHash();
      history.replaceState(marked(browserIndex), '', location.href);
    });
  };

  const onPopState = (event: PopStateEvent) => {
    const mark = markOf(event.state);
    if (traversing) {
      // our own history.go landed: go on if the store moved again meanwhile, then write its state here
      traversing = false;
      clearTimeout(traverseTimer);
      lastWritten = currentHash();
      follow();
      if (!traversing) writeSoon();
      return;
    }
    if (mark?.session === session) {
      if (walkTo(mark.index)) {
        browserIndex = mark.index;
        lastWritten = currentHash();
        writeSoon();
      } else openLink(false);
      return;
    }
    // a link followed inside the page makes an entry without our mark; the same address again changes nothing
    if (mark === null && currentHash() === lastWritten) history.replaceState(marked(browserIndex), '', location.href);
    else openLink(mark === null);
  };
  // browsers that announce a followed fragment only by hashchange
  const onHashChange = () => {
    if (currentHash() !== lastWritten && markOf(history.state) === null) openLink(true);
  };
  // leaving or hiding the page writes a pending change at once, so the address a closed tab
  // reopens with, or one copied from another window, is the experiment as it was last seen
  const flush = () => {
    if (timer !== undefined) write();
  };
  // (no document where url-sync runs in a test's stand-in window)
  const page = typeof document === 'undefined' ? null : document;
  const onVisibility = () => {
    if (page?.visibilityState === 'hidden') flush();
  };
  window.addEventListener('popstate', onPopState);
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('pagehide', flush);
  page?.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', flush);
    page?.removeEventListener('visibilitychange', onVisibility);
    clearTimeout(timer);
    clearTimeout(traverseTimer);
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('hashchange', onHashChange);
  };
}
