import type { MethodDefinition, MethodSpec } from '../method';
import { newton, newtonSpec } from './newton';
import { newtonCg, newtonCgSpec } from './newton-cg';

// The second-order methods (newton, newton_cg), one file each, listed here in the picker's order.

export const SECOND_ORDER_METHODS: readonly MethodDefinition[] = [newton, newtonCg];

/** The same methods' specs alone, in the same order (what the page's main thread reads: methods/catalogue.ts). */
export const SECOND_ORDER_METHOD_SPECS: readonly MethodSpec[] = [newtonSpec, newtonCgSpec];
