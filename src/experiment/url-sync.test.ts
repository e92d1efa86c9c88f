import { describe, expect, it } from 'vitest';
import { formatViewDomain, parseUrlState } from './url-sync';

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
    expect(state.experiment.problem).toEqual({ surface: 'booth', params: {} });
  });
});
