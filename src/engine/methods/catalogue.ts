import { OPTIMIZERS } from './first-order';
import { firstOrderSpec } from './first-order/adapter';
import { GRADIENT_FREE_METHOD_SPECS } from './gradient-free';
import { LEAST_SQUARES_METHOD_SPECS } from './least-squares';
import type { MethodSpec } from './method';
import { QUASI_NEWTON_METHOD_SPECS } from './quasi-newton';
import { SECOND_ORDER_METHOD_SPECS } from './second-order';
import { ZEROTH_ORDER_METHOD_SPECS } from './zeroth-order';

// The methods as the page's main thread knows them: names, needs, hyperparameters and their rules,
// never their code (which runs in the workers and the CLI, through methods/index.ts). Importing
// this instead of the registry keeps ~20 KB gzip of method code out of the first paint
// (e2e/bundle-budget.spec.ts); catalogue.test.ts checks that it lists what METHODS lists.

/** Every method's spec, in the picker's order (the order of METHODS). */
export const METHOD_SPECS: readonly MethodSpec[] = [
  ...OPTIMIZERS.map(firstOrderSpec),
  ...SECOND_ORDER_METHOD_SPECS,
  ...LEAST_SQUARES_METHOD_SPECS,
  ...QUASI_NEWTON_METHOD_SPECS,
  ...GRADIENT_FREE_METHOD_SPECS,
  ...ZEROTH_ORDER_METHOD_SPECS,
];

const BY_ID = new Map(METHOD_SPECS.map((method) => [method.id, method]));

/** The spec of the method with this id (`sgd`, `adam`, `nelder_mead`, ...), or undefined. */
export function getMethodSpec(id: string): MethodSpec | undefined {
  return BY_ID.get(id);
}

export type { MethodContext, MethodFamily, MethodNeeds, MethodSpec } from './method';
export { METHOD_FAMILY_NAMES } from './method';
export type { HyperSpec, HyperValue, HyperValues } from './hyperparameters';
export type { MethodSnapshot } from './snapshot';
export { defaultHyperValues, validateHyperValues } from './first-order/hyper';
export { unmetNeed } from './needs';
