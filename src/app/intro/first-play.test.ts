import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../../experiment/experiment';
import { createAppStore } from '../../store/store';
import type { RunPayload } from '../../worker/protocol';
import { playOnceComputed, playsOnOpen } from './first-play';

/** What the engine answers, as far as playback cares: some runs. */
const COMPUTED: readonly RunPayload[] = [];

function openedStore() {
  // as main.tsx leaves it after opening a page with no link: the default experiment at its last step
  return createAppStore({ experiment: DEFAULT_EXPERIMENT });
}

describe('playsOnOpen', () => {
  it('plays a page opened without a link, unless motion is reduced', () => {
    expect(playsOnOpen('', false)).toBe(true);
    expect(playsOnOpen('#', false)).toBe(true);
    expect(playsOnOpen('', true)).toBe(false);
  });

  it('keeps a link as it is: an experiment (a copied default link is v=1), a step, even a broken one', () => {
    for (const hash of ['#v=1', '#v=1&surface=booth', '#step=40', '#view=-1,1,-1,1', '#%%%']) expect(playsOnOpen(hash, false), hash).toBe(false);
  });
});

describe('playOnceComputed', () => {
  it('waits for the runs, then plays from step 0', () => {
    const store = openedStore();
    expect(store.getState().step).toBe(DEFAULT_EXPERIMENT.steps);
    playOnceComputed(store);
    store.getState().setSpeed(30); // an unrelated change does not start it
    expect(store.getState().playing).toBe(false);
    store.getState().setRuns(COMPUTED, 1);
    expect(store.getState()).toMatchObject({ playing: true, step: 0 });
  });

  it('plays at once when the runs are already there', () => {
    const store = openedStore();
    store.getState().setRuns(COMPUTED, 1);
    playOnceComputed(store);
    expect(store.getState()).toMatchObject({ playing: true, step: 0 });
  });

  it('gives way to what the reader did first: a scrub, Play and Pause, another experiment', () => {
    const scrubbed = openedStore();
    playOnceComputed(scrubbed);
    scrubbed.getState().setStep(120);
    scrubbed.getState().setRuns(COMPUTED, 1);
    expect(scrubbed.getState()).toMatchObject({ playing: false, step: 120 });

    const paused = openedStore();
    playOnceComputed(paused);
    paused.getState().play();
    paused.getState().pause();
    paused.getState().setStep(DEFAULT_EXPERIMENT.steps);
    paused.getState().setRuns(COMPUTED, 1);
    expect(paused.getState().playing).toBe(false);

    const other = openedStore();
    playOnceComputed(other);
    other.getState().loadExperiment({ ...DEFAULT_EXPERIMENT, steps: 50 }, []);
    other.getState().setRuns(COMPUTED, 1);
    expect(other.getState().playing).toBe(false);
  });

  it('can be called off before the runs arrive', () => {
    const store = openedStore();
    const stop = playOnceComputed(store);
    stop();
    store.getState().setRuns(COMPUTED, 1);
    expect(store.getState().playing).toBe(false);
  });
});
