import { describe, expect, it } from 'vitest';
import { Random } from '../../random';
import { power as enginePower } from '../../power';
import { defaultHyperValues, OPTIMIZERS, validateHyperValues } from './index';
import {
  absolute,
  add,
  assign,
  constant,
  divide,
  exponential,
  logarithm,
  maximum,
  minimum,
  multiply,
  negate,
  power,
  ref,
  select,
  sign,
  squareRoot,
  subtract,
  type KernelExpr,
  type OptimizerKernel,
} from './kernel';
import { checkKernel, createKernelInstance } from './kernel-interpreter';
import type { HyperValue, HyperValues, OptimizerDefinition } from './optimizer';

/**
 * A made-up rule that uses every scope: bias-corrected heavy-ball momentum, v ← βv + g,
 * θ ← θ − γ·v/(1 − βᵗ), with βᵗ kept as run state and v starting at a constant.
 */
const HEAVY_BALL: OptimizerKernel = {
  constants: { lr: 0.5, beta: 0.5, startVelocity: 3 },
  runState: [{ name: 'betaPower', initial: constant(1) }],
  coordinateState: [{ name: 'velocity', initial: ref('startVelocity') }],
  stepStatements: [assign('betaPower', multiply(ref('betaPower'), ref('beta'))), assign('correction', subtract(constant(1), ref('betaPower')))],
  coordinateStatements: [
    assign('velocity', add(multiply(ref('velocity'), ref('beta')), ref('grad'))),
    assign('param', subtract(ref('param'), divide(multiply(ref('lr'), ref('velocity')), ref('correction')))),
  ],
};

describe('createKernelInstance', () => {
  it('runs a hand-written kernel: scheduled lr, run state, state read before and after its update', () => {
    const instance = createKernelInstance(HEAVY_BALL, 2);
    const params = Float64Array.from([1, -1]);
    // t = 1, γ = 0.1 (not constants.lr = 0.5): βᵗ = 0.5, v = 3·0.5 + (2, 4) = (3.5, 5.5),
    // θ = (1, −1) − 0.1·v/0.5 = (0.3, −2.1)
    instance.step(params, Float64Array.from([2, 4]), 0.1);
    expect(params[0]).toBeCloseTo(0.3, 15);
    expect(params[1]).toBeCloseTo(-2.1, 15);
    // t = 2, γ = 0.2, g = 0: βᵗ = 0.25, v = (1.75, 2.75), θ −= 0.2·v/0.75
    instance.step(params, Float64Array.from([0, 0]), 0.2);
    expect(params[0]).toBeCloseTo(0.3 - (0.2 * 1.75) / 0.75, 15);
    expect(params[1]).toBeCloseTo(-2.1 - (0.2 * 2.75) / 0.75, 15);
  });

  it('evaluates every operation as float64 JavaScript does (pow as engine/power.ts)', () => {
    const [p, g] = [ref('param'), ref('grad')];
    const cases: [string, KernelExpr, number][] = [
      ['add', add(p, g), 1.5 + -0.25],
      ['sub', subtract(p, g), 1.5 - -0.25],
      ['mul', multiply(p, g), 1.5 * -0.25],
      ['div', divide(p, g), 1.5 / -0.25],
      ['pow', power(p, constant(2.5)), enginePower(1.5, 2.5)],
      ['pow by step', power(p, ref('step')), 1.5],
      ['min', minimum(p, g), -0.25],
      ['max', maximum(p, g), 1.5],
      ['neg', negate(g), 0.25],
      ['sqrt', squareRoot(p), Math.sqrt(1.5)],
      ['abs', absolute(g), 0.25],
      ['sign', sign(g), -1],
      ['exp', exponential(g), Math.exp(-0.25)],
      ['log', logarithm(p), Math.log(1.5)],
      ['select <', select('<', g, p, constant(1), constant(2)), 1],
      ['select <=', select('<=', p, p, constant(1), constant(2)), 1],
      ['select >', select('>', g, p, constant(1), constant(2)), 2],
      ['select >=', select('>=', g, p, constant(1), constant(2)), 2],
      ['select ==', select('==', ref('step'), constant(1), constant(1), constant(2)), 1],
    ];
    for (const [name, value, expected] of cases) {
      const kernel: OptimizerKernel = { constants: {}, runState: [], coordinateState: [], stepStatements: [], coordinateStatements: [assign('param', value)] };
      const params = Float64Array.from([1.5]);
      createKernelInstance(kernel, 1).step(params, Float64Array.from([-0.25]), 0.1);
      expect(params[0], name).toBe(expected);
    }
  });

  it('refuses a kernel that checkKernel rejects', () => {
    expect(() => createKernelInstance({ ...HEAVY_BALL, coordinateStatements: [] }, 2)).toThrow(/never assign 'param'/);
  });
});

describe('checkKernel', () => {
  const withCoordinate = (...coordinateStatements: OptimizerKernel['coordinateStatements']) => ({ ...HEAVY_BALL, coordinateStatements });

  it('accepts well-formed kernels, every optimizer under every boolean setting included', () => {
    expect(checkKernel(HEAVY_BALL)).toBeNull();
    for (const definition of OPTIMIZERS) {
      for (const hyper of booleanSettings(definition)) expect(checkKernel(definition.kernel(hyper)), definition.id).toBeNull();
    }
  });

  it('reports unknown names and names read before they are assigned', () => {
    expect(checkKernel(withCoordinate(assign('param', ref('gradient'))))).toBe("coordinate statement 1 (param): unknown name 'gradient'");
    expect(checkKernel(withCoordinate(assign('param', ref('update')), assign('update', ref('grad'))))).toBe("coordinate statement 1 (param): 'update' is used before it is assigned");
    const readsLater = { ...HEAVY_BALL, stepStatements: [assign('early', ref('correction')), ...HEAVY_BALL.stepStatements] };
    expect(checkKernel(readsLater)).toBe("step statement 1 (early): 'correction' is used before it is assigned");
  });

  it('keeps per-coordinate names out of step statements and step names out of coordinate assignments', () => {
    const readsGrad = { ...HEAVY_BALL, stepStatements: [assign('scale', ref('grad'))] };
    expect(checkKernel(readsGrad)).toBe("step statement 1 (scale): coordinate 'grad' cannot be read here");
    expect(checkKernel(withCoordinate(assign('beta', constant(0)), assign('param', ref('grad'))))).toBe("coordinate statement 1 (beta): constant 'beta' cannot be assigned here");
    expect(checkKernel(withCoordinate(assign('betaPower', constant(0)), assign('param', ref('grad'))))).toBe(
      "coordinate statement 1 (betaPower): run state 'betaPower' cannot be assigned here",
    );
    expect(checkKernel(withCoordinate(assign('correction', constant(1)), assign('param', ref('grad'))))).toBe(
      "'correction' is assigned by both step and coordinate statements",
    );
  });

  it('reports a coordinate list that never assigns param, duplicate declarations and initial values that read state', () => {
    expect(checkKernel(withCoordinate(assign('velocity', ref('grad'))))).toBe("the coordinate statements never assign 'param'");
    expect(checkKernel({ ...HEAVY_BALL, runState: [{ name: 'velocity', initial: constant(0) }] })).toBe("coordinate state 'velocity' is already declared as run state");
    expect(checkKernel({ ...HEAVY_BALL, coordinateState: [{ name: 'velocity', initial: ref('betaPower') }] })).toBe(
      "initial value of 'velocity' reads 'betaPower': initial values may read only constants",
    );
  });
});

describe('optimizer kernels', () => {
  it.each(OPTIMIZERS.map((definition) => [definition.id, definition] as const))('%s: the kernel interpreter equals create() bit for bit', (_id, definition) => {
    const random = new Random(7);
    for (const hyper of [...booleanSettings(definition), ...booleanSettings(definition).map((setting) => randomNumbers(definition, setting, random))]) {
      const dimension = 3;
      const start = Array.from({ length: dimension }, () => 2 * random.nextGaussian());
      const [handWritten, interpreted] = [definition.create(hyper, dimension), createKernelInstance(definition.kernel(hyper), dimension)];
      const [ours, theirs] = [Float64Array.from(start), Float64Array.from(start)];
      const baseLearningRate = hyper.lr as number;
      for (let step = 1; step <= 60; step++) {
        const gradient = Array.from({ length: dimension }, () => random.nextGaussian() * (step % 7 === 0 ? 0 : 3));
        // the scheduled learning rate changes from step to step
        const learningRate = baseLearningRate * (0.5 + random.nextFloat());
        handWritten.step(ours, Float64Array.from(gradient), learningRate);
        interpreted.step(theirs, Float64Array.from(gradient), learningRate);
        for (let i = 0; i < dimension; i++) expect(Object.is(theirs[i], ours[i]), `${JSON.stringify(hyper)} step ${step} [${i}]: ${theirs[i]} vs ${ours[i]}`).toBe(true);
      }
    }
  });

  it.each(OPTIMIZERS.map((definition) => [definition.id, definition] as const))('%s: statements depend on booleans only, so one kernel serves a batch', (_id, definition) => {
    const random = new Random(11);
    for (const hyper of booleanSettings(definition)) {
      const base = definition.kernel(hyper);
      const varied = definition.kernel(randomNumbers(definition, hyper, random));
      expect({ ...varied, constants: Object.keys(varied.constants) }).toEqual({ ...base, constants: Object.keys(base.constants) });
      expect(varied.constants).not.toEqual(base.constants);
    }
  });
});

/** The defaults under every combination of the boolean hyperparameters (valid ones only). */
function booleanSettings(definition: OptimizerDefinition): HyperValues[] {
  let settings: HyperValues[] = [defaultHyperValues(definition.hyperSpecs)];
  for (const spec of definition.hyperSpecs) {
    if (spec.kind === 'boolean') settings = settings.flatMap((hyper) => [false, true].map((value) => ({ ...hyper, [spec.name]: value })));
  }
  // SGD's nesterov needs momentum > 0
  return settings.map((hyper) => (validateHyperValues(definition, hyper) === null ? hyper : { ...hyper, momentum: 0.9 }));
}

/** `hyper` with every number drawn afresh in a sensible part of its range (zeros made nonzero). */
function randomNumbers(definition: OptimizerDefinition, hyper: HyperValues, random: Random): HyperValues {
  const values: Record<string, HyperValue> = { ...hyper };
  const scaled = (value: number) => (value === 0 ? 0.05 + 0.3 * random.nextFloat() : value * (0.6 + 0.4 * random.nextFloat()));
  for (const spec of definition.hyperSpecs) {
    if (spec.kind === 'number') values[spec.name] = scaled(spec.defaultValue);
    if (spec.kind === 'pair') values[spec.name] = [scaled(spec.defaultValue[0]), scaled(spec.defaultValue[1])];
  }
  // torch: nesterov needs zero dampening
  if (validateHyperValues(definition, values) !== null) values.dampening = 0;
  expect(validateHyperValues(definition, values)).toBeNull();
  return values;
}
