import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { EDIT_PAUSE_MS, MAX_UNDO } from './history-slice';
import { createAppStore } from './store';

// Oracles: the experiments and labels written out by hand for each sequence of edits.

/** A store with a clock the test moves by hand. */
function storeWithClock() {
  const clock = { time: 0 };
  const store = createAppStore({ experiment: DEFAULT_EXPERIMENT, history: { now: () => clock.time } });
  return { store, clock };
}

/** Lets the current task end, as between two events in the browser. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const lrs = (experiment: Experiment) => experiment.runs.map((run) => run.hyper.lr);

describe('the history slice', () => {
  it('undoes and redoes edits, naming each, and a new edit drops what could be redone', async () => {
    const { store } = storeWithClock();
    const state = () => store.getState();
    expect([state().past.length, state().future.length]).toEqual([0, 0]);
    state().setHyper(1, 'lr', 0.01);
    await nextTask();
    state().settleEdit();
    state().addRun({ optimizer: 'adam', hyper: { lr: 0.1 }, start: [1, 1] });
    await nextTask();
    expect(state().past.map((entry) => entry.label)).toEqual(['change lr of run 2', 'add run 4']);
    expect(state().historyIndex).toBe(2);

    state().undo();
    expect(state().experiment.runs).toHaveLength(3);
    expect(lrs(state().experiment)).toEqual([0.001, 0.01, 0.05]);
    state().undo();
    expect(state().experiment).toBe(DEFAULT_EXPERIMENT);
    expect(state().future.map((entry) => entry.label)).toEqual(['add run 4', 'change lr of run 2']);
    expect(state().historyIndex).toBe(0);
    state().undo(); // nothing left: no change
    expect(state().experiment).toBe(DEFAULT_EXPERIMENT);

    state().redo();
    expect(lrs(state().experiment)).toEqual([0.001, 0.01, 0.05]);
    state().redo();
    expect(state().experiment.runs[3]).toEqual({ optimizer: 'adam', hyper: { lr: 0.1 }, start: [1, 1] });
    state().undo();
    state().setSteps(500);
    expect(state().future).toEqual([]);
    expect(state().past.map((entry) => entry.label)).toEqual(['change lr of run 2', 'change steps']);
    // counts of new timeline entries: three edits, undo and redo add none
    expect([state().editCount, state().historyIndex]).toEqual([3, 2]);
  });

  it('keeps typing in one field as one edit until it pauses', async () => {
    const { store, clock } = storeWithClock();
    const state = () => store.getState();
    // "0.5", then "0.05" typed a key at a time: each valid value reaches the store in its own event
    for (const value of [0.5, 0.05]) {
      clock.time += 200;
      state().setHyper(0, 'lr', value);
      await nextTask();
    }
    expect(state().past.map((entry) => entry.label)).toEqual(['change lr of run 1']);
    clock.time += EDIT_PAUSE_MS + 1;
    state().setHyper(0, 'lr', 0.02);
    await nextTask();
    clock.time += 100;
    state().setHyper(0, 'momentum', 0.9); // another field: another edit
    await nextTask();
    expect(state().past.map((entry) => entry.label)).toEqual(['change lr of run 1', 'change lr of run 1', 'change momentum of run 1']);
    state().undo();
    state().undo();
    expect(state().experiment.runs[0].hyper).toEqual({ lr: 0.05 });
    state().undo();
    expect(state().experiment.runs[0].hyper).toEqual({ lr: 0.001 });
  });

  it('keeps what is typed in a focused text field as one edit, however slowly, until focus leaves', async () => {
    const { store, clock } = storeWithClock();
    const state = () => store.getState();
    state().setTyping(true);
    for (const value of [0.5, 0.05, 0.055]) {
      clock.time += 3 * EDIT_PAUSE_MS;
      state().setHyper(0, 'lr', value);
      await nextTask();
    }
    state().setTyping(false);
    state().setTyping(true);
    state().setHyper(0, 'lr', 0.1);
    await nextTask();
    expect(state().past.map((entry) => entry.snapshot.experiment.runs[0].hyper.lr)).toEqual([0.001, 0.055]);
  });

  it('closes an edit on settleEdit (the pointer goes down, Enter), so the next change of the same field is a new one', async () => {
    const { store } = storeWithClock();
    const state = () => store.getState();
    state().setSeed(7);
    await nextTask();
    state().settleEdit();
    state().setSeed(8);
    await nextTask();
    expect(state().past.map((entry) => entry.snapshot.experiment.seed)).toEqual([0, 7]);
  });

  it('makes one edit of what one event handler does', () => {
    const { store } = storeWithClock();
    const state = () => store.getState();
    // as RunsPanel duplicates: pin the colours, insert the copy, colour it
    state().setExperiment({ ...state().experiment, runs: state().experiment.runs.map((run, index) => ({ ...run, color: ['#111111', '#222222', '#333333'][index] })) });
    state().duplicateRun(0);
    state().updateRun(1, { color: '#444444' });
    expect(state().past.map((entry) => entry.label)).toEqual(['add run 2']);
    state().undo();
    expect(state().experiment).toBe(DEFAULT_EXPERIMENT);
  });

  it('makes one edit of a whole drag, however long it pauses, and closes it when the drag ends', async () => {
    const { store, clock } = storeWithClock();
    const state = () => store.getState();
    state().setLive(true);
    for (const x of [-1, -0.5, 0, 0.5]) {
      clock.time += 5 * EDIT_PAUSE_MS;
      state().setRunStart(2, [x, 1]);
      await nextTask();
    }
    state().undo(); // not while the drag is in motion
    expect(state().experiment.runs[2].start).toEqual([0.5, 1]);
    state().setLive(false);
    expect(state().openEdit).toBeNull();
    state().setRunStart(2, [0.6, 1]); // a click right after the drag: its own edit
    expect(state().past.map((entry) => entry.label)).toEqual(['move the start of run 3', 'move the start of run 3']);
    state().undo();
    expect(state().experiment.runs[2].start).toEqual([0.5, 1]);
    state().undo();
    expect(state().experiment.runs[2].start).toEqual([-1.5, 2]);
  });

  it('names linked starts moving together, and records nothing for a change that changes nothing', async () => {
    const { store } = storeWithClock();
    const state = () => store.getState();
    state().setLinkStarts(true);
    state().setRunStart(0, [0, 0]);
    await nextTask();
    expect(state().past.map((entry) => entry.label)).toEqual(['move the starts of runs 1, 2 and 3']);
    state().settleEdit();
    state().setRunStart(1, [0, 0]);
    state().setExperiment({ ...state().experiment });
    expect(state().past).toHaveLength(1);
  });

  it('brings back the old view with the old problem, and leaves the zoom alone otherwise', async () => {
    const { store } = storeWithClock();
    const state = () => store.getState();
    state().setViewDomain([[-1, 1], [0, 2]]);
    state().setProblem({ kind: 'surface', surface: 'saddle', params: {} });
    await nextTask();
    expect(state().viewDomain).toBeNull();
    state().setViewDomain([[-3, 3], [-3, 3]]);
    state().setHyper(0, 'lr', 0.01);
    await nextTask();
    state().undo();
    expect(state().viewDomain).toEqual([[-3, 3], [-3, 3]]);
    state().undo();
    expect(state().experiment).toBe(DEFAULT_EXPERIMENT);
    expect(state().viewDomain).toEqual([[-1, 1], [0, 2]]);
    state().redo();
    expect(state().experiment.problem).toEqual({ kind: 'surface', surface: 'saddle', params: {} });
    expect(state().viewDomain).toEqual([[-3, 3], [-3, 3]]);
  });

  it(`keeps the last ${MAX_UNDO} edits`, async () => {
    const { store } = storeWithClock();
    const state = () => store.getState();
    for (let steps = 1; steps <= MAX_UNDO + 50; steps++) {
      state().setSteps(steps);
      state().settleEdit();
    }
    expect(state().past).toHaveLength(MAX_UNDO);
    expect(state().historyIndex).toBe(MAX_UNDO + 50);
    for (let i = 0; i < MAX_UNDO + 10; i++) state().undo();
    // the oldest edit kept is the 51st: undoing it shows steps = 50
    expect(state().experiment.steps).toBe(50);
    expect(state().historyIndex).toBe(50);
    expect(state().future).toHaveLength(MAX_UNDO);
  });

  it('records a followed link as an edit, and starts again on clearHistory', () => {
    const { store } = storeWithClock();
    const state = () => store.getState();
    const before = { experiment: state().experiment, viewDomain: state().viewDomain };
    state().loadExperiment({ ...DEFAULT_EXPERIMENT, steps: 40 }, []);
    expect(state().past).toHaveLength(0);
    state().recordLink(before);
    expect(state().past.map((entry) => entry.label)).toEqual(['open a link']);
    state().undo();
    expect(state().experiment).toBe(DEFAULT_EXPERIMENT);
    state().clearHistory();
    expect([state().past, state().future, state().historyIndex]).toEqual([[], [], 0]);
  });
});
