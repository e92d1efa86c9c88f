import { describe, expect, it } from 'vitest';
import { lowestMinimumValue } from '../known-minima';
import { getMethod } from '../methods';
import { defaultHyperValues } from '../methods/first-order/hyper';
import type { HyperValues } from '../methods/hyperparameters';
import { resolveProblem, type Problem } from '../problems';
import { runMethod, type RunOptions } from '../run';
import type { ScheduleSpec } from '../schedules';
import { classifyPath } from './classify';
import { diagnoseRun, type RunDiagnosis, type RunFix } from './diagnose';
import golden from './eigenvalues.golden.json';
import { CONVERGED_FRACTION } from './fix';

// Whole diagnoses of real runs, and their fixes checked by running the engine again with the fix
// applied as the run card applies it (its hyperparameters over the run's, its schedule if any).

/** One run of `optimizer` on a problem, as the experiment layer would set it up (torch's defaults for the rest). */
interface Setup {
  problem: Problem;
  optimizer: string;
  hyper: HyperValues;
  start: readonly number[];
  schedule?: ScheduleSpec;
  steps?: number;
}

const rosenbrock: Problem = { kind: 'surface', surface: 'rosenbrock', params: {} };

function optionsOf({ problem, optimizer, hyper, start, schedule, steps = 300 }: Setup): RunOptions {
  const method = getMethod(optimizer)!;
  const resolved = resolveProblem(problem);
  return { objective: resolved.objective, method, hyper: { ...defaultHyperValues(method.hyperSpecs), ...hyper }, start, numSteps: steps, schedule };
}

function contextOf(problem: Problem) {
  const resolved = resolveProblem(problem);
  return { view: resolved.plane?.domain, minimumValue: lowestMinimumValue(resolved.minima) };
}

function diagnose(setup: Setup): RunDiagnosis | null {
  const options = optionsOf(setup);
  return diagnoseRun(options, runMethod(options), contextOf(setup.problem));
}

/** The run with the fix applied as the run card applies it, run again from scratch and diagnosed. */
function runWithFix(setup: Setup, fix: RunFix) {
  const fixed: Setup = { ...setup, hyper: { ...setup.hyper, ...fix.hyper }, ...(fix.schedule && { schedule: fix.schedule }) };
  const options = optionsOf(fixed);
  const result = runMethod(options);
  const context = contextOf(setup.problem);
  return { result, view: context.view, finalLoss: result.loss[result.loss.length - 1], startLoss: result.loss[0], diagnosis: diagnoseRun(options, result, context) };
}

// Rosenbrock (1 − x)² + 100(y − x²)² at its suggested start (−1.5, 2), Hessian by hand:
// [[2 − 400(y − x²) + 1200x², −400x], [−400x, 200]] = [[1902, 600], [600, 200]];
// λmax = 1051 + √(851² + 600²) (numpy's eigvalsh agrees: eigenvalues.golden.json, "rosenbrock at (-1.5, 2)").
const ROSENBROCK_START_LAMBDA = 1051 + Math.sqrt(851 ** 2 + 600 ** 2);

describe('diagnoseRun', () => {
  it('explains SGD at lr = 1 on Rosenbrock with λmax and 2/λmax at the start, and its first fix converges', () => {
    const experiment: Setup = { problem: rosenbrock, optimizer: 'sgd', hyper: { lr: 1 }, start: [-1.5, 2] };
    const diagnosis = diagnose(experiment)!;
    expect(diagnosis.kind).toBe('diverged');
    expect(diagnosis.title).toBe('Diverged');
    const curvature = diagnosis.curvature!;
    expect(curvature.step).toBe(1);
    expect(curvature.point).toEqual([-1.5, 2]);
    expect(curvature.largestEigenvalue).toBeCloseTo(ROSENBROCK_START_LAMBDA, 9);
    expect(curvature.bound).toBeCloseTo(2 / ROSENBROCK_START_LAMBDA, 15);
    expect(curvature.ratio).toBeCloseTo(ROSENBROCK_START_LAMBDA / 2, 9);
    expect(diagnosis.explanation).toContain('λmax = 2092');
    expect(diagnosis.explanation).toContain('lr = 1 was 1046x larger than 2/λmax = 0.000956');
    expect(diagnosis.explanation).toContain('lr is too large for this curvature');
    expect(diagnosis.summary).toMatch(/^diverged at step \d: lr 1046x above 2\/λmax$/);

    // the first fix: inside the heavy-ball bound 2(1 + μ)/λmax, and the run converges
    const [fix, plain] = diagnosis.fixes;
    const momentum = fix.hyper.momentum ?? 0;
    expect(fix.hyper.lr).toBeLessThan((2 * (1 + momentum)) / ROSENBROCK_START_LAMBDA);
    expect(fix.converges).toBe(true);
    const fixed = runWithFix(experiment, fix);
    expect(fixed.result.diverged).toBeNull();
    expect(fixed.finalLoss).toBeLessThan(CONVERGED_FRACTION * fixed.startLoss);
    expect(fixed.finalLoss).toBeCloseTo(fix.finalLoss, 12);
    expect(fixed.diagnosis).toBeNull();
    // and the plain learning rate inside 2/λmax is offered too: stable, if slow along the valley floor
    expect(plain.hyper).toEqual({ lr: expect.any(Number) });
    expect(plain.hyper.lr).toBeLessThan(2 / ROSENBROCK_START_LAMBDA);
    const slow = runWithFix(experiment, plain);
    expect(slow.result.diverged).toBeNull();
    expect(classifyPath(slow.result, slow.view, 1).kind).toBe('fine');
    expect(slow.finalLoss).toBeLessThan(slow.startLoss);
  });

  it('flags Adam at lr = 10 as leaving the view, explains its lr-sized steps, and its fix stays in', () => {
    const experiment: Setup = { problem: rosenbrock, optimizer: 'adam', hyper: { lr: 10 }, start: [-1.5, 2] };
    const diagnosis = diagnose(experiment)!;
    expect(diagnosis.kind).toBe('left-view');
    // Adam's first step is lr·g/(|g| + ε) ≈ ±lr per coordinate: (−1.5, 2) → (8.5, 12)
    expect(diagnosis.step).toBe(1);
    expect(diagnosis.explanation).toContain('about ±lr = 10 per coordinate');
    expect(diagnosis.explanation).toContain('Step 1 moved x by 10 and y by 10, while the view is 4 wide and 4 tall');
    expect(diagnosis.fixes.length).toBeGreaterThan(0);
    const fix = diagnosis.fixes[0];
    expect(fix.hyper.lr).toBeLessThan(10);
    const fixed = runWithFix(experiment, fix);
    expect(fixed.diagnosis).toBeNull();
    expect(classifyPath(fixed.result, fixed.view, 1).kind).toBe('fine');
    expect(fixed.finalLoss).toBeLessThan(CONVERGED_FRACTION * fixed.startLoss);
  });

  it('flags SGD at lr = 2/λ on the bowl as oscillating at the edge of stability; a cosine schedule settles it', () => {
    // x² + y²: λ = 2 everywhere, lr = 1 maps (x, y) to (−x, −y) for ever
    const experiment: Setup = { problem: { kind: 'surface', surface: 'quadratic', params: {} }, optimizer: 'sgd', hyper: { lr: 1 }, start: [-1.5, 1] };
    const diagnosis = diagnose(experiment)!;
    expect(diagnosis.kind).toBe('oscillating');
    expect(diagnosis.curvature?.largestEigenvalue).toBeCloseTo(2, 12);
    expect(diagnosis.explanation).toContain('reversed direction 74 times in 74');
    expect(diagnosis.explanation).toContain('the edge of stability');
    const fix = diagnosis.fixes[0];
    expect(fix.schedule?.type).toBe('cosine');
    const fixed = runWithFix(experiment, fix);
    expect(fixed.diagnosis).toBeNull();
    expect(fixed.finalLoss).toBeLessThan(1e-6);
  });

  it('explains an undefined f as a step out of f’s domain, not as curvature', () => {
    const experiment: Setup = { problem: { kind: 'formula', expression: 'log(x) + y^2' }, optimizer: 'sgd', hyper: { lr: 0.5 }, start: [1, 1] };
    const diagnosis = diagnose(experiment)!;
    expect(diagnosis.kind).toBe('diverged');
    expect(diagnosis.explanation).toContain('landed where f is not defined');
    expect(diagnosis.explanation).toContain('(0.5, 0)');
  });

  it('says a saddle’s path follows the surface down out of the view, and offers no learning rate', () => {
    const experiment: Setup = { problem: { kind: 'surface', surface: 'saddle', params: {} }, optimizer: 'adam', hyper: { lr: 0.05 }, start: [-1.5, 0.05] };
    const diagnosis = diagnose(experiment)!;
    expect(diagnosis.kind).toBe('left-view');
    expect(diagnosis.explanation).toContain('f kept going down outside');
    expect(diagnosis.fixes).toEqual([]);
  });

  it('diagnoses n-dimensional runs with the n-D curvature', () => {
    const start = [-1.5, 2, -1.5, 2, -1.5, 2, -1.5, 2, -1.5, 2];
    const experiment: Setup = { problem: { kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 }, optimizer: 'sgd', hyper: { lr: 1 }, start };
    const diagnosis = diagnose(experiment)!;
    expect(diagnosis.kind).toBe('diverged');
    // numpy's eigvalsh of the chained Hessian there (scripts/golden/eigenvalues.py)
    const reference = golden.cases.find((entry) => entry.name.startsWith('chained rosenbrock 10-D at'))!.eigenvalues;
    expect(diagnosis.curvature!.largestEigenvalue).toBeCloseTo(reference[reference.length - 1], 8);
    const fixed = runWithFix(experiment, diagnosis.fixes[0]);
    expect(fixed.result.diverged).toBeNull();
    expect(fixed.finalLoss).toBeLessThan(fixed.startLoss / 100);
  });

  it('leaves the default experiment’s runs (SGD, momentum, Adam on Rosenbrock) and well-tuned runs alone', () => {
    expect(diagnose({ problem: rosenbrock, optimizer: 'sgd', hyper: { lr: 0.001 }, start: [-1.5, 2] })).toBeNull();
    expect(diagnose({ problem: rosenbrock, optimizer: 'sgd', hyper: { lr: 0.001, momentum: 0.9 }, start: [-1.5, 2] })).toBeNull();
    expect(diagnose({ problem: rosenbrock, optimizer: 'adam', hyper: { lr: 0.05 }, start: [-1.5, 2] })).toBeNull();
    expect(diagnose({ problem: { kind: 'surface', surface: 'booth', params: {} }, optimizer: 'sgd', hyper: { lr: 0.05 }, start: [-5, 8] })).toBeNull();
  });
});
