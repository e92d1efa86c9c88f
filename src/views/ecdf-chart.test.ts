import { describe, expect, it } from 'vitest';
import { ecdfSteps } from './ecdf-chart';

describe('ecdfSteps', () => {
  it('rises at each cost and stays flat to the budget, as COCO draws a runtime ECDF', () => {
    expect(ecdfSteps({ costs: [5, 9], fractions: [0.5, 0.75], numPairs: 4, budget: 12 }, 1)).toEqual([
      [1, 0],
      [5, 0],
      [5, 0.5],
      [9, 0.5],
      [9, 0.75],
      [12, 0.75],
    ]);
    expect(ecdfSteps({ costs: [], fractions: [], numPairs: 3, budget: 20 }, 1)).toEqual([[1, 0], [20, 0]]);
  });
});
