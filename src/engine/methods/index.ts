import { OPTIMIZERS } from './first-order';
import { firstOrderMethod } from './first-order/adapter';
import type { MethodDefinition } from './method';

export type { MethodContext, MethodDefinition, MethodFamily, MethodInstance, MethodNeeds } from './method';
export type { HyperSpec, HyperValue, HyperValues } from './hyperparameters';
export { defaultHyperValues, validateHyperValues } from './first-order/hyper';

/**
 * Every method, in the order the picker lists them: a new method is a file in first-order/,
 * second-order/ or gradient-free/ and a line here (a new torch-style optimizer: a line in
 * first-order/index.ts, which reaches this list through the adapter).
 */
export const METHODS: readonly MethodDefinition[] = [...OPTIMIZERS.map(firstOrderMethod)];

const BY_ID = new Map(METHODS.map((method) => [method.id, method]));

/** The method with this id (`sgd`, `adam`, ...), or undefined. */
export function getMethod(id: string): MethodDefinition | undefined {
  return BY_ID.get(id);
}
