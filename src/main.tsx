// Composition root: the store, the engine worker's client, the batch pool, URL sync and the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startFirstPlay } from './app/intro/first-play';
import { loadPreferences } from './app/preferences';
import { registerServiceWorker } from './app/register-service-worker';
import { AppStoreContext } from './app/use-app-store';
import { startBatchSync } from './sync/batch-sync';
import { startEngineSync } from './sync/engine-sync';
import { startInspectionSync } from './sync/inspection-sync';
import { startLandscapeSync } from './sync/landscape-sync';
import { openPageLink, pageHash, replacePageHash, startUrlSync } from './sync/url-sync';
import { LAST_SESSION_KEY, SESSION_KEY, browserStorage, choosePageStart, readSavedSession, startSessionSaving } from './sync/saved-session';
import { RestoreOfferContext } from './app/toolbar/RestorePrompt';
import { createAppStore, type AppState } from './store/store';
import { DEFAULT_EXPERIMENT } from './experiment/experiment';
import { BatchPool } from './client/batch-pool';
import { EngineClient } from './client/engine-client';
import './styles.css';
import { isComparePage } from './app/classroom/classroom-link';

// classroom mode's A/B page (?compare#a=<link A>&b=<link B>) is a composition of its own, loaded apart
if (isComparePage(location.search)) void import('./app/classroom/compare/compare-main');
else startPlayground();

/** The playground: one store, its workers, URL and session sync, and the React tree. */
function startPlayground() {
  const store = createAppStore({ experiment: DEFAULT_EXPERIMENT, preferences: loadPreferences() });
  // never lose work: this tab's saved copy, newer than its address after a reload or a crash, opens
  // in its place; the last experiment edited in this browser is offered with a button (a link wins)
  const tabStorage = browserStorage('sessionStorage');
  const browserWideStorage = browserStorage('localStorage');
  const tabCopy = readSavedSession(tabStorage, SESSION_KEY);
  const lastCopy = readSavedSession(browserWideStorage, LAST_SESSION_KEY);
  const pageStart = choosePageStart(pageHash(), tabCopy.saved, lastCopy.saved);
  if (pageStart.restore !== null) replacePageHash(pageStart.restore);
  const restoreOffer = { offer: pageStart.offer, corrupted: tabCopy.corrupted || lastCopy.corrupted };
  // the link the page opened with goes through the same load sequence as a later hash change (at
  // once, unless it names a bundled data set: then once the file is fetched)
  void openPageLink(store);
  // a page opened with no link plays its experiment from step 0 (a link opens on its step)
  startFirstPlay(store, location.hash);
  startUrlSync(store);
  startSessionSaving(store, { session: tabStorage, local: browserWideStorage, addressHash: pageHash });
  const engineClient = new EngineClient();
  startEngineSync(store, engineClient);
  // the step inspector and the map's glyphs: runs replayed to the shown step, only while shown
  startInspectionSync(store, engineClient);
  // the theory overlay's local model and the Newton glyph's Hessians: the code loads with the first
  // of them turned on (a link's or a click's), out of the first paint
  const wantsTheory = (state: AppState) => state.theoryOverlay || state.glyphs.newtonStep;
  let theoryStarted = false;
  const startTheory = (state: AppState) => {
    if (theoryStarted || !wantsTheory(state)) return;
    theoryStarted = true;
    void import('./sync/theory-sync').then(({ startTheorySync }) => startTheorySync(store, engineClient));
  };
  startTheory(store.getState());
  const stopWaitingForTheory = store.subscribe((state) => {
    startTheory(state);
    if (theoryStarted) stopWaitingForTheory();
  });
  // a slice of a large model's loss takes about a second: a worker of its own keeps the runs coming meanwhile
  let landscapeClient: EngineClient | null = null;
  startLandscapeSync(
    store,
    () => (landscapeClient ??= new EngineClient(undefined, { source: 'slice engine', name: 'The loss-slice engine', work: { doing: 'the slice is being recomputed', done: 'the slice was recomputed' } })),
  );
  // the batch workers start with the first analysis (or the first look at the Analysis panel)
  let batchPool: BatchPool | null = null;
  startBatchSync(store, () => (batchPool ??= new BatchPool()));

  // after the first visit the app opens and runs offline (production build only)
  registerServiceWorker();

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppStoreContext.Provider value={store}>
        <RestoreOfferContext.Provider value={restoreOffer}>
          <App />
        </RestoreOfferContext.Provider>
      </AppStoreContext.Provider>
    </StrictMode>,
  );
}
