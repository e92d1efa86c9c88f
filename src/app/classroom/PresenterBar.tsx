import { useEffect, useRef } from 'react';
import { startPlaybackClock } from '../playback/playback-clock';
import { applyShortcut } from '../playback/use-keyboard-shortcuts';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { presenterActionFor } from './presenter-keys';
import './classroom.css';

const FORMAT_COUNT = new Intl.NumberFormat('en-US');

/**
 * Presenter mode's one line above the map and the chart: the step, Play / Pause and the way out.
 * It owns the playback clock and the keys while the playback bar is out of the page.
 */
export function PresenterBar() {
  const store = useAppStoreApi();
  const step = useAppStore((state) => state.step);
  const steps = useAppStore((state) => state.experiment.steps);
  const playing = useAppStore((state) => state.playing);
  const region = useRef<HTMLElement>(null);

  useEffect(() => startPlaybackClock(store), [store]);
  useEffect(() => {
    // the button that entered presenter mode is gone: the keys start here, not on the page's body
    region.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      const action = presenterActionFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'leave') store.getState().setPresenting(false);
      else applyShortcut(store.getState(), action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  return (
    <section className="presenter-bar" aria-label="Presenter mode" ref={region} tabIndex={-1}>
      <button type="button" className="play-button" onClick={() => store.getState().togglePlay()} aria-keyshortcuts="Space">
        {playing ? 'Pause' : 'Play'}
      </button>
      <span className="presenter-step" data-testid="presenter-step" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
        step {FORMAT_COUNT.format(step)} / {FORMAT_COUNT.format(steps)}
      </span>
      <p className="presenter-hint">
        <kbd>→</kbd>/<kbd>PgDn</kbd> step · <kbd>←</kbd>/<kbd>PgUp</kbd> back · <kbd>Space</kbd> play · <kbd>Home</kbd>/<kbd>End</kbd> · <kbd>Esc</kbd> leave
      </p>
      <button type="button" onClick={() => store.getState().setPresenting(false)} aria-keyshortcuts="Escape">
        Leave presenter mode
      </button>
    </section>
  );
}
