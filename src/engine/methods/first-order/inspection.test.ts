import { evaluateKernelExpression } from './kernel-evaluate';
import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import { getSurface } from '../../problems/surfaces';
import type { Objective } from '../../objective';
import { runMethod } from '../../run';
import type { HyperValues } from '../hyperparameters';
import { firstOrderMethod } from './adapter';
import { defaultHyperValues, OPTIMIZERS, validateHyperValues } from './index';
import { initialKernelState, kernelStep, type KernelTrace } from './kernel-trace';
import type { OptimizerDefinition } from './optimizer';

// The inspector's first-order side against the math: the narration's arithmetic, statement by
// statement, reproduces the run's next point bit for bit; its sentences carry the hand-derived
// numbers; the inspecting replay walks exactly the ordinary run's path.

/** f = x² + y²: ∇f = 2x, so every number below can be derived by hand. */
const BOWL: Objective = {
  dimension: 2,
  value: (point) => point[0] ** 2 + point[1] ** 2,
  valueAndGradient(point, gradient) {
    gradient[0] = 2 * point[0];
    gradient[1] = 2 * point[1];
    return point[0] ** 2 + point[1] ** 2;
  },
  hessian(_point, hessian) {
    hessian.set([2, 0, 0, 2]);
  },
};

/** The defaults under every combination of the boolean hyperparameters, with weight decay and momentum on so every statement is told. */
function settings(definition: OptimizerDefinition): HyperValues[] {
  let all: HyperValues[] = [defaultHyperValues(definition.hyperSpecs)];
  for (const spec of definition.hyperSpecs) {
    if (spec.kind === 'boolean') all = all.flatMap((hyper) => [false, true].map((value) => ({ ...hyper, [spec.name]: value })));
  }
  const withNumbers = all.map((hyper) => ({
    ...hyper,
    lr: 1e-3,
    ...('weight_decay' in hyper && { weight_decay: 0.05 }),
    ...('momentum' in hyper && { momentum: 0.5 }),
  }));
  return withNumbers.filter((hyper) => validateHyperValues(definition, hyper) === null);
}

describe('first-order inspection', () => {
  it.each(OPTIMIZERS.map((definition) => [definition.id, definition] as const))(
    '%s: the narrated statements, each evaluated from the values it read, chain to the run’s next point bit for bit',
    (_id, definition) => {
      const surface = getSurface('rosenbrock')!;
      for (const hyper of settings(definition)) {
        const options = { objective: surface.create(), method: firstOrderMethod(definition), hyper, start: [-1.2, 1], numSteps: 12 };
        const ordinary = runMethod(options);
        for (const step of [1, 7, 12]) {
          const inspection = inspectStep(options, step);
          // the inspecting replay is the ordinary run, bit for bit
          expect(Array.from(inspection.point)).toEqual(Array.from(ordinary.trajectory.slice(2 * step, 2 * step + 2)));
          const trace = traceOf(definition, hyper, options, step);
          const latest = new Map<string, Float64Array>();
          for (const traced of trace.statements) {
            // every name read holds what the previous statements left (or the step's input)
            for (const [name, values] of traced.reads) {
              const earlier = latest.get(name);
              if (earlier !== undefined && (traced.scope === 'coordinate' || earlier.length === 1)) expect(Array.from(values), `${hyper} ${traced.statement.name} reads ${name}`).toEqual(Array.from(earlier.length === values.length ? earlier : values));
            }
            const recomputed = traced.after.map((_, i) => evaluateKernelExpression(traced.value, (name) => traced.reads.get(name)![i]));
            expect(Array.from(recomputed), traced.statement.name).toEqual(Array.from(traced.after));
            latest.set(traced.statement.name, traced.after);
          }
          // the last value of θ told is x_step exactly
          expect(Array.from(latest.get('param')!)).toEqual(Array.from(inspection.point));
          const narration = inspection.method!.narration;
          expect(narration.length, JSON.stringify(hyper)).toBeGreaterThan(0);
          expect(narration.some((substep) => substep.sentence.startsWith('The point'))).toBe(true);
          for (const substep of narration) {
            expect(substep.sentence).toMatch(/^[A-Z].*\d/);
            expect(substep.rule).toMatch(/=.*=/);
          }
        }
      }
    },
  );

  it('SGD with momentum: the velocity decays by μ, then adds the gradient (hand-derived on x² + y²)', () => {
    // g₀ = (2, −4); b₁ = g₀ (torch's first buffer); x₁ = (1, −2) − 0.1·(2, −4) = (0.8, −1.6)
    // g₁ = (1.6, −3.2); b₂ = 0.9·(2, −4) + g₁ = (1.8, −3.6) + (1.6, −3.2) = (3.4, −6.8); x₂ = (0.46, −0.92)
    const sgd = OPTIMIZERS.find((definition) => definition.id === 'sgd')!;
    const options = { objective: BOWL, method: firstOrderMethod(sgd), hyper: { ...defaultHyperValues(sgd.hyperSpecs), lr: 0.1, momentum: 0.9 }, start: [1, -2], numSteps: 2 };
    const first = inspectStep(options, 1).method!;
    expect(first.narration[0].sentence).toBe('The velocity starts as the gradient: (2, −4)');
    const second = inspectStep(options, 2);
    expect(second.point[0]).toBeCloseTo(0.46, 15);
    expect(second.point[1]).toBeCloseTo(-0.92, 15);
    const sentences = second.method!.narration.map((substep) => substep.sentence);
    expect(sentences[0]).toBe('The velocity decays by 0.9 to (1.8, −3.6), then adds the gradient (1.6, −3.2): (3.4, −6.8)');
    expect(sentences.at(-1)).toBe('The point steps against 0.1 × the step direction (0.34, −0.68): from (0.8, −1.6) to (0.46, −0.92)');
    expect(second.method!.narration[0].rule).toBe(
      'b_t = b_{t-1} \\cdot \\mu + \\left(1 - \\tau\\right) \\cdot g_t = \\left(2,\\ -4\\right) \\cdot 0.9 + \\left(1 - 0\\right) \\cdot \\left(1.6,\\ -3.2\\right) = \\left(3.4,\\ -6.8\\right)',
    );
    const state = new Map(second.method!.state.map((quantity) => [quantity.name, quantity.value]));
    const velocity = state.get('velocity') as Float64Array;
    expect(velocity[0]).toBeCloseTo(3.4, 14);
    expect(velocity[1]).toBeCloseTo(-6.8, 14);
    expect(state.get('learningRate')).toBe(0.1);
    expect(Array.from(state.get('effectiveLearningRate') as Float64Array)).toEqual([0.1, 0.1]);
    expect(Array.from(state.get('gradient') as Float64Array)).toEqual([1.6, -3.2]);
  });

  it('Adam: the effective learning rate is lr/(1 − β₁ᵗ) / (√(v/(1 − β₂ᵗ)) + ε), and Δ = −that · m', () => {
    const adam = OPTIMIZERS.find((definition) => definition.id === 'adam')!;
    const options = { objective: BOWL, method: firstOrderMethod(adam), hyper: { ...defaultHyperValues(adam.hyperSpecs), lr: 0.1 }, start: [1, -2], numSteps: 5 };
    const inspection = inspectStep(options, 5);
    const state = new Map(inspection.method!.state.map((quantity) => [quantity.name, quantity.value]));
    const [m, v, effective] = ['firstMoment', 'secondMoment', 'effectiveLearningRate'].map((name) => state.get(name) as Float64Array);
    for (let i = 0; i < 2; i++) {
      const expected = 0.1 / (1 - 0.9 ** 5) / (Math.sqrt(v[i] / (1 - 0.999 ** 5)) + 1e-8);
      expect(effective[i]).toBeCloseTo(expected, 14);
      expect(inspection.delta![i]).toBeCloseTo(-effective[i] * m[i], 14);
    }
    expect(state.get('step')).toBe(5);
  });

  it('after start(): the initial state, step 0, nothing narrated', () => {
    const adagrad = OPTIMIZERS.find((definition) => definition.id === 'adagrad')!;
    const hyper = { ...defaultHyperValues(adagrad.hyperSpecs), initial_accumulator_value: 0.5 };
    const inspection = inspectStep({ objective: BOWL, method: firstOrderMethod(adagrad), hyper, start: [1, -2], numSteps: 3 }, 0);
    expect(inspection.method!.narration).toEqual([]);
    expect(inspection.method!.state.map((quantity) => [quantity.name, quantity.value])).toEqual([
      ['sumOfSquares', Float64Array.from([0.5, 0.5])],
      ['step', 0],
    ]);
  });
});

/** The latest step of the run to `step`, traced from its input, with the kernel alone (no inspector). */
function traceOf(definition: OptimizerDefinition, hyper: HyperValues, options: { objective: Objective; start: number[] }, step: number): KernelTrace {
  const kernel = definition.kernel(hyper);
  let state = initialKernelState(kernel, 2);
  const point = Float64Array.from(options.start);
  const gradient = new Float64Array(2);
  let trace: KernelTrace | null = null;
  for (let k = 1; k <= step; k++) {
    options.objective.valueAndGradient(point, gradient);
    const result = kernelStep(kernel, state, point, gradient, hyper.lr as number, k === step);
    state = result.state;
    trace = result.trace;
  }
  return trace!;
}
