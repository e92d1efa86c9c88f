// The page opened with no link plays its (default) experiment from step 0, so the first thing a
// visitor sees is the optimizers moving rather than a finished, static picture. A link keeps what
// it says: one that names an experiment (a copied link always has `v=1`) or a step opens on that
// step, paused. Where the reader asked for less motion (prefers-reduced-motion) the finished
// picture stays. Playback waits for the runs to be computed, so it does not start without paths
// to show; whatever the reader does first (scrub, play, open another experiment) wins over it.
import type { AppStore } from '../../store/store';

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** Whether opening the page should play from step 0: no link in its hash, and motion is welcome. */
export function playsOnOpen(hash: string, reducedMotion: boolean): boolean {
  return hash.replace(/^#/, '') === '' && !reducedMotion;
}

/** True where the reader asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION_QUERY).matches;
}

/**
 * Plays from step 0 once the opened experiment's runs are in, unless before then the step moved,
 * playback started or another experiment was opened. Returns a function that stops waiting.
 */
export function playOnceComputed(store: AppStore): () => void {
  const opened = store.getState();
  if (opened.runs !== null) {
    opened.play();
    return () => {};
  }
  const unsubscribe = store.subscribe((state) => {
    const overtaken = state.step !== opened.step || state.playing || state.experiment !== opened.experiment;
    if (overtaken || state.runs !== null) unsubscribe();
    // play() restarts from step 0: the page opened on the last step
    if (!overtaken && state.runs !== null) state.play();
  });
  return unsubscribe;
}

/** Starts the opened page playing when it opened with the hash `hash` (see the file's comment). */
export function startFirstPlay(store: AppStore, hash: string): void {
  if (playsOnOpen(hash, prefersReducedMotion())) playOnceComputed(store);
}
