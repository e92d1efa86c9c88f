import { describe, expect, it } from 'vitest';
import { sliceRunIndex } from './landscape-sync';
import type { AppState } from '../store/store';

function state(hidden: boolean[], selectedRun: number, lengths: number[]) {
  return {
    experiment: { runs: hidden.map((isHidden) => ({ hidden: isHidden })) },
    runs: lengths.map((length) => ({ trajectory: new Float64Array(length) })),
    selectedRun,
  } as unknown as Pick<AppState, 'experiment' | 'runs' | 'selectedRun'>;
}

describe('sliceRunIndex', () => {
  it('is the selected run when it is drawn, else the first drawn run, else -1', () => {
    expect(sliceRunIndex(state([false, false], 1, [4, 4]))).toBe(1);
    expect(sliceRunIndex(state([false, true], 1, [4, 4]))).toBe(0);
    expect(sliceRunIndex(state([true, false], 0, [4, 0]))).toBe(-1);
  });
});
