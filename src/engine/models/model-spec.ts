import { checkNumber, describe } from '../checks';
import { fail, isJsonObject, joinPath, unknownKeys, type Checked } from '../check-values';
import type { ModelSpec } from './index';
import { MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS, type Activation, type OutputLoss } from './mlp';
import type { ModelKind } from './model';

// The `"model": {...}` of a data problem as JSON: its kind and, for an MLP, the architecture. What a
// model needs of the data (a class target, two classes) is checked against the data set by the data
// problem, which knows both.

const MODEL_KINDS: readonly ModelKind[] = ['linear', 'logistic', 'softmax', 'mlp'];
const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'sigmoid'];
const LOSSES: readonly OutputLoss[] = ['mse', 'cross_entropy'];
/** An MLP's hidden layers when the model does not say: one layer of 8 units. */
export const DEFAULT_HIDDEN: readonly number[] = [8];
/** The task each model kind fits: linear regression predicts values, the others classes (an MLP either). */
export const MODEL_TASKS: Readonly<Record<ModelKind, readonly ('regression' | 'classification')[]>> = {
  linear: ['regression'],
  logistic: ['classification'],
  softmax: ['classification'],
  mlp: ['regression', 'classification'],
};

/** Plain-words names of the model kinds, as the picker lists them. */
export const MODEL_TITLES: Readonly<Record<ModelKind, string>> = {
  linear: 'Linear regression',
  logistic: 'Logistic regression',
  softmax: 'Softmax regression',
  mlp: 'MLP',
};

/**
 * Validates a model; `task` (the data's, when known) fills an MLP's default loss: mean squared error
 * for regression, cross-entropy for classes.
 */
export function checkModelSpec(value: unknown, path: string, task?: 'regression' | 'classification'): Checked<ModelSpec> {
  if (!isJsonObject(value)) return fail(`${path} must be an object with a "kind" (${MODEL_KINDS.join(', ')}), got ${describe(value)}`);
  const kind = value.kind;
  if (typeof kind !== 'string' || !(MODEL_KINDS as readonly string[]).includes(kind)) {
    return fail(`${joinPath(path, 'kind')} must be one of ${MODEL_KINDS.map((name) => `"${name}"`).join(', ')}, got ${describe(kind)}`);
  }
  if (kind !== 'mlp') {
    const errors = unknownKeys(value, ['kind'], path, `a ${kind} model has only a kind`);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { kind: kind as 'linear' | 'logistic' | 'softmax' } };
  }
  const errors = unknownKeys(value, ['kind', 'hidden', 'activation', 'loss', 'weight_decay', 'seed'], path, 'an MLP takes hidden, activation, loss, weight_decay, seed');
  const hidden = value.hidden ?? DEFAULT_HIDDEN;
  if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > MAX_HIDDEN_LAYERS) {
    errors.push(`${joinPath(path, 'hidden')} must list 1 to ${MAX_HIDDEN_LAYERS} layer widths, e.g. [8, 8], got ${describe(hidden)}`);
  } else {
    hidden.forEach((units: unknown, index) => {
      const problem = checkNumber(units, { min: 1, max: MAX_HIDDEN_UNITS, integer: true }, `${joinPath(path, 'hidden')}[${index}]`);
      if (problem !== undefined) errors.push(problem);
    });
  }
  const activation = value.activation ?? 'tanh';
  if (typeof activation !== 'string' || !(ACTIVATIONS as readonly string[]).includes(activation)) {
    errors.push(`${joinPath(path, 'activation')} must be one of ${ACTIVATIONS.map((name) => `"${name}"`).join(', ')}, got ${describe(activation)}`);
  }
  const loss = value.loss ?? (task === 'regression' ? 'mse' : 'cross_entropy');
  if (typeof loss !== 'string' || !(LOSSES as readonly string[]).includes(loss)) {
    errors.push(`${joinPath(path, 'loss')} must be "mse" or "cross_entropy", got ${describe(loss)}`);
  }
  if (value.weight_decay !== undefined) {
    const problem = checkNumber(value.weight_decay, { min: 0, max: Infinity }, joinPath(path, 'weight_decay'));
    if (problem !== undefined) errors.push(problem);
  }
  if (value.seed !== undefined) {
    const problem = checkNumber(value.seed, { min: 0, max: 0xffff_ffff, integer: true }, joinPath(path, 'seed'));
    if (problem !== undefined) errors.push(problem);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: 'mlp',
      hidden: (hidden as number[]).slice(),
      activation: activation as Activation,
      loss: loss as OutputLoss,
      ...(value.weight_decay !== undefined && value.weight_decay !== 0 && { weight_decay: value.weight_decay as number }),
      ...(value.seed !== undefined && value.seed !== 0 && { seed: value.seed as number }),
    },
  };
}

/** The model's name with its architecture, for labels: "MLP 8-8 tanh", "Logistic regression". */
export function modelTitle(spec: ModelSpec): string {
  if (spec.kind !== 'mlp') return MODEL_TITLES[spec.kind];
  return `MLP ${spec.hidden.join('-')} ${spec.activation}${spec.weight_decay ? ` L2 ${spec.weight_decay}` : ''}`;
}
