import { describe, expect, it } from 'vitest';
import { SUMMARY_OFFSET, SUMMARY_SCALARS } from '../engine/batch/types';
import type { OptimizerKernel } from '../engine/methods/first-order/kernel';
import { initialState, stateLayout, summariesFromState } from './state-layout';

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
  it('puts the point, its gradient and the scalars first, then the run state and each coordinate state per coordinate', () => {
    expect(stateLayout(kernel, 2)).toEqual({
      dimension: 2,
      stride: 14,
      point: [0, 1],
      gradient: [2, 3],
      scalars: { loss: 4, bestLoss: 5, convergedStep: 6, divergedStep: 7, minimumIndex: 8 },
      runState: [9],
      coordinateState: [[10, 11], [12, 13]],
    });
    const layout = stateLayout(kernel, 3);
    expect([layout.point, layout.gradient, layout.scalars.loss, layout.runState, layout.coordinateState, layout.stride]).toEqual([[0, 1, 2], [3, 4, 5], 6, [11], [[12, 13, 14], [15, 16, 17]], 18]);
  });

  it('starts every run at its start with steps and minimum at −1', () => {
    const layout = stateLayout(kernel, 2);
    const state = initialState(layout, Float64Array.from([0.5, -2, 3, 4]));
    expect(Array.from(state.slice(0, 9))).toEqual([0.5, -2, 0, 0, 0, 0, -1, -1, -1]);
    expect(state[layout.stride + layout.point[1]]).toBe(4);
    const three = stateLayout(kernel, 3);
    expect(Array.from(initialState(three, Float64Array.from([1, 2, 3, 4, 5, 6])).slice(three.stride, three.stride + 3))).toEqual([4, 5, 6]);
  });

  it('reads the summaries in SUMMARY_OFFSET order: the scalars, then the final point', () => {
    expect(SUMMARY_SCALARS).toEqual(['finalLoss', 'bestLoss', 'convergedStep', 'divergedStep', 'minimumIndex']);
    expect(SUMMARY_OFFSET.finalPoint).toBe(5);
    const layout = stateLayout(kernel, 2);
    const state = new Float32Array(2 * layout.stride);
    state.set([1, 2, 9, 9, 3, 0.5, 40, -1, 2], layout.stride);
    expect(Array.from(summariesFromState(layout, state, 2).slice(7))).toEqual([3, 0.5, 40, -1, 2, 1, 2]);
  });
});
