import { describe, expect, it } from 'vitest';
import { runSeedRange } from '../engine/batch/seeds';
import type { SeedsJob, SeedStatistics } from '../engine/batch/types';
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment/experiment';
import { resolveProblem } from '../experiment/run-experiment';
import { resolveSource } from '../analyses/source';
import { MAX_SEED_POINTS, SEED_PATH_FLOATS, seedPointCount, seedsMemory } from '../analyses/seed-points';
import type { SeedRunPayload } from './batch-protocol';
import { BatchHandler } from './batch-handler';

// Issue 12 finding 2: 1,000 seeds × 100,000 steps grew the browser by 2.4 GB, every seed's whole
// path gathered in the page before the quartiles were taken. Each path now crosses to the page
// reduced to a bounded number of steps, and the quartiles there are those of the whole paths.

const problem = { kind: 'surface', surface: 'himmelblau', params: {} } as const;

function experimentOf(steps: number): Experiment {
  return { ...DEFAULT_EXPERIMENT, problem, steps, noise: 0.5, runs: [{ optimizer: 'adam', hyper: { lr: 0.05 }, start: [0.5, -0.5] }] };
}

function jobOf(count: number): SeedsJob {
  return { kind: 'seeds', start: [0.5, -0.5], count, seed: 7, run: 0, optimum: 0 };
}

/** Serves a seeds job as the pool does: ranges of seeds, then the quartiles over what came back. */
function serve(experiment: Experiment, job: SeedsJob, rangeSize: number) {
  const handler = new BatchHandler();
  const source = { experiment, runIndex: 0 };
  const runs: SeedRunPayload[] = [];
  let gatheredFloats = 0;
  for (let from = 0; from < job.count; from += rangeSize) {
    const { response } = handler.handle({ type: 'seeds', requestId: 1, source, job, from, to: Math.min(job.count, from + rangeSize) });
    if (response.type !== 'seedRuns') throw new Error(response.type === 'failed' ? response.message : response.type);
    for (const run of response.runs) gatheredFloats += run.trajectory.length + run.loss.length;
    runs.push(...response.runs);
  }
  const { response } = handler.handle({ type: 'seedStatistics', requestId: 2, runs, numPoints: experiment.steps + 1 });
  if (response.type !== 'seedStatistics') throw new Error(response.type);
  return { statistics: response.statistics, gatheredFloats };
}

/** Floats the statistics hold: three quartile series per coordinate and for f, and the kept steps. */
function keptFloats(statistics: SeedStatistics): number {
  const series = [...statistics.coordinates, statistics.loss];
  return series.reduce((sum, quartiles) => sum + quartiles.lower.length + quartiles.median.length + quartiles.upper.length, 0) + (statistics.steps?.length ?? 0);
}

/** The p-quantile of numbers, as numpy's default (linear between order statistics), written out here as the oracle. */
function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Quartiles of coordinate `coordinate` (or f, when it is the dimension) at `step`, from every seed's whole path. */
function oracleQuartiles(experiment: Experiment, job: SeedsJob, step: number, coordinate: number): [number, number, number] {
  const resolved = resolveSource({ experiment, runIndex: 0 });
  const template = { ...resolved.settings, objective: resolveProblem(resolved.problem).objective };
  const values = runSeedRange(template, job, 0, job.count).map((run) => {
    const at = Math.min(step, run.loss.length - 1);
    return coordinate === run.dimension ? run.loss[at] : run.trajectory[at * run.dimension + coordinate];
  });
  return [quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75)];
}

describe('many seeds keep bounded memory', () => {
  it('the floats gathered and kept do not grow with seeds × steps', () => {
    const small = serve(experimentOf(1_000), jobOf(4), 4);
    const long = serve(experimentOf(20_000), jobOf(4), 4);
    // 20 times the steps: the same points kept (MAX_SEED_POINTS), not 20 times the floats
    expect(long.statistics.numPoints).toBe(MAX_SEED_POINTS);
    expect(keptFloats(long.statistics)).toBe(MAX_SEED_POINTS * (3 * 3 + 1));
    expect(long.gatheredFloats).toBe(4 * MAX_SEED_POINTS * 3);
    expect(small.statistics.numPoints).toBe(1_001);
    // the bound in closed form, for the issue's case and far beyond: independent of seeds × steps
    for (const [count, steps] of [
      [1_000, 100_000],
      [1_000, 1_000_000],
      [2, 1_000_000],
    ]) {
      const memory = seedsMemory(count, steps, 2, 1, 8);
      expect(memory.gatheredFloats).toBeLessThanOrEqual(SEED_PATH_FLOATS);
      expect(memory.summaryFloats).toBeLessThanOrEqual(MAX_SEED_POINTS * (3 * 3 + 1));
    }
    // the issue's case: 2.4 GB of paths before, now (the quartiles and 1,000 outcomes) a few MB
    const issue = seedsMemory(1_000, 100_000, 2, 1, 8);
    expect(issue.keptBytes).toBeLessThan(1e6);
    expect(issue.gatheredFloats * 8).toBeLessThan(40e6);
    expect(seedPointCount(100_000, 1_000, 2)).toBe(1_398);
  });

  it('the quartiles at the kept steps equal those of the whole paths (short run: every step)', () => {
    const experiment = experimentOf(40);
    const job = jobOf(9);
    const { statistics } = serve(experiment, job, 4);
    expect(statistics.numPoints).toBe(41);
    for (const step of [0, 1, 17, 40]) {
      for (const [coordinate, quartiles] of [...statistics.coordinates, statistics.loss].entries()) {
        const [lower, median, upper] = oracleQuartiles(experiment, job, step, coordinate);
        expect(quartiles.lower[step]).toBeCloseTo(lower, 12);
        expect(quartiles.median[step]).toBeCloseTo(median, 12);
        expect(quartiles.upper[step]).toBeCloseTo(upper, 12);
      }
    }
  });

  it('the quartiles at the kept steps equal those of the whole paths (long run: evenly spaced steps)', () => {
    const experiment = experimentOf(5_000);
    const job = jobOf(5);
    const { statistics } = serve(experiment, job, 2);
    expect(statistics.numPoints).toBe(MAX_SEED_POINTS);
    const steps = statistics.steps!;
    expect(steps[0]).toBe(0);
    expect(steps[statistics.numPoints - 1]).toBe(5_000);
    for (const index of [0, 1, 777, 2_000]) {
      const step = steps[index];
      expect(step).toBe(Math.round((index * 5_000) / 2_000));
      for (const [coordinate, quartiles] of [...statistics.coordinates, statistics.loss].entries()) {
        const [lower, median, upper] = oracleQuartiles(experiment, job, step, coordinate);
        expect(quartiles.lower[index]).toBeCloseTo(lower, 12);
        expect(quartiles.median[index]).toBeCloseTo(median, 12);
        expect(quartiles.upper[index]).toBeCloseTo(upper, 12);
      }
    }
  });
});
