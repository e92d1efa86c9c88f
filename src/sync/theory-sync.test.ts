import { describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../client/engine-client';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { createAppStore } from '../store/store';
import type { RunPayload } from '../worker/protocol';
import { startTheorySync } from './theory-sync';

/** A client whose localModel() records the points asked and answers a constant Hessian at once. */
function fakeClient() {
  const asked: number[][] = [];
  const client = {
    localModel: vi.fn((_problem: unknown, point: readonly number[]) => {
      asked.push([...point]);
      return Promise.resolve({ value: 0, gradient: [0, 0], hessian: [2, 0, 0, 200] });
    }),
  };
  return { client: client as unknown as EngineClient, asked };
}

const settle = async () => {
  for (let i = 0; i < 6; i++) await Promise.resolve();
};

describe('startTheorySync', () => {
  it('asks nothing while the overlay is off; then at the selected run’s shown point, and at the cursor while it is over the map', async () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const { client, asked } = fakeClient();
    const trajectory = Float64Array.of(-1.5, 2, -1, 1.5, -0.5, 1);
    store.getState().setRuns([{ trajectory } as unknown as RunPayload], 0);
    const stop = startTheorySync(store, client);
    await settle();
    expect(asked).toEqual([]);
    store.getState().setStep(1);
    store.getState().setTheoryOverlay(true);
    await settle();
    expect(asked).toEqual([[-1, 1.5]]);
    expect(store.getState().theoryModel?.source).toEqual({ kind: 'run', run: 0, step: 1 });
    store.getState().requestHover({ x: 0.25, y: 0.5 });
    await settle();
    expect(asked.at(-1)).toEqual([0.25, 0.5]);
    expect(store.getState().theoryModel?.source).toEqual({ kind: 'cursor' });
    store.getState().requestHover(null);
    await settle();
    expect(store.getState().theoryModel?.source).toEqual({ kind: 'run', run: 0, step: 1 });
    // past the run's end: its last point
    store.getState().setStep(99);
    await settle();
    expect(asked.at(-1)).toEqual([-0.5, 1]);
    store.getState().setTheoryOverlay(false);
    await settle();
    expect(store.getState().theoryModel).toBeNull();
    stop();
  });
});
