import type { MethodDefinition, MethodSpec } from '../method';
import { spsa, spsaSpec } from './spsa';
import { zoAdam, zoAdamSpec } from './zo-adam';
import { zoSgd, zoSgdSpec } from './zo-sgd';
import { zoSignSgd, zoSignSgdSpec } from './zo-sign-sgd';

// The zeroth-order methods (spsa, zo_sgd, zo_sign_sgd, zo_adam), one file each, listed here in the picker's order.

export const ZEROTH_ORDER_METHODS: readonly MethodDefinition[] = [spsa, zoSgd, zoSignSgd, zoAdam];

/** The same methods' specs alone, in the same order (what the page's main thread reads: methods/catalogue.ts). */
export const ZEROTH_ORDER_METHOD_SPECS: readonly MethodSpec[] = [spsaSpec, zoSgdSpec, zoSignSgdSpec, zoAdamSpec];
