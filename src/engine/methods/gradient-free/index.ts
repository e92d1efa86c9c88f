import type { MethodDefinition } from '../method';
import { differentialEvolution } from './differential-evolution';
import { nelderMead } from './nelder-mead';
import { powell } from './powell';
import { pso } from './pso';

// The gradient-free methods (random_search, simulated_annealing, nelder_mead, powell, one_plus_one_es, cma_es, pso, differential_evolution), one file each, listed here in the picker's order.

export const GRADIENT_FREE_METHODS: readonly MethodDefinition[] = [nelderMead, powell, pso, differentialEvolution];
