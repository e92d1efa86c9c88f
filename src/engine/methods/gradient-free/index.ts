import type { MethodDefinition } from '../method';
import { cmaEs } from './cma-es';
import { onePlusOneEs } from './one-plus-one-es';
import { randomSearch } from './random-search';
import { simulatedAnnealing } from './simulated-annealing';

// The gradient-free methods (random_search, simulated_annealing, nelder_mead, powell, one_plus_one_es, cma_es, pso, differential_evolution), one file each, listed here in the picker's order.

export const GRADIENT_FREE_METHODS: readonly MethodDefinition[] = [randomSearch, simulatedAnnealing, onePlusOneEs, cmaEs];
