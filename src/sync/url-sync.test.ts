import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { formatViewDomain, parseUrlState, urlHash } from './url-sync';

describe('formatViewDomain', () => {
  it('writes short numbers for an ordinary view', () => {
    expect(formatViewDomain([[-2, 2], [-1, 3]])).toBe('-2,2,-1,3');
    expect(formatViewDomain([[-1.23456789, 2.5], [0.1 + 0.2, 3]])).toBe('-1.234568,2.5,0.3,3');
  });

  it('keeps a deep zoom far from the origin distinct and within a millionth of its size', () => {
    const domain = [[1000.000001, 1000.000002], [-5e-9, 5e-9]] as const;
    const text = formatViewDomain(domain);
    const numbers = text.split(',').map(Number);
    expect(numbers[0]).toBeLessThan(numbers[1]);
    expect(numbers[2]).toBeLessThan(numbers[3]);
    expect(Math.abs(numbers[0] - domain[0][0])).toBeLessThanOrEqual(1e-6 * (domain[0][1] - domain[0][0]));
    expect(Math.abs(numbers[3] - domain[1][1])).toBeLessThanOrEqual(1e-6 * (domain[1][1] - domain[1][0]));
  });

  it('round-trips through the URL', () => {
    const state = parseUrlState(`v=1&surface=booth&run=adam(lr=0.1)@0,0&view=${formatViewDomain([[0.5, 0.75], [-3, 1e-3]])}&step=7`);
    expect(state.problems).toEqual([]);
    expect(state.viewDomain).toEqual([[0.5, 0.75], [-3, 1e-3]]);
    expect(state.step).toBe(7);
  });

  it('names a bad view or step and falls back for that field alone', () => {
    const state = parseUrlState('v=1&surface=booth&run=adam(lr=0.1)@0,0&view=1,0,0,1&step=-3');
    expect(state.viewDomain).toBeNull();
    expect(state.step).toBeUndefined();
    expect(state.problems.join('\n')).toMatch(/view:.*min < max/);
    expect(state.problems.join('\n')).toMatch(/step:.*whole number/);
    expect(state.experiment.problem).toEqual({ kind: 'surface', surface: 'booth', params: {} });
  });
});

describe('the batch analyses in the URL', () => {
  it('reads them beside the experiment, and the engine from ?engine= over the hash', () => {
    const hash = 'v=1&noise=0.2&run=adam(lr=0.1)@0,0&basin=1,64,loss&seeds=1,50&engine=webgpu';
    const state = parseUrlState(hash);
    expect(state.problems).toEqual([]);
    expect(state.batch.basin).toEqual({ run: 0, resolution: 64, colorBy: 'loss', opacity: 0.75 });
    expect(state.batch.seeds).toEqual({ run: 0, count: 50 });
    expect(state.batch.sweep).toBeNull();
    expect(state.batch.engine).toBe('webgpu');
    expect(parseUrlState(hash, '?engine=js').batch.engine).toBe('js');
    expect(parseUrlState('v=1', '?lang=en&engine=js').batch.engine).toBe('js');
  });

  it('names a bad ?engine= like a bad hash field', () => {
    const state = parseUrlState('v=1', '?engine=gpu');
    expect(state.batch.engine).toBe('auto');
    expect(state.problems).toEqual(["engine: 'gpu' is not js, webgpu or auto; choosing the engine by measurement"]);
  });

  it('writes what the store has on, and reads it back', () => {
    const store = createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, noise: 0.1 } });
    expect(urlHash(store.getState())).toBe('v=1&noise=0.1');
    store.getState().updateBatchSettings('sweep', { run: 2, count: 256, second: { name: 'beta1', min: 0.5, max: 0.95, count: 10 } });
    store.getState().runBatch('sweep');
    store.getState().runBatch('seeds');
    store.getState().setBatchEngine('js');
    const hash = urlHash(store.getState());
    expect(hash).toBe('v=1&noise=0.1&sweep=3,0.0001,1,256,final,beta1,0.5,0.95,10&seeds=1,100&engine=js');
    const back = parseUrlState(hash);
    expect(back.problems).toEqual([]);
    expect(back.batch).toEqual({ basin: null, sweep: store.getState().sweep.settings, seeds: store.getState().seeds.settings, engine: 'js' });
    store.getState().closeBatch('sweep');
    expect(urlHash(store.getState())).toBe('v=1&noise=0.1&seeds=1,100&engine=js');
  });
});
