import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { decodeUrlState } from '../experiment/url-codec';
import { applyUrlState, urlHash } from './url-sync';

// Oracles: hashes written out by hand, and the store's own state after the one load sequence.

describe('the store in the URL', () => {
  it('writes what the store has on, and reads it back', () => {
    const store = createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, noise: 0.1 } });
    expect(urlHash(store.getState())).toBe('v=1&noise=0.1');
    store.getState().updateBatchSettings('sweep', { run: 2, count: 256, second: { name: 'beta1', min: 0.5, max: 0.95, count: 10 } });
    store.getState().runBatch('sweep');
    store.getState().runBatch('seeds');
    store.getState().setBatchEngine('js');
    const hash = urlHash(store.getState());
    expect(hash).toBe('v=1&noise=0.1&sweep=3,0.0001,1,256,final,beta1,0.5,0.95,10&seeds=1,100&engine=js');
    const back = decodeUrlState(hash);
    expect(back.problems).toEqual([]);
    expect(back.analyses).toEqual({ basin: null, sweep: store.getState().sweep.settings, seeds: store.getState().seeds.settings, engine: 'js' });
    store.getState().closeBatch('sweep');
    expect(urlHash(store.getState())).toBe('v=1&noise=0.1&seeds=1,100&engine=js');
  });

  it('opens a link through the one load sequence, and writes the same link back', () => {
    const hash = 'v=1&surface=booth&steps=60&noise=0.1&run=sgd(lr=0.01)@-5,5&run=adam(lr=0.5)@5,-5&view=-8,8,-8,8&step=25&basin=2,64,loss&seeds=1,20&engine=js';
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    applyUrlState(store, decodeUrlState(hash));
    const state = store.getState();
    expect(state.experiment.problem).toEqual({ kind: 'surface', surface: 'booth', params: {} });
    expect(state.urlProblems).toEqual([]);
    expect(state.viewDomain).toEqual([[-8, 8], [-8, 8]]);
    expect(state.step).toBe(25);
    expect([state.basin.active, state.sweep.active, state.seeds.active, state.batchEngine]).toEqual([true, false, true, 'js']);
    expect(state.basin.settings).toEqual({ run: 1, resolution: 64, colorBy: 'loss', opacity: 0.75 });
    expect(urlHash(state)).toBe(hash);
  });

  it('a link without a step shows the last one; its problems reach the store', () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    applyUrlState(store, decodeUrlState('v=1&steps=40&step=10'));
    applyUrlState(store, decodeUrlState('v=1&steps=80&view=1,0,0,1'));
    const state = store.getState();
    expect(state.step).toBe(80);
    expect(state.viewDomain).toBeNull();
    expect(state.urlProblems).toEqual(["view: '1,0,0,1' is not xMin,xMax,yMin,yMax with min < max; showing the problem's own domain"]);
    expect(urlHash(state)).toBe('v=1&steps=80');
  });

  it('opens the inspector on the run and step a link names, and a link without inspect= closes it', () => {
    const hash = 'v=1&surface=booth&steps=60&run=sgd(lr=0.01)@-5,5&run=adam(lr=0.5)@5,-5&step=10&inspect=2';
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    applyUrlState(store, decodeUrlState(hash));
    expect([store.getState().inspectedRun, store.getState().step]).toEqual([1, 10]);
    expect(urlHash(store.getState())).toBe(hash);
    store.getState().setInspectedRun(0);
    expect(urlHash(store.getState())).toBe(hash.replace('inspect=2', 'inspect=1'));
    applyUrlState(store, decodeUrlState('v=1&surface=booth&run=adam(lr=0.5)@5,-5'));
    expect(store.getState().inspectedRun).toBeNull();
  });

  it('carries the loss axis, the price of a gradient and the budget; a link without them resets them', () => {
    const hash = 'v=1&surface=booth&run=adam(lr=0.5)@5,-5&x=cost&gradient_cost=central&budget=120';
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    applyUrlState(store, decodeUrlState(hash));
    const state = store.getState();
    expect([state.lossAxis, state.gradientCost, state.budget]).toEqual(['cost', 'central', 120]);
    expect(urlHash(state)).toBe(hash);
    applyUrlState(store, decodeUrlState('v=1&surface=booth&run=adam(lr=0.5)@5,-5'));
    expect([store.getState().lossAxis, store.getState().gradientCost, store.getState().budget]).toEqual(['step', 'autodiff', null]);
  });
});
