import { describe, expect, it } from 'vitest';
import { basinCellStart, convergenceRadius, linearSpaced, logSpaced } from '../engine/batch/cells';
import type { BasinJob, SweepJob } from '../engine/batch/types';
import { parseFormula } from '../engine/expression/parser';
import { defaultHyperValues, getOptimizer } from '../engine/methods/first-order';
import { firstOrderMethod } from '../engine/methods/first-order/adapter';
import type { OptimizerDefinition } from '../engine/methods/first-order/optimizer';
import { FusedJob, type GpuTemplate } from './fused-job';
import { fusedShader } from './fused-program';

function template(optimizerId: string, overrides: Record<string, number> = {}, extra: Partial<GpuTemplate> = {}): GpuTemplate {
  const optimizer = getOptimizer(optimizerId) as OptimizerDefinition;
  const parsed = parseFormula('(1 - x)^2 + 100*(y - x^2)^2');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { expression: parsed.ast, method: firstOrderMethod(optimizer), optimizer, hyper: { ...defaultHyperValues(optimizer.hyperSpecs), ...overrides }, numSteps: 50, ...extra };
}

const BASIN: BasinJob = { kind: 'basin', domain: [[-2, 2], [-1, 3]], columns: 5, rows: 4, minima: [{ point: [1, 1], value: 0 }], tolerance: 0.02 };

describe('FusedJob', () => {
  it('starts a basin map from the cell centres engine/batch uses, with one learning-rate row', () => {
    const job = new FusedJob(template('adam', { lr: 0.05 }), BASIN);
    const starts = job.starts(3, 9);
    const centre = new Float64Array(2);
    for (let index = 3; index < 9; index++) {
      basinCellStart(BASIN, index, centre);
      expect([starts[2 * (index - 3)], starts[2 * (index - 3) + 1]]).toEqual([centre[0], centre[1]]);
    }
    expect(job.learningRates).toEqual([0.05]);
    expect(job.perRunValues(0, 20)).toBeNull();
    expect(job.convergence?.radiusSquared).toBe(convergenceRadius(BASIN) ** 2);
  });

  it("gives each run of a learning-rate × β₁ sweep its row, base rate and β₁", () => {
    const sweep: SweepJob = { kind: 'sweep', start: [-1, 2], learningRates: { min: 1e-3, max: 1e-1, count: 7 }, second: { name: 'beta1', min: 0.5, max: 0.95, count: 4 } };
    const job = new FusedJob(template('adam'), sweep);
    expect(job.perRunConstants).toEqual(['beta1']);
    expect(job.learningRates).toEqual(Array.from({ length: 7 }, (_, j) => logSpaced(1e-3, 1e-1, 7, j)));
    const values = job.perRunValues(5, 28) as Float32Array;
    for (let index = 5; index < 28; index++) {
      const offset = (index - 5) * job.perRunStride;
      expect(Array.from(values.slice(offset, offset + 3))).toEqual(
        [index % 7, logSpaced(1e-3, 1e-1, 7, index % 7), linearSpaced(0.5, 0.95, 4, Math.floor(index / 7))].map(Math.fround),
      );
    }
    // β₁ varies, so Adam's lr / (1 − β₁ᵗ) stays on the GPU; √(1 − β₂ᵗ) comes from the table
    expect(job.stepPlan.hoisted).toEqual(['secondMomentCorrection']);
    expect(Array.from(job.starts(0, 2))).toEqual([-1, 2, -1, 2]);
  });

  it('varies momentum per run in a learning-rate × momentum sweep, from 0', () => {
    const sweep: SweepJob = { kind: 'sweep', start: [0, 0], learningRates: { min: 1e-3, max: 1e-2, count: 3 }, second: { name: 'momentum', min: 0, max: 0.9, count: 3 } };
    const job = new FusedJob(template('sgd', { momentum: 0.5 }), sweep);
    expect(job.perRunConstants).toEqual(['momentum']);
    // run 0's settings are the literals: momentum 0, not the template's 0.5
    expect(job.kernel.constants.momentum).toBe(0);
  });

  it('refuses gradient noise with a clear message', () => {
    expect(() => new FusedJob(template('adam', {}, { noise: 0.1 }), BASIN)).toThrow(/gradient noise is not supported on the GPU/);
  });
});

describe('fusedShader', () => {
  it('generates a shader for every optimizer with the inputs tfjs binds', () => {
    for (const id of ['sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion']) {
      const shader = fusedShader(new FusedJob(template(id, {}, { clip: { type: 'norm', max_norm: 1 } }), BASIN));
      expect(shader.variableNames).toEqual(['State', 'StepTable']);
      expect(shader.code).toContain('fn main(index: i32) {');
      expect(shader.code).toContain('fn nearestMinimum(x: f32, y: f32) -> i32 {');
      expect(shader.code).toContain('let clipScale = ieeeMinimum(1.0f / (sqrt(grad0 * grad0 + grad1 * grad1) + 0.000001f), 1.0f);');
      expect(shader.key).toMatch(/^optimizerPlaygroundFused_\w+_\d+$/);
    }
  });

  it('compiles once for any learning rate (the step table carries it), once per other constant', () => {
    const key = (lr: number, eps: number) => fusedShader(new FusedJob(template('adam', { lr, eps }), BASIN)).key;
    expect(key(0.01, 1e-8)).toBe(key(0.02, 1e-8));
    expect(key(0.01, 1e-8)).not.toBe(key(0.01, 1e-6));
  });
});
