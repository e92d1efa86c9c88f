import { describe, expect, it } from 'vitest';
import { runWgslStatements } from '../engine/expression/wgsl-interpreter.test-helper';
import { wgslFloat } from '../engine/expression/wgsl';
import { defaultHyperValues, OPTIMIZERS, validateHyperValues } from '../engine/methods/first-order';
import type { HyperValues, OptimizerDefinition } from '../engine/methods/first-order/optimizer';
import { learningRateAt, type ScheduleSpec } from '../engine/schedules';
import { kernelToWgsl } from './kernel-wgsl';
import { planStepTable, StepTableWriter } from './step-table';

// The WGSL generated from each optimizer's kernel IR, run in emulated float32 by the test
// interpreter, against the optimizer's hand-written float64 update (definition.create, itself held to
// torch.optim by the golden tests): the same gradients, the same scheduled learning rates, 30 steps.

const SCHEDULE: ScheduleSpec = { type: 'exponential', gamma: 0.98 };
const NUM_STEPS = 30;

/** ∇ of f = 0.5·(x − 1)² + 2·(y + 0.5)² + 0.3·x·y: well conditioned, so float32 errors do not grow. */
function gradientAt(x: number, y: number): [number, number] {
  return [x - 1 + 0.3 * y, 4 * (y + 0.5) + 0.3 * x];
}

/** The settings each optimizer is tried with: its defaults, then each boolean on, momentum, weight decay. */
function settings(definition: OptimizerDefinition): HyperValues[] {
  const defaults = { ...defaultHyperValues(definition.hyperSpecs), lr: definition.id === 'adadelta' ? 1 : 0.02 };
  const variations: HyperValues[] = [defaults];
  const names = new Set(definition.hyperSpecs.map((spec) => spec.name));
  if (names.has('momentum')) variations.push({ ...defaults, momentum: 0.9 }, { ...defaults, momentum: 0.9, dampening: 0.1 });
  if (names.has('weight_decay')) variations.push({ ...defaults, weight_decay: 0.05 });
  for (const spec of definition.hyperSpecs) {
    if (spec.kind === 'boolean') variations.push({ ...defaults, [spec.name]: true }, { ...defaults, ...(names.has('momentum') && { momentum: 0.9 }), [spec.name]: true });
  }
  return variations.filter((hyper) => validateHyperValues(definition, hyper) === null);
}

/** Runs the optimizer's generated WGSL for NUM_STEPS steps; with `table`, the shared step statements come from the host's step table. */
function runGenerated(definition: OptimizerDefinition, hyper: HyperValues, start: [number, number], table: boolean): [number, number] {
  const kernel = definition.kernel(hyper);
  const baseLearningRate = hyper.lr as number;
  const plan = planStepTable(kernel, []);
  const writer = new StepTableWriter(kernel, plan, [baseLearningRate], SCHEDULE);
  const code = kernelToWgsl(kernel, {
    dimension: 2,
    baseLearningRate: wgslFloat(baseLearningRate),
    ...(table && { tableValue: (name: string) => (plan.hoisted.includes(name) ? `table_${name}` : undefined) }),
  });
  const values = new Map<string, number>();
  runWgslStatements(code.constantLines, values);
  for (const name of [...code.runStateVariables, ...code.coordinateStateVariables.flat()]) values.set(name, 0);
  runWgslStatements(code.initialLines, values);
  let [x, y] = start.map(Math.fround);
  for (let step = 0; step < NUM_STEPS; step++) {
    const row = writer.table(step, 1);
    values.set('k_lr', row[0]);
    values.set('k_step', step + 1);
    plan.hoisted.forEach((name, k) => values.set(`table_${name}`, row[1 + k]));
    const [gradientX, gradientY] = gradientAt(x, y).map(Math.fround);
    values.set('grad0', gradientX);
    values.set('grad1', gradientY);
    values.set('param0', x);
    values.set('param1', y);
    runWgslStatements(code.stepLines, values);
    [x, y] = [values.get('param0') as number, values.get('param1') as number];
  }
  return [x, y];
}

/** The hand-written float64 optimizer on the same problem. */
function runReference(definition: OptimizerDefinition, hyper: HyperValues, start: [number, number]): [number, number] {
  const instance = definition.create(hyper, 2);
  const params = Float64Array.from(start);
  for (let step = 0; step < NUM_STEPS; step++) {
    instance.step(params, Float64Array.from(gradientAt(params[0], params[1])), learningRateAt(SCHEDULE, hyper.lr as number, step));
  }
  return [params[0], params[1]];
}

describe('kernelToWgsl', () => {
  const start: [number, number] = [-1.3, 0.9];
  for (const definition of OPTIMIZERS) {
    it(`runs ${definition.name} as its float64 update does, for every setting`, () => {
      for (const hyper of settings(definition)) {
        const expected = runReference(definition, hyper, start);
        for (const table of [false, true]) {
          const actual = runGenerated(definition, hyper, start, table);
          const where = `${definition.id} ${JSON.stringify(hyper)}${table ? ' with the step table' : ''}`;
          // without the table the step statements run in float32, where RAdam's ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
          // loses 1e-4 of itself to cancellation (ρ∞ ≈ 2000, ρₜ ≈ 5 early on)
          const tolerance = table ? 2e-5 : 1e-4;
          actual.forEach((value, i) => expect(Math.abs(value - expected[i]), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i]))));
        }
      }
    });
  }

  it('declares each temporary once per scope and names state per coordinate', () => {
    const adam = OPTIMIZERS.find((definition) => definition.id === 'adam') as OptimizerDefinition;
    const code = kernelToWgsl(adam.kernel(defaultHyperValues(adam.hyperSpecs)), { dimension: 2, baseLearningRate: '0.001f' });
    expect(code.coordinateStateVariables).toEqual([
      ['coordinate0_firstMoment', 'coordinate1_firstMoment'],
      ['coordinate0_secondMoment', 'coordinate1_secondMoment'],
    ]);
    expect(code.constantLines).toContain('let k_beta1 = 0.9f;');
    expect(code.stepLines.filter((line) => line.trim().startsWith('var k_denominator'))).toHaveLength(2);
    expect(code.stepLines.join('\n')).toContain('coordinate1_secondMoment = ');
  });

  it('folds expressions of shared constants in float64 and resolves selects on them', () => {
    const sgd = OPTIMIZERS.find((definition) => definition.id === 'sgd') as OptimizerDefinition;
    const lines = kernelToWgsl(sgd.kernel({ ...defaultHyperValues(sgd.hyperSpecs), momentum: 0.9, dampening: 0.1 }), { dimension: 2, baseLearningRate: '0.001f' }).stepLines.join('\n');
    // 1 − dampening = 0.9 exactly as float64 rounds it, not 1.0f − 0.1f; weight_decay = 0 drops its branch
    expect(lines).toContain('(0.9f * grad0)');
    expect(lines).toContain('grad0 = grad0;');
    expect(lines).not.toContain('k_weight_decay ==');
  });

  it('reads a per-run constant where the caller says so', () => {
    const sgd = OPTIMIZERS.find((definition) => definition.id === 'sgd') as OptimizerDefinition;
    const hyper = { ...defaultHyperValues(sgd.hyperSpecs), momentum: 0.9 };
    const code = kernelToWgsl(sgd.kernel(hyper), { dimension: 2, baseLearningRate: '0.001f', perRunConstant: (name) => (name === 'momentum' ? 'RunHypers[3]' : undefined) });
    expect(code.constantLines).toContain('let k_momentum = RunHypers[3];');
  });
});

describe('planStepTable', () => {
  const adam = OPTIMIZERS.find((definition) => definition.id === 'adam') as OptimizerDefinition;
  const kernel = adam.kernel(defaultHyperValues(adam.hyperSpecs));

  it("serves Adam's bias corrections from the table", () => {
    expect(planStepTable(kernel, [])).toEqual({ hoisted: ['stepSize', 'secondMomentCorrection'], width: 3 });
  });

  it('leaves a statement on the GPU when it reads a constant the runs vary', () => {
    expect(planStepTable(kernel, ['beta1'])).toEqual({ hoisted: ['secondMomentCorrection'], width: 2 });
  });

  it('writes lr and the hoisted values in float64, row by row, and refuses to skip steps', () => {
    const writer = new StepTableWriter(kernel, planStepTable(kernel, []), [0.1, 0.2], undefined);
    writer.table(0, 2);
    const table = writer.table(2, 2);
    // step 3 (t = 3) of row 1: lr = 0.2, stepSize = 0.2 / (1 − 0.9³), √(1 − 0.999³)
    expect(Array.from(table.slice(6, 9))).toEqual([0.2, 0.2 / (1 - 0.9 ** 3), Math.sqrt(1 - 0.999 ** 3)].map(Math.fround));
    expect(() => writer.table(7, 1)).toThrow(RangeError);
  });
});
