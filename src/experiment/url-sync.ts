// The one module that touches location and history: reads the experiment and the view (domain,
// step) from the URL hash, follows hand edits of the hash, and writes both back (debounced
// replaceState) whenever they change.
import type { Domain } from '../engine/objective';
import type { AppState, AppStore } from '../store/store';
import type { Experiment } from './experiment';
import { decodeExperiment, encodeExperiment } from './url-codec';

const WRITE_DELAY_MS = 250;

/** What a URL opens: the experiment, the view, and what was wrong in the link. */
export interface UrlState {
  experiment: Experiment;
  viewDomain: Domain | null;
  /** The step to show; undefined for the last one. */
  step: number | undefined;
  problems: string[];
}

/** Reads a hash (with or without '#'); never throws. */
export function parseUrlState(hash: string): UrlState {
  const { experiment, problems, view } = decodeExperiment(hash);
  let viewDomain: Domain | null = null;
  if (view.view !== undefined) {
    const numbers = view.view.split(',').map(Number);
    if (numbers.length === 4 && numbers.every(Number.isFinite) && numbers[0] < numbers[1] && numbers[2] < numbers[3]) {
      viewDomain = [
        [numbers[0], numbers[1]],
        [numbers[2], numbers[3]],
      ];
    } else {
      problems.push(`view: '${view.view}' is not xMin,xMax,yMin,yMax with min < max; showing the problem's own domain`);
    }
  }
  let step: number | undefined;
  if (view.step !== undefined) {
    const parsed = Number(view.step);
    if (Number.isInteger(parsed) && parsed >= 0) step = Math.min(parsed, experiment.steps);
    else problems.push(`step: '${view.step}' is not a whole number ≥ 0; showing the last step`);
  }
  return { experiment, viewDomain, step, problems };
}

/** The URL state of the page as it is now. */
export function readUrlState(): UrlState {
  return parseUrlState(location.hash);
}

/** The hash (without '#') for an experiment and its view; the view keys are left out at their defaults. */
export function urlHash(state: Pick<AppState, 'experiment' | 'viewDomain' | 'step'>): string {
  const view: Record<string, string> = {};
  if (state.viewDomain) view.view = formatViewDomain(state.viewDomain);
  if (state.step < state.experiment.steps) view.step = String(state.step);
  return encodeExperiment(state.experiment, view);
}

/**
 * xMin,xMax,yMin,yMax rounded to a millionth of the view's size in each direction: short in the
 * URL, and far below a pixel however deep the zoom or however far from the origin.
 */
export function formatViewDomain(domain: Domain): string {
  return domain
    .flatMap(([low, high]) => {
      const decimals = Math.max(0, Math.min(20, Math.ceil(-Math.log10((high - low) * 1e-6))));
      return [low, high].map((value) => String(Number(value.toFixed(decimals))));
    })
    .join(',');
}

/** The link that reproduces this experiment and view on this page. */
export function shareUrl(state: Pick<AppState, 'experiment' | 'viewDomain' | 'step'>): string {
  return `${location.origin}${location.pathname}#${urlHash(state)}`;
}

/**
 * Keeps the URL and the store in step. The URL is only rewritten when the state changes, so a
 * hand-edited URL with a mistake stays as typed until the user changes something. Returns a
 * function that stops syncing.
 */
export function startUrlSync(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = location.hash.replace(/^#/, '');
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.experiment === previous.experiment && state.viewDomain === previous.viewDomain && state.step === previous.step) return;
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
    const { experiment, viewDomain, step, problems } = parseUrlState(hash);
    const state = store.getState();
    state.loadExperiment(experiment, problems);
    state.setViewDomain(viewDomain);
    state.setStep(step ?? experiment.steps);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
