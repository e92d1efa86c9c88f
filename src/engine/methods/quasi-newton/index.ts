import type { MethodDefinition, MethodSpec } from '../method';
import { bfgs, bfgsSpec } from './bfgs';
import { cg, cgSpec } from './cg';
import { lbfgs, lbfgsSpec } from './lbfgs';

// The quasi-newton methods (bfgs, cg, lbfgs), one file each, listed here in the picker's order.

export const QUASI_NEWTON_METHODS: readonly MethodDefinition[] = [bfgs, cg, lbfgs];

/** The same methods' specs alone, in the same order (what the page's main thread reads: methods/catalogue.ts). */
export const QUASI_NEWTON_METHOD_SPECS: readonly MethodSpec[] = [bfgsSpec, cgSpec, lbfgsSpec];
