import { describe, expect, it } from 'vitest';
import { lossLandscapeSlice, type SliceDirections } from '../engine/landscape/loss-landscape';
import { problemFilters } from '../engine/landscape/parameter-filters';
import { resolveProblem, type Problem } from '../engine/problems';
import { runExperiment } from './run-experiment';
import { parseExperiment } from './validate';

// The loss-landscape slice on real runs: a two-moons MLP (random filter-normalized and PCA slices)
// and 10-D Rosenbrock. The pieces are tested against hand-derived values and numpy in engine/landscape.

function parse(json: unknown) {
  const parsed = parseExperiment(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

const MOONS_MLP = {
  dataset: { name: 'two_moons', samples: 200, noise: 0.1, seed: 3 },
  model: { kind: 'mlp', hidden: [8, 8], activation: 'tanh' },
  batch_size: 20,
};

function sliceOf(problemJson: unknown, directions: SliceDirections, step: number, start?: number[]) {
  const settings = [
    { optimizer: 'sgd', hyper: { lr: 0.3 } },
    { optimizer: 'adam', hyper: { lr: 0.01 } },
  ].map((run) => (start ? { ...run, hyper: { lr: 0.001 }, start } : run));
  const experiment = parse({ version: 1, problem: problemJson, steps: 60, runs: settings });
  const resolved = resolveProblem(experiment.problem as Problem);
  const { runs } = runExperiment(experiment);
  const paths = runs.map((run) => run.trajectory);
  const slice = lossLandscapeSlice({ objective: resolved.objective, layout: problemFilters(resolved), paths, runIndex: 1, step, directions, seed: 5, columns: 21, rows: 21 });
  return { slice, runs };
}

/** f at the grid sample nearest (α, β). */
function nearestValue(grid: ReturnType<typeof lossLandscapeSlice>['grid'], alpha: number, beta: number) {
  const [[aMin, aMax], [bMin, bMax]] = grid.domain;
  const column = Math.round(((alpha - aMin) / (aMax - aMin)) * (grid.columns - 1));
  const row = Math.round(((bMax - beta) / (bMax - bMin)) * (grid.rows - 1));
  return grid.values[row * grid.columns + column];
}

describe('lossLandscapeSlice', () => {
  it("puts the selected run's point at the step shown at (0, 0) of a random slice, holds every path, and samples the full training loss", () => {
    const { slice, runs } = sliceOf(MOONS_MLP, 'random', 30);
    const selected = slice.paths[1];
    expect(Math.abs(selected[60])).toBeLessThan(1e-12);
    expect(Math.abs(selected[61])).toBeLessThan(1e-12);
    const [[aMin, aMax], [bMin, bMax]] = slice.grid.domain;
    for (const path of slice.paths) {
      for (let k = 0; k < path.length; k += 2) {
        expect(path[k]).toBeGreaterThan(aMin);
        expect(path[k]).toBeLessThan(aMax);
        expect(path[k + 1]).toBeGreaterThan(bMin);
        expect(path[k + 1]).toBeLessThan(bMax);
      }
    }
    expect(slice.explainedVarianceRatio).toBeNull();
    // the domain is centred on the paths, so (0, 0) need not be a grid sample: compare the loss at
    // the sample next to it with the run's recorded loss (over all training rows, not a batch)
    const near = nearestValue(slice.grid, 0, 0);
    expect(Math.abs(near - runs[1].loss[30]) / runs[1].loss[30]).toBeLessThan(0.2);
    // and every sample is the model's mean loss over all the training rows at θ_c + α d1 + β d2
    const { data } = resolveProblem(parse({ version: 1, problem: MOONS_MLP, steps: 1, runs: [{ optimizer: 'sgd' }] }).problem as Problem);
    const [alpha, beta] = [aMin + (5 * (aMax - aMin)) / 20, bMax - (12 * (bMax - bMin)) / 20];
    const point = slice.centre.map((c, i) => c + alpha * slice.directions[0][i] + beta * slice.directions[1][i]);
    expect(data!.train.rows).toBe(200);
    expect(slice.grid.values[12 * 21 + 5]).toBe(data!.createModel().loss(point, data!.train.features, data!.train.targets, data!.train.rows));
    // filter-normalized: each unit's weight row of d1 has the norm of θ_c's, the biases are zero
    const norm = (values: ArrayLike<number>, start: number, length: number) => Math.hypot(...Array.from(values).slice(start, start + length));
    expect(norm(slice.directions[0], 0, 2)).toBeCloseTo(norm(slice.centre, 0, 2), 12);
    expect(Array.from(slice.directions[0].subarray(16, 24))).toEqual(new Array(8).fill(0));
  });

  it('goes through the final point along the principal components of the path, with their explained variance', () => {
    const { slice, runs } = sliceOf(MOONS_MLP, 'pca', 0);
    const selected = slice.paths[1];
    const last = selected.length - 2;
    expect(Math.abs(selected[last])).toBeLessThan(1e-12);
    const [first, second] = slice.explainedVarianceRatio!;
    expect(first).toBeGreaterThan(second);
    expect(first + second).toBeLessThanOrEqual(1 + 1e-12);
    expect(first).toBeGreaterThan(0.5);
    // the grid through the final point: the loss there is the run's last recorded loss exactly
    // when (0, 0) is a sample; the nearest sample is within the picture's resolution of it
    expect(Number.isFinite(nearestValue(slice.grid, 0, 0))).toBe(true);
    expect(runs[1].loss.length).toBe(61);
  });

  it('samples an n-D surface exactly: f at a grid sample equals f at θ_c + α d1 + β d2', () => {
    const problem = { surface: 'rosenbrock', dimension: 10 };
    const { slice } = sliceOf(problem, 'random', 60, [-1, 1, -1, 1, -1, 1, -1, 1, -1, 1]);
    expect(slice.grid.values.every(Number.isFinite)).toBe(true);
    const resolved = resolveProblem(parse({ version: 1, problem, steps: 1, runs: [{ optimizer: 'sgd', start: new Array(10).fill(0) }] }).problem as Problem);
    const [[aMin, aMax], [, bMax]] = slice.grid.domain;
    // row 3, column 7
    const [alpha, beta] = [aMin + (7 * (aMax - aMin)) / 20, bMax - (3 * (bMax - slice.grid.domain[1][0])) / 20];
    const point = slice.centre.map((c, i) => c + alpha * slice.directions[0][i] + beta * slice.directions[1][i]);
    expect(slice.grid.values[3 * 21 + 7]).toBe(resolved.objective.value(point));
    // the lowest value on a slice through a point near the valley is below the values at its corners
    const corners = [0, 20, 420, 440].map((index) => slice.grid.values[index]);
    expect(Math.min(...slice.grid.values)).toBeLessThan(Math.min(...corners));
  });
});
