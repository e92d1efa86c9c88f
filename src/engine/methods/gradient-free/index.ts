import type { MethodDefinition } from '../method';
import { cmaEs } from './cma-es';
import { differentialEvolution } from './differential-evolution';
import { nelderMead } from './nelder-mead';
import { onePlusOneEs } from './one-plus-one-es';
import { powell } from './powell';
import { pso } from './pso';
import { randomSearch } from './random-search';
import { simulatedAnnealing } from './simulated-annealing';

// The gradient-free methods, one file each, listed here in the picker's order: the simplest
// searches first, then the deterministic direct searches, then the population methods.

export const GRADIENT_FREE_METHODS: readonly MethodDefinition[] = [randomSearch, simulatedAnnealing, nelderMead, powell, onePlusOneEs, cmaEs, pso, differentialEvolution];
