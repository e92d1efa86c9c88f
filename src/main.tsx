// Composition root: the store, the engine worker's client, URL sync and the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppStoreContext } from './app/use-app-store';
import { startEngineSync } from './engine-sync';
import { readExperimentFromUrl, startUrlSync } from './experiment/url-sync';
import { createAppStore } from './store/store';
import { EngineClient } from './worker/engine-client';
import './styles.css';

const { experiment, problems } = readExperimentFromUrl();
const store = createAppStore(experiment);
store.getState().loadExperiment(experiment, problems);
startUrlSync(store);
startEngineSync(store, new EngineClient());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
);
