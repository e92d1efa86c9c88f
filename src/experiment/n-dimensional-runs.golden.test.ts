import { describe, expect, it } from 'vitest';
import golden from './n-dimensional-runs.golden.json';
import { toOutput } from './output';
import { runExperiment } from './run-experiment';
import { parseExperiment } from './validate';

// Adam, Nesterov SGD and centered RMSprop on 10-D Rosenbrock and 10-D Rastrigin against torch.optim
// in float64 (scripts/golden/n_dimensional.py), through the experiment format: every coordinate of
// every point and every loss to a relative error of 1e-9. The CLI's test runs the same cases through
// the built command.

const TOLERANCE = 1e-9;

describe('10-dimensional runs match torch.optim', () => {
  for (const goldenCase of golden.cases) {
    it(goldenCase.name, () => {
      const parsed = parseExperiment(goldenCase.experiment);
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const output = toOutput(parsed.experiment, runExperiment(parsed.experiment));
      goldenCase.runs.forEach((torchRun, index) => {
        const run = output.runs[index];
        expect(run.diverged).toBeNull();
        expect(run.trajectory).toHaveLength(goldenCase.experiment.steps + 1);
        let worst = 0;
        torchRun.trajectory.forEach((point, step) => {
          expect(run.trajectory[step]).toHaveLength(10);
          point.forEach((coordinate, axis) => (worst = Math.max(worst, relativeError(run.trajectory[step][axis], coordinate))));
        });
        torchRun.loss.forEach((loss, step) => (worst = Math.max(worst, relativeError(run.loss[step], loss))));
        expect(worst, `run ${index} (${run.optimizer})`).toBeLessThanOrEqual(TOLERANCE);
        // first-order: one f and one ∇f per point; the best loss is the running minimum of the losses
        expect(run.evaluations.function).toEqual(run.loss.map((_, k) => k + 1));
        expect(run.evaluations.hessian.every((count) => count === 0)).toBe(true);
        let best = Infinity;
        expect(run.best_loss).toEqual(run.loss.map((loss) => (best = Math.min(best, loss))));
      });
    });
  }
});

function relativeError(actual: number, expected: number): number {
  return actual === expected ? 0 : Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}
