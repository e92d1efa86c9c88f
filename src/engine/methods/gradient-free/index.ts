import type { MethodDefinition, MethodSpec } from '../method';
import { cmaEs, cmaEsSpec } from './cma-es';
import { differentialEvolution, differentialEvolutionSpec } from './differential-evolution';
import { nelderMead, nelderMeadSpec } from './nelder-mead';
import { onePlusOneEs, onePlusOneEsSpec } from './one-plus-one-es';
import { powell, powellSpec } from './powell';
import { pso, psoSpec } from './pso';
import { randomSearch, randomSearchSpec } from './random-search';
import { simulatedAnnealing, simulatedAnnealingSpec } from './simulated-annealing';

// The gradient-free methods, one file each, listed here in the picker's order: the simplest
// searches first, then the deterministic direct searches, then the population methods.

export const GRADIENT_FREE_METHODS: readonly MethodDefinition[] = [randomSearch, simulatedAnnealing, nelderMead, powell, onePlusOneEs, cmaEs, pso, differentialEvolution];

/** The same methods' specs alone, in the same order (what the page's main thread reads: methods/catalogue.ts). */
export const GRADIENT_FREE_METHOD_SPECS: readonly MethodSpec[] = [randomSearchSpec, simulatedAnnealingSpec, nelderMeadSpec, powellSpec, onePlusOneEsSpec, cmaEsSpec, psoSpec, differentialEvolutionSpec];
