// The one module that touches location and history: reads the experiment from the URL hash,
// follows hand edits of the hash, and writes the experiment back (debounced replaceState).
import type { AppStore } from '../store/store';
import type { Experiment } from './experiment';
import { decodeExperiment, encodeExperiment } from './url-codec';

const WRITE_DELAY_MS = 250;

/** The experiment in the current URL (the default one for an empty hash) and what was wrong in it. */
export function readExperimentFromUrl(): { experiment: Experiment; problems: string[] } {
  return decodeExperiment(currentHash());
}

/** The link that reproduces this experiment on this page. */
export function shareUrl(experiment: Experiment): string {
  return `${location.origin}${location.pathname}#${encodeExperiment(experiment)}`;
}

/**
 * Keeps the URL and the store's experiment in step. The URL is only rewritten when the experiment
 * changes, so a hand-edited URL with a mistake stays as typed until the user changes something.
 * Returns a function that stops syncing.
 */
export function startUrlSync(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = currentHash();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.experiment === previous.experiment) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const hash = encodeExperiment(store.getState().experiment);
      if (hash === lastWritten) return;
      lastWritten = hash;
      history.replaceState(history.state, '', `#${hash}`);
    }, WRITE_DELAY_MS);
  });
  const onHashChange = () => {
    const hash = currentHash();
    if (hash === lastWritten) return;
    lastWritten = hash;
    const { experiment, problems } = decodeExperiment(hash);
    store.getState().loadExperiment(experiment, problems);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}

function currentHash(): string {
  return location.hash.replace(/^#/, '');
}
