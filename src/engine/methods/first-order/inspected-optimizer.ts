import { evaluateKernelExpression } from './kernel-evaluate';
import { clipGradient } from '../../clipping';
import { DIVERGENCE_BOUND } from '../../divergence';
import { learningRateAt } from '../../schedules';
import type { HyperValues } from '../hyperparameters';
import type { MethodInspection, StateQuantity } from '../inspection';
import type { MethodContext, MethodInstance } from '../method';
import { numberHyper } from './hyper';
import { OPTIMIZER_INSPECTION_NAMES, QUANTITY_WORDS, nameWords } from './inspection-names';
import { narrateKernelStep } from './kernel-narration';
import { initialKernelState, kernelStep, type KernelState, type KernelTrace } from './kernel-trace';
import type { OptimizerDefinition } from './optimizer';

// A first-order optimizer run for the step inspector (MethodContext.inspecting): the adapter's
// step, with the optimizer's kernel (its update rule as data, equal to create() bit for bit) in
// place of its hand-written loop, so the state is in the open and the latest step can be told
// statement by statement. Ordinary runs never come here: the adapter's hot path is unchanged.

/** What a step started from: enough to replay it traced when the inspector asks. */
interface StepInput {
  readonly state: KernelState;
  readonly params: Float64Array;
  readonly gradient: Float64Array;
  readonly learningRate: number;
}

/** The inspecting twin of firstOrderMethod's instance: same evaluations, same path, plus inspect(). */
export function createInspectedOptimizer(optimizer: OptimizerDefinition, hyper: HyperValues, { dimension, schedule, clip }: MethodContext): MethodInstance {
  const kernel = optimizer.kernel(hyper);
  const names = OPTIMIZER_INSPECTION_NAMES[optimizer.id];
  const unused = new Set(names?.unused?.(hyper) ?? []);
  const baseLearningRate = numberHyper(hyper, 'lr');
  const gradient = new Float64Array(dimension);
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
    start: (point, oracle) => (oracle.sampled ? NaN : oracle.valueAndGradient(point, gradient)),
    step(point, oracle, step) {
      if (oracle.sampled) oracle.valueAndGradient(point, gradient);
      if (clip !== undefined) clipGradient(gradient, clip);
      const learningRate = schedule === undefined ? baseLearningRate : learningRateAt(schedule, baseLearningRate, step);
      latest = { state, params: Float64Array.from(point), gradient: Float64Array.from(gradient), learningRate };
      state = kernelStep(kernel, state, point, gradient, learningRate, false).state;
      for (let i = 0; i < dimension; i++) if (!(Math.abs(point[i]) <= DIVERGENCE_BOUND)) return NaN;
      return oracle.sampled ? 0 : oracle.valueAndGradient(point, gradient);
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
