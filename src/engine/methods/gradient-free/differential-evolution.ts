import type { Oracle } from '../../oracle';
import { Random } from '../../random';
import { choiceHyper, numberHyper, pairHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec } from '../method';
import { differentialEvolutionInspection, type Generation } from './differential-evolution-narration';
import { INITIAL_BOX_SPECS, initialBox, randomIndex, sampleUniform, type InitialBox } from './initial-box';

// Differential evolution (Storn & Price 1997) with scipy.optimize.differential_evolution's `best1bin`
// semantics and defaults (scipy 1.10, _differentialevolution.py), one step = one generation:
// - population max(5, popsize·n); member 0 is always the best (scipy's _promote_lowest_energy swaps
//   the lowest f into row 0 after the initial evaluation and whenever a trial beats it);
// - per generation the mutation factor F ~ U(mutation[0], mutation[1]) (dithering);
// - per candidate, in scipy's order of draws: a forced index j* ~ U{0..n−1}, two distinct members
//   r0, r1 other than the candidate, then b' = x_best + F·(x_r0 − x_r1) and binomial crossover: the
//   trial takes b'_j where u_j < recombination or j = j*, the candidate's x_j elsewhere;
// - selection: the trial replaces the candidate when f(trial) ≤ f(candidate); `updating: immediate`
//   (scipy's default) does this at once, so later candidates of the generation mutate around a best
//   that may already be new; `deferred` builds every trial from the old population first;
// - stopping test after each generation: std(f of the population) ≤ atol + tol·|mean f| (np.std).
// Where we differ, having no bounds: the first population is a Latin hypercube (or uniform) sample of
// the initial box (initial-box.ts) with member 0 replaced by the start, as scipy does with `x0`;
// trials are never clipped or resampled into bounds (scipy's _ensure_constraint) and there is no
// polishing. Our draws come from our PRNG, so paths match scipy's in distribution, not draw for draw.
// The trajectory point is the best member; the snapshot is the population after selection.

/** `std(f) ≤ atol + tol·|mean f|`: scipy's convergence test. */
export const DE_CONVERGED = 'std(f) ≤ atol + tol·|mean f|';

/** Differential evolution, scipy's best1bin strategy. */
export const differentialEvolutionSpec: MethodSpec = {
  id: 'differential_evolution',
  name: 'Differential evolution',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`b' = x_{\text{best}} + F\,(x_{r_0} - x_{r_1}),\quad u_j = \begin{cases} b'_j & r_j < CR \text{ or } j = j^* \\ x_{i,j} & \text{otherwise} \end{cases},\quad x_i \leftarrow u \text{ if } f(u) \le f(x_i)`,
  hyperSpecs: [
    { kind: 'number', name: 'popsize', defaultValue: 15, min: 1, max: 1000, integer: true, description: 'population = max(5, popsize·n) members' },
    { kind: 'pair', name: 'mutation', defaultValue: [0.5, 1], min: 0, max: 2, exclusiveMax: true, description: 'mutation factor F drawn uniformly from (min, max) each generation (dithering); equal ends: a fixed F' },
    { kind: 'number', name: 'recombination', defaultValue: 0.7, min: 0, max: 1, description: 'crossover probability CR per coordinate' },
    { kind: 'choice', name: 'init', defaultValue: 'latinhypercube', options: ['latinhypercube', 'random'], description: 'how the first population samples the initial box' },
    { kind: 'choice', name: 'updating', defaultValue: 'immediate', options: ['immediate', 'deferred'], description: 'a better trial replaces its member at once, or after the whole generation' },
    { kind: 'number', name: 'tol', defaultValue: 0.01, min: 0, max: 1e6, description: 'relative tolerance of the convergence test std(f) ≤ atol + tol·|mean f|' },
    { kind: 'number', name: 'atol', defaultValue: 0, min: 0, max: 1e12, description: 'absolute tolerance of the convergence test' },
    ...INITIAL_BOX_SPECS,
  ],
};

/** differential_evolution: its spec and its implementation (what runs in the workers and the CLI). */
export const differentialEvolution: MethodDefinition = {
  ...differentialEvolutionSpec,
  create(hyper, context) {
    const { dimension } = context;
    const populationSize = Math.max(5, numberHyper(hyper, 'popsize') * dimension);
    const [lowMutation, highMutation] = [...pairHyper(hyper, 'mutation')].sort((a, b) => a - b);
    const recombination = numberHyper(hyper, 'recombination');
    const latinHypercube = choiceHyper(hyper, 'init') === 'latinhypercube';
    const immediate = choiceHyper(hyper, 'updating') === 'immediate';
    const tol = numberHyper(hyper, 'tol');
    const atol = numberHyper(hyper, 'atol');
    const random = new Random(context.seed);
    // member i's coordinates at [i·n, (i + 1)·n); f of member i in energies[i] (scipy's names)
    const population = new Float64Array(populationSize * dimension);
    const energies = new Float64Array(populationSize);
    const trials = new Float64Array((immediate ? 1 : populationSize) * dimension);
    const trialEnergies = new Float64Array(populationSize);
    const inspecting = context.inspecting === true;
    /** The latest generation as the inspector tells it (kept on its replay only). */
    let latest: Generation | null = null;
    /** Notes candidate 0's trial and each replacement on the inspector's replay. */
    const note = (candidate: number, trial: Float64Array, energy: number, replaced: boolean) => {
      if (latest === null) return;
      if (candidate === 0) latest = { ...latest, firstTrial: trial.slice(), firstTrialValue: energy };
      if (replaced) latest.replaced++;
    };

    /** Swaps the member with the lowest f into row 0 (scipy's _promote_lowest_energy; NaN never wins). */
    const promoteLowestEnergy = () => {
      let lowest = 0;
      for (let i = 1; i < populationSize; i++) if (energies[i] < energies[lowest] || Number.isNaN(energies[lowest])) lowest = i;
      if (lowest === 0) return;
      [energies[0], energies[lowest]] = [energies[lowest], energies[0]];
      for (let d = 0; d < dimension; d++) {
        const offset = lowest * dimension + d;
        [population[d], population[offset]] = [population[offset], population[d]];
      }
    };

    /** Writes candidate's trial vector (best1bin) into `trials` at `trialOffset`, drawing as scipy's _mutate. */
    const mutate = (candidate: number, scale: number, trialOffset: number) => {
      const forcedIndex = randomIndex(random, dimension);
      // two distinct members other than the candidate, uniformly (scipy shuffles and takes the
      // first two): draw among the members left and step over the ones excluded
      let first = randomIndex(random, populationSize - 1);
      if (first >= candidate) first++;
      let second = randomIndex(random, populationSize - 2);
      if (second >= Math.min(candidate, first)) second++;
      if (second >= Math.max(candidate, first)) second++;
      const firstOffset = first * dimension;
      const secondOffset = second * dimension;
      const own = candidate * dimension;
      for (let j = 0; j < dimension; j++) {
        const crossover = random.nextFloat() < recombination || j === forcedIndex;
        trials[trialOffset + j] = crossover ? population[j] + scale * (population[firstOffset + j] - population[secondOffset + j]) : population[own + j];
      }
    };

    const evolveImmediately = (oracle: Oracle, scale: number) => {
      for (let candidate = 0; candidate < populationSize; candidate++) {
        mutate(candidate, scale, 0);
        const energy = oracle.value(trials);
        note(candidate, trials, energy, energy <= energies[candidate]);
        if (energy <= energies[candidate]) {
          population.set(trials, candidate * dimension);
          energies[candidate] = energy;
          if (energy <= energies[0]) promoteLowestEnergy();
        }
      }
    };

    const evolveDeferred = (oracle: Oracle, scale: number) => {
      for (let candidate = 0; candidate < populationSize; candidate++) mutate(candidate, scale, candidate * dimension);
      for (let candidate = 0; candidate < populationSize; candidate++) {
        trialEnergies[candidate] = oracle.value(trials.subarray(candidate * dimension, (candidate + 1) * dimension));
      }
      for (let candidate = 0; candidate < populationSize; candidate++) {
        note(candidate, trials.subarray(candidate * dimension, (candidate + 1) * dimension), trialEnergies[candidate], trialEnergies[candidate] <= energies[candidate]);
        if (trialEnergies[candidate] <= energies[candidate]) {
          population.set(trials.subarray(candidate * dimension, (candidate + 1) * dimension), candidate * dimension);
          energies[candidate] = trialEnergies[candidate];
        }
      }
      promoteLowestEnergy();
    };

    return {
      start(point, oracle) {
        const box = initialBox(point, hyper, context.domain);
        if (latinHypercube) sampleLatinHypercube(box, random, population, populationSize);
        else for (let i = 0; i < populationSize; i++) sampleUniform(box, random, population, i * dimension);
        // the start replaces member 0, as scipy's x0 does
        population.set(point, 0);
        for (let i = 0; i < populationSize; i++) energies[i] = oracle.value(population.subarray(i * dimension, (i + 1) * dimension));
        const startEnergy = energies[0];
        promoteLowestEnergy();
        return startEnergy;
      },
      step(point, oracle) {
        const scale = lowMutation + (highMutation - lowMutation) * random.nextFloat();
        if (inspecting) {
          const member = population.slice(0, dimension);
          latest = { scale, firstMember: member, firstMemberValue: energies[0], firstTrial: member, firstTrialValue: NaN, replaced: 0, previousBestValue: energies[0] };
        }
        if (immediate) evolveImmediately(oracle, scale);
        else evolveDeferred(oracle, scale);
        for (let d = 0; d < dimension; d++) point[d] = population[d];
        return energies[0];
      },
      stoppingTest() {
        // np.std (population, ddof = 0); an infinite or NaN f makes it NaN, which never passes
        let sum = 0;
        for (let i = 0; i < populationSize; i++) sum += energies[i];
        const mean = sum / populationSize;
        let squares = 0;
        for (let i = 0; i < populationSize; i++) squares += (energies[i] - mean) ** 2;
        const deviation = Math.sqrt(squares / populationSize);
        return deviation <= atol + tol * Math.abs(mean) ? DE_CONVERGED : null;
      },
      snapshot: () => ({ population: population.slice() }),
      inspect: () => differentialEvolutionInspection(population, energies, dimension, recombination, latest),
    };
  },
};

/**
 * Latin hypercube sample of `box` (scipy's _init_population_lhs): member k's coordinate j lies in
 * stratum order_j[k] of `count` equal strata, uniformly within it, with an independent random
 * permutation order_j per coordinate.
 */
function sampleLatinHypercube(box: InitialBox, random: Random, out: Float64Array, count: number): void {
  const dimension = box.lower.length;
  const strata = new Float64Array(count);
  const order = new Int32Array(count);
  for (let j = 0; j < dimension; j++) {
    for (let k = 0; k < count; k++) strata[k] = (k + random.nextFloat()) / count;
    for (let k = 0; k < count; k++) order[k] = k;
    for (let k = count - 1; k > 0; k--) {
      const pick = randomIndex(random, k + 1);
      [order[k], order[pick]] = [order[pick], order[k]];
    }
    const width = box.upper[j] - box.lower[j];
    for (let k = 0; k < count; k++) out[k * dimension + j] = box.lower[j] + width * strata[order[k]];
  }
}
