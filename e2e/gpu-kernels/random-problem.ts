// Fresh inputs for the GPU kernel spec: random strongly convex formulas (random-formula.ts) with a
// domain around their minimum, and one-run experiments on them.
import type { ClipSpec } from '../../src/engine/clipping';
import { randomFormula } from '../../src/engine/expression/random-formula';
import type { HyperValues } from '../../src/engine/methods/first-order/optimizer';
import type { Random } from '../../src/engine/random';
import { runMethod } from '../../src/engine/run';
import type { ScheduleSpec } from '../../src/engine/schedules';
import type { Experiment, Problem } from '../../src/experiment/experiment';
import { resolveProblem, resolveRun } from '../../src/experiment/run-experiment';

/** A one-run experiment: `optimizer` with `hyper` on `problem` for `steps` steps (the job sets the starts). */
export function experimentOf(problem: Problem, optimizer: string, hyper: HyperValues, steps: number, extra: { schedule?: ScheduleSpec; clip?: ClipSpec } = {}): Experiment {
  return { version: 1, problem, steps, seed: 0, noise: 0, runs: [{ optimizer, hyper, start: [0, 0], ...extra }] };
}

/** A random formula with its true minimum (found by the float64 engine) and a random domain around it. */
export function randomProblem(random: Random, formulaSeed: number) {
  const formula = randomFormula(formulaSeed);
  const uniform = (low: number, high: number) => low + (high - low) * random.nextFloat();
  const [cx, cy] = formula.centre;
  const domain: [[number, number], [number, number]] = [
    [cx - uniform(1.5, 3), cx + uniform(1.5, 3)],
    [cy - uniform(1.5, 3), cy + uniform(1.5, 3)],
  ];
  const problem: Problem = { kind: 'formula', expression: formula.text, domain };
  const objective = resolveProblem(problem).objective;
  const descent = runMethod({ objective, ...resolveRun({ optimizer: 'sgd', hyper: { lr: 0.05 }, start: [cx, cy] }), numSteps: 4000 });
  const last = descent.trajectory.length - 2;
  const minimum: [number, number] = [descent.trajectory[last], descent.trajectory[last + 1]];
  return { formula, problem, domain, minimum, uniform };
}
