import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { createAppStore } from './store';

describe('the experiment slice: setProblem', () => {
  it('moves starts left at the old suggestions in the same update as the problem, and resets the view', () => {
    const app = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    app.getState().setViewDomain([[-1, 1], [0, 2]]);
    app.getState().setRunStart(0, [0.5, 1.5]);
    const updates: number[][][] = [];
    app.subscribe((state) => updates.push(state.experiment.runs.map((run) => [...run.start])));
    app.getState().setProblem({ kind: 'surface', surface: 'saddle', params: {} });
    // one update, so the URL, the engine and history see the switch once
    expect(updates).toEqual([
      [
        [0.5, 1.5],
        [-1.5, 0.05],
        [-1.5, 0.05],
      ],
    ]);
    expect(app.getState().experiment.problem).toEqual({ kind: 'surface', surface: 'saddle', params: {} });
    expect(app.getState().viewDomain).toBeNull();
  });

  it('keeps linked starts together', () => {
    const app = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    app.getState().setLinkStarts(true);
    app.getState().setProblem({ kind: 'surface', surface: 'himmelblau', params: {} });
    expect(new Set(app.getState().experiment.runs.map((run) => run.start.join(',')))).toEqual(new Set(['-0.35,-0.75']));
  });
});
