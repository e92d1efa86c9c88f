import type { MethodDefinition } from '../method';
import { spsa } from './spsa';
import { zoAdam } from './zo-adam';
import { zoSgd } from './zo-sgd';
import { zoSignSgd } from './zo-sign-sgd';

// The zeroth-order methods (spsa, zo_sgd, zo_sign_sgd, zo_adam), one file each, listed here in the picker's order.

export const ZEROTH_ORDER_METHODS: readonly MethodDefinition[] = [spsa, zoSgd, zoSignSgd, zoAdam];
