// The one module that touches location and history: reads the experiment, the view (domain,
// step) and the batch analyses from the URL hash (and `?engine=` from the query string), follows
// hand edits of the hash, and writes them back (debounced replaceState) whenever they change.
import type { Domain } from '../engine/objective';
import { batchSettingsChanged, batchSettingsOf } from '../store/batch-slice';
import type { AppState, AppStore } from '../store/store';
import type { BatchSettings } from '../experiment/analysis-settings';
import type { Experiment } from '../experiment/experiment';
import { decodeBatchSettings, encodeBatchSettings } from '../experiment/url-batch';
import { decodeExperiment, encodeExperiment } from '../experiment/url-codec';

const WRITE_DELAY_MS = 250;

/** What a URL opens: the experiment, the view, and what was wrong in the link. */
export interface UrlState {
  experiment: Experiment;
  viewDomain: Domain | null;
  /** The step to show; undefined for the last one. */
  step: number | undefined;
  /** The batch analyses to run, and the engine to run them on. */
  batch: BatchSettings;
  problems: string[];
}

/**
 * Reads a hash (with or without '#'), and the query string for `?engine=js|webgpu` (which wins
 * over the hash's `engine=`: it is the override typed in front of a shared link); never throws.
 */
export function parseUrlState(hash: string, search = ''): UrlState {
  const { experiment, problems, view } = decodeExperiment(hash);
  const queryEngine = new URLSearchParams(search).get('engine');
  const batch = decodeBatchSettings(queryEngine === null ? view : { ...view, engine: queryEngine }, experiment);
  problems.push(...batch.problems);
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
  return { experiment, viewDomain, step, batch: batch.settings, problems };
}

/** The URL state of the page as it is now. */
export function readUrlState(): UrlState {
  return parseUrlState(location.hash, location.search);
}

/** What the share URL is made of: the experiment, its view and the batch analyses. */
export type UrlSource = Pick<AppState, 'experiment' | 'viewDomain' | 'step' | 'basin' | 'sweep' | 'seeds' | 'batchEngine'>;

/** The hash (without '#') for an experiment, its view and analyses; the view keys are left out at their defaults. */
export function urlHash(state: UrlSource): string {
  const view: Record<string, string> = {};
  if (state.viewDomain) view.view = formatViewDomain(state.viewDomain);
  if (state.step < state.experiment.steps) view.step = String(state.step);
  return encodeExperiment(state.experiment, { ...view, ...encodeBatchSettings(batchSettingsOf(state)) });
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
export function shareUrl(state: UrlSource): string {
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
    const { experiment, viewDomain, step, batch, problems } = parseUrlState(hash, location.search);
    const state = store.getState();
    state.loadExperiment(experiment, problems);
    state.setViewDomain(viewDomain);
    state.setStep(step ?? experiment.steps);
    state.loadBatchSettings(batch);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
