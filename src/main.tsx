// Composition root: the store, the engine worker's client, URL sync and the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadPreferences } from './app/preferences';
import { AppStoreContext } from './app/use-app-store';
import { startEngineSync } from './engine-sync';
import { readUrlState, startUrlSync } from './experiment/url-sync';
import { createAppStore } from './store/store';
import { EngineClient } from './worker/engine-client';
import './styles.css';

const { experiment, viewDomain, step, problems } = readUrlState();
const store = createAppStore({ experiment, step, preferences: loadPreferences() });
store.getState().loadExperiment(experiment, problems);
store.getState().setViewDomain(viewDomain);
startUrlSync(store);
startEngineSync(store, new EngineClient());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
);
