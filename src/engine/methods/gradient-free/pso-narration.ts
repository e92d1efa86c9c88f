import type { MethodInspection, StateQuantity } from '../inspection';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { matrixQuantity, numberQuantity, stepEvaluationsQuantity, vectorQuantity } from './state-quantities';

// PSO's step for the inspector: the swarm, its velocities and bests, and the velocity update told for
// the first particle with its random factors, then the move, the evaluations and the new bests.

/** The swarm after a step or the start (copies). */
export interface Swarm {
  readonly positions: Float64Array;
  readonly values: Float64Array;
  readonly velocities: Float64Array;
  readonly personalBests: Float64Array;
  readonly personalBestValues: Float64Array;
  readonly globalBest: number;
}

/** Particle 1's update and the swarm's bests before it, recorded on the inspector's replay only. */
export interface ParticleStep {
  readonly position: Float64Array;
  readonly velocity: Float64Array;
  readonly personalBest: Float64Array;
  readonly globalBest: Float64Array;
  readonly globalBestValue: number;
  readonly r1: Float64Array;
  readonly r2: Float64Array;
  /** Particles whose own best improved this step. */
  improved: number;
}

/** The PSO coefficients. */
export interface SwarmCoefficients {
  readonly inertia: number;
  readonly cognitive: number;
  readonly social: number;
}

/** The inspection of the swarm after the start (`step` null) or a step. */
export function psoInspection(swarm: Swarm, n: number, coefficients: SwarmCoefficients, step: ParticleStep | null): MethodInspection {
  const size = swarm.values.length;
  const g = swarm.globalBest;
  const best = swarm.personalBests.subarray(g * n, (g + 1) * n);
  const state: StateQuantity[] = [
    matrixQuantity('population', 'particle positions', 'x_i', swarm.positions, size, n),
    vectorQuantity('populationValues', 'f at each particle', 'f(x_i)', swarm.values),
    matrixQuantity('velocities', 'particle velocities', 'v_i', swarm.velocities, size, n),
    matrixQuantity('personalBest', 'each particle\'s best position so far', 'p_i', swarm.personalBests, size, n),
    vectorQuantity('personalBestValues', 'f at each particle\'s best', 'f(p_i)', swarm.personalBestValues),
    vectorQuantity('globalBest', 'the swarm\'s best position (the trajectory point)', 'g', best),
    numberQuantity('bestValue', 'f at the swarm\'s best', 'f(g)', swarm.personalBestValues[g]),
    stepEvaluationsQuantity(size),
  ];
  if (step === null) return { state, narration: [] };
  const { inertia: w, cognitive: c1, social: c2 } = coefficients;
  const velocity = swarm.velocities.subarray(0, n);
  const position = swarm.positions.subarray(0, n);
  const improvedBest = swarm.personalBestValues[g] < step.globalBestValue;
  return {
    state,
    narration: [
      {
        sentence: `Each particle's velocity keeps ${word(w)} of itself and is pulled towards its own best (c1 = ${word(c1)}) and the swarm's best ${words(step.globalBest)} (c2 = ${word(c2)}) by random fractions r1, r2; for particle 1 at ${words(step.position)} with r1 = ${words(step.r1)}, r2 = ${words(step.r2)} it becomes ${words(velocity)}.`,
        rule: `v_1 \\leftarrow ${num(w)}\\, ${vec(step.velocity)} + ${num(c1)}\\, ${vec(step.r1)} \\odot (${vec(step.personalBest)} - x_1) + ${num(c2)}\\, ${vec(step.r2)} \\odot (${vec(step.globalBest)} - x_1) = ${vec(velocity)}`,
      },
      {
        sentence: `Every particle moves by its velocity: particle 1 from ${words(step.position)} to ${words(position)}.`,
        rule: `x_1 \\leftarrow x_1 + v_1 = ${vec(step.position)} + ${vec(velocity)} = ${vec(position)}`,
      },
      {
        sentence: `f was evaluated at all ${size} particles (${size} evaluations); ${step.improved} improved their own best, and the swarm's best ${improvedBest ? `moved to ${words(best)} with f = ${word(swarm.personalBestValues[g])}` : `stays at f = ${word(step.globalBestValue)}`}.`,
        rule: `f(g) = \\min_i f(p_i) = ${num(swarm.personalBestValues[g])}`,
      },
    ],
  };
}
