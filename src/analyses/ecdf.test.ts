import { describe, expect, it } from 'vitest';
import type { SeedOutcome } from '../engine/batch/targets';
import { ecdfAt, runtimeEcdf, seedsTableRow } from './ecdf';

/** A seed's outcome: its final loss, its evaluations, and the evaluations at which it reached each target (NaN: never). */
function outcome(finalLoss: number, evaluations: number, hits: number[]): SeedOutcome {
  return { finalLoss, bestLoss: finalLoss, evaluations, hitEvaluations: Float64Array.from(hits) };
}

describe('seedsTableRow', () => {
  it('counts successes, takes the median cost of the successes and the final loss quartiles of all', () => {
    const outcomes = [outcome(0.1, 50, [5, 40]), outcome(4, 50, [NaN, NaN]), outcome(0.3, 50, [9, NaN]), outcome(0.2, 50, [20, 30])];
    const first = seedsTableRow(outcomes, 0);
    expect(first).toMatchObject({ numSeeds: 4, successes: 3, successRate: 0.75, medianCost: 9 });
    // final losses sorted [0.1, 0.2, 0.3, 4]: numpy.quantile gives 0.175, 0.25, 1.225
    expect(first.finalLoss.lower).toBeCloseTo(0.175, 15);
    expect(first.finalLoss.median).toBeCloseTo(0.25, 15);
    expect(first.finalLoss.upper).toBeCloseTo(1.225, 15);
    // target 2: costs 40 and 30, median of two is their mean
    expect(seedsTableRow(outcomes, 1)).toMatchObject({ successes: 2, successRate: 0.5, medianCost: 35 });
  });

  it('has no median cost when no seed succeeds', () => {
    expect(seedsTableRow([outcome(1, 10, [NaN])], 0)).toMatchObject({ successes: 0, successRate: 0, medianCost: NaN });
    expect(() => seedsTableRow([], 0)).toThrow(/no seeds/);
  });
});

describe('runtimeEcdf', () => {
  it('steps up by 1/(seeds × targets) at each pair’s cost, ties in one step', () => {
    // pairs: (A, 1e-1) at 5, (A, 1e-2) at 9, (B, 1e-1) at 5, (B, 1e-2) never: 4 pairs
    const ecdf = runtimeEcdf([outcome(0, 9, [5, 9]), outcome(0.05, 12, [5, NaN])]);
    expect(ecdf).toEqual({ costs: [5, 9], fractions: [0.5, 0.75], numPairs: 4, budget: 12 });
    expect([4, 5, 8, 9, 1e6].map((cost) => ecdfAt(ecdf, cost))).toEqual([0, 0.5, 0.5, 0.75, 0.75]);
  });

  it('stays at 0 when no pair is reached', () => {
    expect(runtimeEcdf([outcome(1, 20, [NaN, NaN, NaN])])).toEqual({ costs: [], fractions: [], numPairs: 3, budget: 20 });
  });
});
