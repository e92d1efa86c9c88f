import { checkHyperValue } from '../../checks';
import type { HyperSpec, HyperValue, HyperValues, OptimizerDefinition } from './optimizer';

// The hyperparameters most optimizers share, with torch.optim's names and ranges. The upper
// bounds are the playground's (torch has none): wide enough to show divergence, finite for sliders.

/** `lr`: the step size γ, > 0. */
export function learningRateSpec(defaultValue: number): HyperSpec {
  return { kind: 'number', name: 'lr', defaultValue, min: 0, max: 100, exclusiveMin: true, log: true, description: 'learning rate γ' };
}

/** `betas`: the decay rates (β1, β2) of the moment averages, each in [0, 1). */
export function betasSpec(defaultValue: readonly [number, number]): HyperSpec {
  return {
    kind: 'pair',
    name: 'betas',
    defaultValue,
    min: 0,
    max: 1,
    exclusiveMax: true,
    description: 'decay rates (β1, β2) of the first- and second-moment averages',
  };
}

/** `eps`: the term ε added to the denominator for numerical stability, > 0. */
export function epsSpec(defaultValue: number): HyperSpec {
  return { kind: 'number', name: 'eps', defaultValue, min: 0, max: 1, exclusiveMin: true, log: true, description: 'ε added to the denominator' };
}

/** `weight_decay`: the L2 penalty λ, ≥ 0 (added to the gradient, or decoupled in AdamW and Lion). */
export function weightDecaySpec(defaultValue: number, description = 'L2 penalty λ: g ← g + λθ'): HyperSpec {
  return { kind: 'number', name: 'weight_decay', defaultValue, min: 0, max: 10, description };
}

/** A hyperparameter that must be a number (throws: `hyper` is validated before create()). */
export function numberHyper(hyper: HyperValues, name: string): number {
  const value = hyper[name];
  if (typeof value !== 'number') throw new TypeError(`hyperparameter ${name} must be a number`);
  return value;
}

/** A hyperparameter that must be a boolean. */
export function booleanHyper(hyper: HyperValues, name: string): boolean {
  const value = hyper[name];
  if (typeof value !== 'boolean') throw new TypeError(`hyperparameter ${name} must be true or false`);
  return value;
}

/** A hyperparameter that must be one of its spec's options. */
export function choiceHyper(hyper: HyperValues, name: string): string {
  const value = hyper[name];
  if (typeof value !== 'string') throw new TypeError(`hyperparameter ${name} must be one of its options`);
  return value;
}

/** A hyperparameter that must be a pair such as betas. */
export function pairHyper(hyper: HyperValues, name: string): readonly [number, number] {
  const value = hyper[name];
  if (!isPair(value)) throw new TypeError(`hyperparameter ${name} must be a pair of numbers`);
  return value;
}

/** Every hyperparameter at its default (torch's defaults). */
export function defaultHyperValues(specs: readonly HyperSpec[]): HyperValues {
  const values: Record<string, HyperValue> = {};
  for (const spec of specs) values[spec.name] = spec.defaultValue;
  return values;
}

/** Null if `hyper` has every spec'd value of the right kind within range and passes `validate`; else why not. */
export function validateHyperValues(definition: Pick<OptimizerDefinition, 'hyperSpecs' | 'validate'>, hyper: HyperValues): string | null {
  for (const spec of definition.hyperSpecs) {
    const problem = checkHyperValue(hyper[spec.name], spec, spec.name);
    if (problem !== undefined) return problem;
  }
  return definition.validate?.(hyper) ?? null;
}

function isPair(value: unknown): value is readonly [number, number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}
