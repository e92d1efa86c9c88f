// Composition root: the store, the engine worker's client, the batch pool, URL sync and the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startFirstPlay } from './app/intro/first-play';
import { loadPreferences } from './app/preferences';
import { AppStoreContext } from './app/use-app-store';
import { startBatchSync } from './sync/batch-sync';
import { startEngineSync } from './sync/engine-sync';
import { startLandscapeSync } from './sync/landscape-sync';
import { openPageLink, startUrlSync } from './sync/url-sync';
import { createAppStore } from './store/store';
import { DEFAULT_EXPERIMENT } from './experiment/experiment';
import { BatchPool } from './client/batch-pool';
import { EngineClient } from './client/engine-client';
import './styles.css';

const store = createAppStore({ experiment: DEFAULT_EXPERIMENT, preferences: loadPreferences() });
// the link the page opened with goes through the same load sequence as a later hash change (at
// once, unless it names a bundled data set: then once the file is fetched)
void openPageLink(store);
// a page opened with no link plays its experiment from step 0 (a link opens on its step)
startFirstPlay(store, location.hash);
startUrlSync(store);
startEngineSync(store, new EngineClient());
// a slice of a large model's loss takes about a second: a worker of its own keeps the runs coming meanwhile
let landscapeClient: EngineClient | null = null;
startLandscapeSync(
  store,
  () => (landscapeClient ??= new EngineClient(undefined, { source: 'slice engine', name: 'The loss-slice engine', work: { doing: 'the slice is being recomputed', done: 'the slice was recomputed' } })),
);
// the batch workers start with the first analysis (or the first look at the Analysis panel)
let batchPool: BatchPool | null = null;
startBatchSync(store, () => (batchPool ??= new BatchPool()));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
);
