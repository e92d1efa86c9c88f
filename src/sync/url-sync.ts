// The one module that touches location and history: opens the link the page was loaded with,
// follows hand edits of the hash, and writes the experiment, its view and the analyses back
// (debounced replaceState) whenever they change. What the URL says is experiment/url-codec.ts's
// business; this module only moves it between the address bar and the store.
import type { AppState, AppStore } from '../store/store';
import { batchSettingsChanged, batchSettingsOf } from '../store/batch-slice';
import { withoutAutomaticLabels } from '../experiment/run-name';
import { decodeUrlState, encodeUrlState, type DecodedUrlState, type UrlState } from '../experiment/url-codec';

const WRITE_DELAY_MS = 250;

/** What the share URL is made of in the store: the experiment, its view and the analyses. */
export type UrlSource = Pick<AppState, 'experiment' | 'viewDomain' | 'step' | 'basin' | 'sweep' | 'seeds' | 'batchEngine'>;

/** The URL state of the page as it is now: its hash, and `?engine=` from its query string. */
export function readUrlState(): DecodedUrlState {
  return decodeUrlState(location.hash, location.search);
}

/** What the store holds of the URL: the analyses as a link would run them (batchSettingsOf). */
export function urlStateOf(state: UrlSource): UrlState {
  return { experiment: state.experiment, view: { domain: state.viewDomain, step: state.step }, analyses: batchSettingsOf(state) };
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
  state.loadBatchSettings(analyses);
}

/**
 * Keeps the URL and the store in step (main.tsx has opened the page's URL first). The URL is only
 * rewritten when the state changes, so a hand-edited URL with a mistake stays as typed until the
 * user changes something. Returns a function that stops syncing.
 */
export function startUrlSync(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = location.hash.replace(/^#/, '');
  const unsubscribe = store.subscribe((state, previous) => {
    const unchanged = state.experiment === previous.experiment && state.viewDomain === previous.viewDomain && state.step === previous.step;
    if (unchanged && !batchSettingsChanged(state, previous)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const hash = urlHash(store.getState());
      if (hash === lastWritten) return;
      lastWritten = hash;
      history.replaceState(history.state, '', `#${hash}`);
    }, WRITE_DELAY_MS);
  });
  const onHashChange = () => {
    const hash = location.hash.replace(/^#/, '');
    if (hash === lastWritten) return;
    lastWritten = hash;
    applyUrlState(store, decodeUrlState(hash, location.search));
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
