import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClipSpec } from '../../clipping';
import { runOptimizer } from './adapter';
import type { ScheduleSpec } from '../../schedules';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues, getOptimizer, OPTIMIZERS } from './index';
import { createKernelInstance } from './kernel-interpreter';
import type { HyperValue, OptimizerDefinition } from './optimizer';

/*
 * The oracle is scripts/golden/optimizers.py: each run stepped by torch.optim (torch 1.13, float64)
 * on the surface written in torch from its canonical formula, gradients by autograd, with torch's
 * lr_scheduler objects, clip_grad_norm_ / clip_grad_value_, and gradient noise drawn from the
 * PRNG reimplemented in Python. Lion, absent from torch.optim, is a torch Optimizer written from the
 * paper. A case lists only the hyperparameters it sets: torch filled in its own defaults, we fill in
 * ours, so the defaults are checked too.
 *
 * Tolerance: |ours − torch| ≤ 1e-9 · max(|torch|, floor). The floor (1e-3 for coordinates, whose
 * scale on these surfaces is 1, and 1e-6 for losses) only matters where a value passes near zero:
 * there both sides carry rounding noise of order 1e-16 times the surrounding terms, not 1e-16 times
 * the value itself. The generator rejects runs in which a 1e-9 perturbation of the start grows more
 * than 1e4-fold, so rounding differences cannot be amplified past the tolerance. Measured worst
 * error when the vectors were generated: 9e-13 (coordinates), 5e-12 (losses, even with no floor).
 *
 * Every run is checked twice: with the hand-written optimizer, and with its update rule as data
 * (definition.kernel, the source of the fused GPU kernels) run by the float64 kernel interpreter.
 */
const RELATIVE_TOLERANCE = 1e-9;
const COORDINATE_FLOOR = 1e-3;
const LOSS_FLOOR = 1e-6;

interface GoldenRun {
  name: string;
  surface: string;
  start: [number, number];
  optimizer: string;
  hyper: Record<string, HyperValue>;
  numSteps: number;
  schedule?: ScheduleSpec;
  clip?: ClipSpec;
  noise?: number;
  seed?: number;
  trajectory: number[];
  loss: number[];
  diverged: { step: number } | null;
}

interface Golden {
  defaults: Record<string, Record<string, HyperValue>>;
  runs: GoldenRun[];
}

const golden = JSON.parse(readFileSync(new URL('./optimizers.golden.json', import.meta.url), 'utf8')) as Golden;

/** The largest |actual − expected| / max(|expected|, floor) and where it occurs. */
function worstError(actual: ArrayLike<number>, expected: readonly number[], floor: number): { error: number; index: number } {
  let worst = { error: 0, index: -1 };
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
    // NaN compares false: report it as the worst
    if (!(error <= worst.error)) worst = { error: Number.isNaN(error) ? Infinity : error, index: i };
  }
  return worst;
}

/** The same optimizer with create() replaced by the kernel interpreter running definition.kernel. */
function viaKernel(definition: OptimizerDefinition): OptimizerDefinition {
  return { ...definition, create: (hyper, dimension) => createKernelInstance(definition.kernel(hyper), dimension) };
}

function runCase(run: GoldenRun, useKernel: boolean) {
  const surface = getSurface(run.surface);
  const optimizer = getOptimizer(run.optimizer);
  if (surface === undefined || optimizer === undefined) throw new Error(`unknown surface or optimizer in ${run.name}`);
  return runOptimizer({
    objective: surface.create(),
    optimizer: useKernel ? viaKernel(optimizer) : optimizer,
    hyper: { ...defaultHyperValues(optimizer.hyperSpecs), ...run.hyper },
    start: run.start,
    numSteps: run.numSteps,
    schedule: run.schedule,
    clip: run.clip,
    noise: run.noise,
    seed: run.seed,
  });
}

describe('optimizers against torch.optim (golden runs)', () => {
  it('covers every optimizer, schedule type, both clip types, noise and divergence', () => {
    const runs = golden.runs;
    expect(new Set(runs.map((run) => run.optimizer))).toEqual(new Set(OPTIMIZERS.map((optimizer) => optimizer.id)));
    expect(new Set(runs.flatMap((run) => (run.schedule ? [run.schedule.type] : [])))).toEqual(
      new Set(['step', 'exponential', 'cosine', 'warmup_cosine', 'inverse_time']),
    );
    expect(new Set(runs.flatMap((run) => (run.clip ? [run.clip.type] : [])))).toEqual(new Set(['norm', 'value']));
    expect(runs.some((run) => (run.noise ?? 0) > 0)).toBe(true);
    expect(runs.filter((run) => run.diverged !== null).length).toBeGreaterThanOrEqual(1);
    for (const optimizer of OPTIMIZERS) {
      const surfaces = new Set(runs.filter((run) => run.optimizer === optimizer.id).map((run) => run.surface));
      expect(surfaces.size, optimizer.id).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(golden.runs.map((run) => [run.name, run] as const))('%s', (_name, run) => expectTorchAgrees(run, false));
});

describe('optimizer kernels (update rules as data, interpreted in float64) against torch.optim', () => {
  it.each(golden.runs.map((run) => [run.name, run] as const))('%s', (_name, run) => expectTorchAgrees(run, true));
});

function expectTorchAgrees(run: GoldenRun, useKernel: boolean) {
  const result = runCase(run, useKernel);
  expect(result.dimension).toBe(2);
  expect(result.diverged?.step ?? null).toBe(run.diverged?.step ?? null);
  expect(result.trajectory.length).toBe(run.trajectory.length);
  expect(result.loss.length).toBe(run.loss.length);

  const coordinates = worstError(result.trajectory, run.trajectory, COORDINATE_FLOOR);
  const where = `point ${Math.floor(coordinates.index / 2)}: ours ${result.trajectory[coordinates.index]}, torch ${run.trajectory[coordinates.index]}`;
  expect(coordinates.error, where).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
  const losses = worstError(result.loss, run.loss, LOSS_FLOOR);
  expect(losses.error, `loss ${losses.index}: ours ${result.loss[losses.index]}, torch ${run.loss[losses.index]}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
}

describe('defaults', () => {
  it.each(OPTIMIZERS.map((optimizer) => [optimizer.id, optimizer] as const))('%s has torch.optim defaults', (id, optimizer) => {
    const ours = defaultHyperValues(optimizer.hyperSpecs);
    const torchDefaults = golden.defaults[id];
    expect(torchDefaults).toBeDefined();
    for (const [name, value] of Object.entries(torchDefaults)) expect(ours[name], name).toEqual(value);
    // every hyperparameter torch has a default for is one we expose, and no others, except SGD's lr
    // (required in torch 1.13, 1e-3 since torch 2.0)
    const expected = new Set(Object.keys(torchDefaults));
    if (id === 'sgd') {
      expected.add('lr');
      expect(ours.lr).toBe(1e-3);
    }
    expect(new Set(Object.keys(ours))).toEqual(expected);
  });
});
