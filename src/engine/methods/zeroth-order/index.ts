import type { MethodDefinition } from '../method';

// The zeroth-order methods (spsa, zo_sgd, zo_sign_sgd, zo_adam), one file each, listed here in the picker's order.

export const ZEROTH_ORDER_METHODS: readonly MethodDefinition[] = [];
