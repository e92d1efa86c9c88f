import { describe, expect, it } from 'vitest';
import { SUMMARY_FIELDS } from '../engine/batch/types';
import type { OptimizerKernel } from '../engine/methods/first-order/kernel';
import { initialState, STATE_FIELDS, stateLayout, summariesFromState } from './state-layout';

const kernel: OptimizerKernel = {
  constants: {},
  runState: [{ name: 'momentumProduct', initial: { op: 'const', value: 1 } }],
  coordinateState: [
    { name: 'firstMoment', initial: { op: 'const', value: 0 } },
    { name: 'secondMoment', initial: { op: 'const', value: 0 } },
  ],
  stepStatements: [],
  coordinateStatements: [],
};

describe('stateLayout', () => {
  it('puts the run state, then each coordinate state per coordinate, after the fixed fields', () => {
    expect(stateLayout(kernel, 2)).toEqual({ stride: 14, runState: [9], coordinateState: [[10, 11], [12, 13]] });
  });

  it('starts every run at its start with steps and minimum at −1', () => {
    const layout = stateLayout(kernel, 2);
    const state = initialState(layout, Float64Array.from([0.5, -2, 3, 4]));
    expect(Array.from(state.slice(0, 9))).toEqual([0.5, -2, 0, 0, 0, 0, -1, -1, -1]);
    expect(state[layout.stride + STATE_FIELDS.pointY]).toBe(4);
  });

  it('reads the summaries in SUMMARY_FIELDS order', () => {
    expect(SUMMARY_FIELDS).toEqual(['finalX', 'finalY', 'finalLoss', 'bestLoss', 'convergedStep', 'divergedStep', 'minimumIndex']);
    const layout = stateLayout(kernel, 2);
    const state = new Float32Array(2 * layout.stride);
    state.set([1, 2, 9, 9, 3, 0.5, 40, -1, 2], layout.stride);
    expect(Array.from(summariesFromState(layout, state, 2).slice(7))).toEqual([1, 2, 3, 0.5, 40, -1, 2]);
  });
});
