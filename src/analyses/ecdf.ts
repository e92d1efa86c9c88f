// The fair comparison of runs over seeds, as the COCO/BBOB benchmarking platform reports it: per run,
// a results row (success rate to one target f − f*, the median cost of the successes, the final
// loss's median and inter-quartile range) and the empirical cumulative distribution (ECDF) of the
// runtime: over every (seed, target) pair, the fraction reached within a given cost. Cost is
// function evaluations (engine/batch/targets.ts). Pure: the seeds panel and its tests read it.
import { quantileOfSorted } from '../engine/batch/seeds';
import type { SeedOutcome } from '../engine/batch/targets';

/** The target of the results table until the reader picks another: f − f* ≤ 1e-4, a solution good to four digits of loss. */
export const DEFAULT_TABLE_TARGET = 1e-4;

/** One run's row of the results table over its seeds, for one target. */
export interface SeedsTableRow {
  readonly numSeeds: number;
  /** Seeds that reached the target. */
  readonly successes: number;
  /** successes / numSeeds. */
  readonly successRate: number;
  /** Median function evaluations to reach the target among the seeds that did (NaN: none did). */
  readonly medianCost: number;
  /** The final loss's median and quartiles over all seeds (a diverged seed counts with its last finite loss). */
  readonly finalLoss: { readonly lower: number; readonly median: number; readonly upper: number };
}

/** The results row of one run's seeds for the target at `targetIndex` of the targets the outcomes were measured against. */
export function seedsTableRow(outcomes: readonly SeedOutcome[], targetIndex: number): SeedsTableRow {
  if (outcomes.length === 0) throw new RangeError('no seeds to summarise');
  const costs = outcomes.map((outcome) => outcome.hitEvaluations[targetIndex]).filter((cost) => !Number.isNaN(cost));
  const sortedCosts = Float64Array.from(costs).sort();
  const finals = Float64Array.from(outcomes, (outcome) => outcome.finalLoss).sort();
  return {
    numSeeds: outcomes.length,
    successes: costs.length,
    successRate: costs.length / outcomes.length,
    medianCost: costs.length === 0 ? NaN : quantileOfSorted(sortedCosts, 0.5),
    finalLoss: { lower: quantileOfSorted(finals, 0.25), median: quantileOfSorted(finals, 0.5), upper: quantileOfSorted(finals, 0.75) },
  };
}

/** A runtime ECDF as a step function: after costs[k] evaluations, fractions[k] of the (seed, target) pairs are reached. */
export interface RuntimeEcdf {
  /** Ascending, distinct costs at which the fraction rises. */
  readonly costs: readonly number[];
  /** The fraction reached at each cost (rising, at most 1). */
  readonly fractions: readonly number[];
  /** Seeds × targets. */
  readonly numPairs: number;
  /** The largest budget any seed used (COCO marks where the data end with a cross). */
  readonly budget: number;
}

/**
 * The runtime ECDF of one run's seeds over all targets they were measured against: each (seed,
 * target) pair counts once at the evaluations it took, never when it was not reached. The curve is
 * 0 before the first cost, and stays at its last fraction up to the budget.
 */
export function runtimeEcdf(outcomes: readonly SeedOutcome[]): RuntimeEcdf {
  const hits: number[] = [];
  let numPairs = 0;
  let budget = 0;
  for (const outcome of outcomes) {
    numPairs += outcome.hitEvaluations.length;
    budget = Math.max(budget, outcome.evaluations);
    for (const cost of outcome.hitEvaluations) if (!Number.isNaN(cost)) hits.push(cost);
  }
  hits.sort((a, b) => a - b);
  const costs: number[] = [];
  const fractions: number[] = [];
  hits.forEach((cost, index) => {
    const fraction = (index + 1) / numPairs;
    // ties: one step at the cost, to the fraction after the last of them
    if (costs.length > 0 && costs[costs.length - 1] === cost) fractions[fractions.length - 1] = fraction;
    else {
      costs.push(cost);
      fractions.push(fraction);
    }
  });
  return { costs, fractions, numPairs, budget };
}

/** The fraction of pairs reached within `cost` evaluations: the step function's value there. */
export function ecdfAt(ecdf: RuntimeEcdf, cost: number): number {
  let fraction = 0;
  for (let k = 0; k < ecdf.costs.length && ecdf.costs[k] <= cost; k++) fraction = ecdf.fractions[k];
  return fraction;
}
