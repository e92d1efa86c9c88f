import { evaluateKernelExpression } from './kernel-evaluate';
import type { HyperValues } from '../hyperparameters';
import type { MethodInspection, StateQuantity } from '../inspection';
import { OPTIMIZER_INSPECTION_NAMES, QUANTITY_WORDS, nameWords } from './inspection-names';
import { narrateKernelStep } from './kernel-narration';
import { initialKernelState, kernelStep, type KernelState, type KernelTrace } from './kernel-trace';
import type { OptimizerDefinition, OptimizerInstance } from './optimizer';

// A first-order optimizer for the step inspector (MethodContext.inspecting): the optimizer's kernel
// (its update rule as data, equal to create() bit for bit) in place of its hand-written loop, so the
// state is in the open and the latest step can be told statement by statement. The adapter runs it
// as it runs any optimizer; ordinary runs never come here, and their hot path is unchanged.

/** What a step started from: enough to replay it traced when the inspector asks. */
interface StepInput {
  readonly state: KernelState;
  readonly params: Float64Array;
  readonly gradient: Float64Array;
  readonly learningRate: number;
}

/** The inspecting twin of optimizer.create(): the same updates, plus inspect(). */
export function createInspectedOptimizer(optimizer: OptimizerDefinition, hyper: HyperValues, dimension: number): OptimizerInstance & { inspect(): MethodInspection } {
  const kernel = optimizer.kernel(hyper);
  const names = OPTIMIZER_INSPECTION_NAMES[optimizer.id];
  const unused = new Set(names?.unused?.(hyper) ?? []);
  let state = initialKernelState(kernel, dimension);
  let latest: StepInput | null = null;

  const quantities = (trace: KernelTrace | null): StateQuantity[] => {
    const shown: StateQuantity[] = [];
    const quantity = (name: string, value: number | Float64Array) => shown.push({ name, ...(QUANTITY_WORDS[name] ?? { label: name, symbol: name }), value });
    for (const [kernelName, quantityName] of Object.entries(names?.quantities ?? {})) {
      if (unused.has(kernelName)) continue;
      const coordinateValue = state.coordinateState.get(kernelName);
      const runValue = state.runState.get(kernelName);
      if (coordinateValue !== undefined) quantity(quantityName, Float64Array.from(coordinateValue));
      else if (runValue !== undefined) quantity(quantityName, runValue);
    }
    quantity('step', state.step);
    if (trace === null || latest === null) return shown;
    quantity('learningRate', trace.learningRate);
    if (names !== undefined) {
      const effective = new Float64Array(dimension);
      for (let i = 0; i < dimension; i++) {
        effective[i] = evaluateKernelExpression(names.effectiveLearningRate, (name) => trace.coordinates.get(name)?.[i] ?? trace.scalars.get(name) ?? NaN);
      }
      quantity('effectiveLearningRate', effective);
    }
    quantity('gradient', Float64Array.from(latest.gradient));
    return shown;
  };

  return {
    step(params, gradient, learningRate) {
      latest = { state, params: Float64Array.from(params), gradient: Float64Array.from(gradient), learningRate };
      state = kernelStep(kernel, state, params, gradient, learningRate, false).state;
    },
    inspect(): MethodInspection {
      if (latest === null) return { state: quantities(null), narration: [] };
      // the latest step again, traced, from what it started from
      const trace = traceLatestStep(kernel, latest);
      return { state: quantities(trace), narration: narrateKernelStep(trace, (name) => nameWords(optimizer.id, name), unused) };
    },
  };
}

/** Replays a step from its input with every statement's values recorded. */
export function traceLatestStep(kernel: ReturnType<OptimizerDefinition['kernel']>, input: StepInput): KernelTrace {
  const { trace } = kernelStep(kernel, input.state, Float64Array.from(input.params), Float64Array.from(input.gradient), input.learningRate, true);
  if (trace === null) throw new Error('a traced kernel step returned no trace');
  return trace;
}
