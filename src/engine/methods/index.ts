import { OPTIMIZERS } from './first-order';
import { firstOrderMethod } from './first-order/adapter';
import { GRADIENT_FREE_METHODS } from './gradient-free';
import { LEAST_SQUARES_METHODS } from './least-squares';
import type { MethodDefinition } from './method';
import { QUASI_NEWTON_METHODS } from './quasi-newton';
import { SECOND_ORDER_METHODS } from './second-order';
import { ZEROTH_ORDER_METHODS } from './zeroth-order';

export type { MethodContext, MethodDefinition, MethodFamily, MethodInstance, MethodNeeds, MethodSpec } from './method';
export { METHOD_SPECS, getMethodSpec } from './catalogue';
export { METHOD_FAMILY_NAMES } from './method';
export type { HyperSpec, HyperValue, HyperValues } from './hyperparameters';
export type { MethodSnapshot } from './snapshot';
export type { MethodInspection, NarratedSubstep, StateQuantity } from './inspection';
export { defaultHyperValues, validateHyperValues } from './first-order/hyper';
export { unmetNeed } from './needs';

/**
 * Every method, in the order the picker lists them (family by family): a new method is a file in
 * its family's folder (its spec, then the spec with its `create`) and a line in each of that
 * folder's two lists in index.ts, the methods and the specs (catalogue.test.ts checks they agree);
 * a new torch-style optimizer is a line in first-order/index.ts, which reaches both through the adapter.
 */
export const METHODS: readonly MethodDefinition[] = /* @__PURE__ */ everyMethod();

/** The registry's list, made by a call marked pure so that a bundle which never reads it drops it (and the methods' code) whole. */
function everyMethod(): MethodDefinition[] {
  return [...OPTIMIZERS.map(firstOrderMethod), ...SECOND_ORDER_METHODS, ...LEAST_SQUARES_METHODS, ...QUASI_NEWTON_METHODS, ...GRADIENT_FREE_METHODS, ...ZEROTH_ORDER_METHODS];
}

// built on first use: a module that imports this one for something else (the page imports
// run-experiment.ts for resolveDomain) then carries no work, and the bundler can leave the methods'
// code out of the page's first paint (the page reads methods/catalogue.ts)
let byId: ReadonlyMap<string, MethodDefinition> | null = null;

/** The method with this id (`sgd`, `adam`, ...), or undefined. */
export function getMethod(id: string): MethodDefinition | undefined {
  byId ??= new Map(METHODS.map((method) => [method.id, method]));
  return byId.get(id);
}
