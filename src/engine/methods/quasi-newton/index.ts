import type { MethodDefinition } from '../method';
import { bfgs } from './bfgs';
import { cg } from './cg';
import { lbfgs } from './lbfgs';

// The quasi-newton methods (bfgs, cg, lbfgs), one file each, listed here in the picker's order.

export const QUASI_NEWTON_METHODS: readonly MethodDefinition[] = [bfgs, cg, lbfgs];
