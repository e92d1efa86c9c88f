import { describe, expect, it } from 'vitest';
import { NO_ANALYSIS_SETTINGS } from './analysis-settings';
import { DEFAULT_EXPERIMENT } from './experiment';
import { decodeUrlState, encodeUrlState } from './url-codec';
import { formatViewDomain } from './url-fields-view';

// Oracles: the numbers written out by hand, and for a deep zoom the bound a millionth of the
// view's size puts on the rounding.

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
    const state = decodeUrlState(`v=1&surface=booth&run=adam(lr=0.1)@0,0&view=${formatViewDomain([[0.5, 0.75], [-3, 1e-3]])}&step=7`);
    expect(state.problems).toEqual([]);
    expect(state.view.domain).toEqual([[0.5, 0.75], [-3, 1e-3]]);
    expect(state.view.step).toBe(7);
  });
});

describe('the view in the share URL', () => {
  it('names a bad view or step and falls back for that field alone', () => {
    const state = decodeUrlState('v=1&surface=booth&run=adam(lr=0.1)@0,0&view=1,0,0,1&step=-3');
    expect(state.view.domain).toBeNull();
    expect(state.view.step).toBeUndefined();
    expect(state.problems.join('\n')).toMatch(/view:.*min < max/);
    expect(state.problems.join('\n')).toMatch(/step:.*whole number/);
    expect(state.experiment.problem).toEqual({ kind: 'surface', surface: 'booth', params: {} });
  });

  it('clamps a step past the last to the last', () => {
    expect(decodeUrlState('v=1&steps=50&step=80').view.step).toBe(50);
  });

  it('reads a repeated view key silently, the last readable value winning, as it always did', () => {
    const state = decodeUrlState('v=1&view=0,1,0,1&view=-1,1,-1,1&view=%zz');
    expect(state.view.domain).toEqual([[-1, 1], [-1, 1]]);
    expect(state.problems).toEqual(["view: '%zz' is not valid percent-encoding; ignored"]);
  });

  it('accepts the reserved view keys without reading them', () => {
    expect(decodeUrlState('v=1&play=1&speed=60&zoom=2&center=0,0&layers=x&panel=runs&compare=1').problems).toEqual([]);
    expect(decodeUrlState('v=1&play=%zz').problems).toEqual(["play: '%zz' is not valid percent-encoding; ignored"]);
  });
});

describe('the fair comparison in the share URL', () => {
  it('round-trips the x axis, the price of a gradient and the budget', () => {
    const view = { domain: null, step: undefined, lossAxis: 'cost', gradientCost: 'forward', budget: 200 } as const;
    const hash = encodeUrlState({ experiment: DEFAULT_EXPERIMENT, view, analyses: NO_ANALYSIS_SETTINGS });
    expect(hash).toBe('v=1&x=cost&gradient_cost=forward&budget=200');
    const state = decodeUrlState(hash);
    expect(state.problems).toEqual([]);
    expect(state.view).toMatchObject({ lossAxis: 'cost', gradientCost: 'forward', budget: 200 });
  });

  it('leaves the defaults out, so links written before these keys open as they did', () => {
    const view = { domain: null, step: undefined, lossAxis: 'step', gradientCost: 'autodiff', budget: null } as const;
    expect(encodeUrlState({ experiment: DEFAULT_EXPERIMENT, view, analyses: NO_ANALYSIS_SETTINGS })).toBe('v=1');
    const old = decodeUrlState('v=1&surface=booth&run=adam(lr=0.1)@0,0&step=7');
    expect(old.problems).toEqual([]);
    expect(old.view.lossAxis).toBeUndefined();
    expect(old.view.budget).toBeUndefined();
  });

  it('names a bad axis, price or budget and falls back for that field alone', () => {
    const state = decodeUrlState('v=1&x=furlongs&gradient_cost=cheap&budget=-5&step=3');
    expect(state.view.lossAxis).toBeUndefined();
    expect(state.view.gradientCost).toBeUndefined();
    expect(state.view.budget).toBeUndefined();
    expect(state.view.step).toBe(3);
    expect(state.problems.join('\n')).toMatch(/x: 'furlongs' is not one of step, epoch, examples, evaluations/);
    expect(state.problems.join('\n')).toMatch(/gradient_cost: 'cheap'/);
    expect(state.problems.join('\n')).toMatch(/budget: '-5' is not a number > 0/);
  });
});

describe('the inspected run in the share URL', () => {
  const link = 'v=1&surface=booth&steps=50&run=adam(lr=0.1)@0,0&run=sgd(lr=0.01)@1,1';

  it('reads inspect=N as run N (1-based in the link, 0-based in the view) with the step', () => {
    const state = decodeUrlState(`${link}&step=10&inspect=2`);
    expect(state.problems).toEqual([]);
    expect(state.view.inspectedRun).toBe(1);
    expect(state.view.step).toBe(10);
  });

  it('writes the inspected run 1-based after the step, and nothing when the inspector is closed', () => {
    const { experiment } = decodeUrlState(link);
    const open = { domain: null, step: 10, inspectedRun: 0 };
    expect(encodeUrlState({ experiment, view: open, analyses: NO_ANALYSIS_SETTINGS })).toBe(`${link}&step=10&inspect=1`);
    const closed = { domain: null, step: undefined, inspectedRun: null };
    expect(encodeUrlState({ experiment, view: closed, analyses: NO_ANALYSIS_SETTINGS })).toBe(link);
    // a run removed since it was inspected is not written (the link would name a run it lacks)
    const gone = { domain: null, step: undefined, inspectedRun: 2 };
    expect(encodeUrlState({ experiment, view: gone, analyses: NO_ANALYSIS_SETTINGS })).toBe(link);
  });

  it.each([
    ['0', "inspect: '0' is not a run number (runs are numbered 1 to 2); the inspector stays closed"],
    ['3', "inspect: '3' is not a run number (runs are numbered 1 to 2); the inspector stays closed"],
    ['1.5', "inspect: '1.5' is not a run number (runs are numbered 1 to 2); the inspector stays closed"],
    ['abc', "inspect: 'abc' is not a run number (runs are numbered 1 to 2); the inspector stays closed"],
    ['', "inspect: '' is not a run number (runs are numbered 1 to 2); the inspector stays closed"],
  ])('names a bad inspect=%j and falls back for that field alone', (text, problem) => {
    const state = decodeUrlState(`${link}&step=7&inspect=${text}`);
    expect(state.problems).toEqual([problem]);
    expect(state.view.inspectedRun).toBeUndefined();
    expect(state.view.step).toBe(7);
    expect(state.experiment.runs).toHaveLength(2);
  });

  it('says how many runs a one-run link has', () => {
    expect(decodeUrlState('v=1&run=adam(lr=0.1)@0,0&inspect=2').problems).toEqual(["inspect: '2' is not a run number (the only run is 1); the inspector stays closed"]);
  });

  it('keeps the leniency of the other view keys: the last readable value wins', () => {
    const state = decodeUrlState(`${link}&inspect=1&inspect=%zz&inspect=2`);
    expect(state.view.inspectedRun).toBe(1);
    expect(state.problems).toEqual(["inspect: '%zz' is not valid percent-encoding; ignored"]);
  });
});

describe('the map view in the share URL', () => {
  const LINK = 'v=1&surface=booth&run=adam(lr=0.1)@0,0';

  it('reads view3d=1 as the 3-D surface and view3d=both as both, and writes them back', () => {
    expect(decodeUrlState(`${LINK}&view3d=1`).view.mapView).toBe('3d');
    expect(decodeUrlState(`${LINK}&view3d=both`).view.mapView).toBe('both');
    const experiment = decodeUrlState(LINK).experiment;
    const written = (mapView: 'contour' | '3d' | 'both') => encodeUrlState({ experiment, view: { domain: null, step: undefined, mapView }, analyses: NO_ANALYSIS_SETTINGS });
    expect(written('3d')).toMatch(/&view3d=1$/);
    expect(written('both')).toMatch(/&view3d=both$/);
    // the contour map is the default, left out
    expect(written('contour')).not.toMatch(/view3d/);
    expect(decodeUrlState(written('both')).view.mapView).toBe('both');
  });

  it('names a bad value and shows the contour map', () => {
    const state = decodeUrlState(`${LINK}&view3d=sideways`);
    expect(state.view.mapView).toBeUndefined();
    expect(state.problems).toEqual(["view3d: 'sideways' is not 1 (the 3-D surface), both or 0 (the contour map); showing the contour map"]);
  });
});
