import { describe, expect, it } from 'vitest';
import type { ComputedRuns, EngineClient } from '../client/engine-client';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { createAppStore } from '../store/store';
import type { RunPayload } from '../worker/protocol';
import { answers, startEngineSync } from './engine-sync';

/** An engine client whose runExperiment requests the test answers by hand, in any order. */
function fakeClient() {
  const asked: { experiment: Experiment; numSteps?: number; answer(runs: RunPayload[]): Promise<void> }[] = [];
  const client = {
    runExperiment: (experiment: Experiment, numSteps?: number) =>
      new Promise<ComputedRuns>((resolve) => {
        asked.push({
          experiment,
          numSteps,
          // resolved, then the sync's .then has run once the microtasks have
          answer: async (runs) => {
            resolve({ runs, elapsedMs: 1, computed: runs.length });
            await Promise.resolve();
            await Promise.resolve();
          },
        });
      }),
    sampleSurface: () => new Promise(() => {}),
    probe: () => new Promise(() => {}),
  };
  return { client: client as unknown as EngineClient, asked };
}

/** Stand-in results, told apart by identity. */
const results = (count: number): RunPayload[] => Array.from({ length: count }, () => ({}) as RunPayload);

describe('engine sync', () => {
  it('shows an answer for an earlier moment of a drag while it goes on, never an older answer over a newer one', async () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const { client, asked } = fakeClient();
    const stop = startEngineSync(store, client);
    await asked[0].answer(results(3));

    store.getState().setLive(true);
    store.getState().setRunStart(0, [-1, 1]);
    store.getState().setRunStart(0, [-0.9, 1.1]);
    store.getState().setRunStart(0, [-0.8, 1.2]);
    expect(asked).toHaveLength(4);
    // live: computed up to the step shown
    expect(asked[1].numSteps).toBe(store.getState().step);

    // the answer for the first move arrives after two more moves: shown, it is the newest there is
    const first = results(3);
    await asked[1].answer(first);
    expect(store.getState().runs).toBe(first);
    // the third move's answer overtakes the second's: the second is not drawn over it
    const third = results(3);
    await asked[3].answer(third);
    await asked[2].answer(results(3));
    expect(store.getState().runs).toBe(third);

    // letting go asks for the whole run once more; an answer from mid-drag is stale now
    store.getState().setLive(false);
    expect(asked).toHaveLength(5);
    expect(asked[4].numSteps).toBeUndefined();
    stop();
  });

  it('drops an answer for an experiment that changed when nothing is live', async () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const { client, asked } = fakeClient();
    const stop = startEngineSync(store, client);
    store.getState().setSteps(50);
    await asked[0].answer(results(3));
    expect(store.getState().runs).toBeNull();
    const current = results(3);
    await asked[1].answer(current);
    expect(store.getState().runs).toBe(current);
    stop();
  });
});

describe('answers', () => {
  const moved: Experiment = { ...DEFAULT_EXPERIMENT, runs: DEFAULT_EXPERIMENT.runs.map((run) => ({ ...run, start: [0, 0] })) };
  it('takes the experiment itself, and while live an earlier moment with the same problem and runs', () => {
    expect(answers({ experiment: DEFAULT_EXPERIMENT, live: false }, DEFAULT_EXPERIMENT, 3)).toBe(true);
    expect(answers({ experiment: moved, live: false }, DEFAULT_EXPERIMENT, 3)).toBe(false);
    expect(answers({ experiment: moved, live: true }, DEFAULT_EXPERIMENT, 3)).toBe(true);
    expect(answers({ experiment: { ...moved, runs: moved.runs.slice(1) }, live: true }, DEFAULT_EXPERIMENT, 3)).toBe(false);
    expect(answers({ experiment: { ...moved, problem: { kind: 'surface', surface: 'beale', params: {} } }, live: true }, DEFAULT_EXPERIMENT, 3)).toBe(false);
  });
});
