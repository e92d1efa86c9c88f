import type { MethodDefinition } from '../method';
import { newton } from './newton';
import { newtonCg } from './newton-cg';

// The second-order methods (newton, newton_cg), one file each, listed here in the picker's order.

export const SECOND_ORDER_METHODS: readonly MethodDefinition[] = [newton, newtonCg];
