import { describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../client/engine-client';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { createAppStore } from '../store/store';
import { startInspectionSync } from './inspection-sync';
import type { StepInspection } from '../engine/inspect-step';

/** A client whose inspect() records what it was asked and answers at once. */
function fakeClient() {
  const asked: { step: number; runs: readonly number[] }[] = [];
  const client = {
    inspect: vi.fn((_experiment: unknown, step: number, runIndices: readonly number[]) => {
      asked.push({ step, runs: runIndices });
      return Promise.resolve(runIndices.map(() => ({ step }) as unknown as StepInspection));
    }),
  };
  return { client: client as unknown as EngineClient, asked };
}

describe('startInspectionSync', () => {
  it('asks nothing until the inspector opens or a glyph is on, then once per step shown, and clears when closed', async () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const { client, asked } = fakeClient();
    const stop = startInspectionSync(store, client);
    store.getState().setStep(5);
    expect(asked).toEqual([]);
    store.getState().setInspectedRun(0);
    store.getState().setStep(10);
    await Promise.resolve();
    await Promise.resolve();
    const every = DEFAULT_EXPERIMENT.runs.map((_, index) => index);
    expect(asked).toEqual([
      { step: 5, runs: every },
      { step: 10, runs: every },
    ]);
    expect(store.getState().inspections?.step).toBe(10);
    store.getState().setInspectedRun(null);
    expect(store.getState().inspections).toBeNull();
    store.getState().setGlyph('gradient', true);
    expect(asked).toHaveLength(3);
    stop();
  });
});
