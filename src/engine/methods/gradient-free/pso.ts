import type { Oracle } from '../../oracle';
import { Random } from '../../random';
import { numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec } from '../method';
import { INITIAL_BOX_SPECS, initialBox, sampleUniform } from './initial-box';
import { psoInspection, type ParticleStep } from './pso-narration';

// Global-best particle swarm optimisation (Kennedy & Eberhart 1995) in the inertia form with Clerc
// and Kennedy's (2002) constriction constants: χ = 0.7298 and φ1 = φ2 = 2.05 give w = χ = 0.7298 and
// c1 = c2 = χ·2.05 = 1.49618, which is the constricted update written out. Per particle i and
// coordinate d, with r1, r2 ~ U[0, 1) drawn afresh for each:
//   v ← w·v + c1·r1·(pᵢ − x) + c2·r2·(g − x),   x ← x + v
// pᵢ is the particle's best position, g the swarm's. All particles move, then are evaluated, then
// the bests are updated (synchronous update, as pyswarms' GlobalBestPSO).
// Start: particle 0 is the start point (so the swarm is never worse than it, as scipy's x0 does for
// differential evolution), the others uniform in the initial box (initial-box.ts); velocities
// (u − x)/2 with u uniform in the box (SPSO 2007). The start evaluates the whole swarm.
// The trajectory point is the global best g; the snapshot is the swarm's current positions.

/** PSO's w, the inertia (Clerc-Kennedy constriction factor χ). */
export const PSO_INERTIA = 0.7298;
/** PSO's c1 = c2, χ·φ/2 with φ = 4.1. */
export const PSO_ACCELERATION = 1.49618;

/** SPSO 2011's swarm size for n coordinates: 10 + ⌊2√n⌋. */
export function defaultSwarmSize(dimension: number): number {
  return 10 + Math.floor(2 * Math.sqrt(dimension));
}

/** Global-best particle swarm optimisation with Clerc-Kennedy constriction constants. */
export const psoSpec: MethodSpec = {
  id: 'pso',
  name: 'Particle swarm',
  family: 'gradient-free',
  needs: { value: true, gradient: false, hessian: false },
  updateRule: String.raw`v_i \leftarrow w\,v_i + c_1 r_1 \odot (p_i - x_i) + c_2 r_2 \odot (g - x_i),\quad x_i \leftarrow x_i + v_i`,
  hyperSpecs: [
    { kind: 'number', name: 'swarm_size', defaultValue: 0, min: 0, max: 10000, integer: true, description: 'particles (0: 10 + ⌊2√n⌋, as SPSO 2011)' },
    { kind: 'number', name: 'w', defaultValue: PSO_INERTIA, min: 0, max: 2, description: 'inertia w (0.7298: Clerc-Kennedy constriction)' },
    { kind: 'number', name: 'c1', defaultValue: PSO_ACCELERATION, min: 0, max: 5, description: 'cognitive coefficient c1: pull towards the particle’s own best' },
    { kind: 'number', name: 'c2', defaultValue: PSO_ACCELERATION, min: 0, max: 5, description: 'social coefficient c2: pull towards the swarm’s best' },
    ...INITIAL_BOX_SPECS,
  ],
};

/** pso: its spec and its implementation (what runs in the workers and the CLI). */
export const pso: MethodDefinition = {
  ...psoSpec,
  create(hyper, context) {
    const { dimension } = context;
    const requested = numberHyper(hyper, 'swarm_size');
    const swarmSize = requested === 0 ? defaultSwarmSize(dimension) : requested;
    const inertia = numberHyper(hyper, 'w');
    const cognitive = numberHyper(hyper, 'c1');
    const social = numberHyper(hyper, 'c2');
    const random = new Random(context.seed);
    // particle i's coordinates at [i·n, (i + 1)·n)
    const positions = new Float64Array(swarmSize * dimension);
    const velocities = new Float64Array(swarmSize * dimension);
    const personalBests = new Float64Array(swarmSize * dimension);
    const personalBestValues = new Float64Array(swarmSize);
    const values = new Float64Array(swarmSize);
    let globalBest = 0;
    const inspecting = context.inspecting === true;
    /** The latest step as the inspector tells it (kept on its replay only). */
    let latest: ParticleStep | null = null;

    /** Evaluates every particle, then updates the personal and global bests. */
    const evaluateSwarm = (oracle: Oracle) => {
      for (let i = 0; i < swarmSize; i++) values[i] = oracle.value(positions.subarray(i * dimension, (i + 1) * dimension));
      for (let i = 0; i < swarmSize; i++) {
        // NaN never improves a best (the comparison is false)
        if (values[i] < personalBestValues[i]) {
          if (latest !== null) latest.improved++;
          personalBestValues[i] = values[i];
          for (let d = 0; d < dimension; d++) personalBests[i * dimension + d] = positions[i * dimension + d];
        }
        if (personalBestValues[i] < personalBestValues[globalBest]) globalBest = i;
      }
    };

    return {
      start(point, oracle) {
        const box = initialBox(point, hyper, context.domain);
        const target = new Float64Array(dimension);
        for (let i = 0; i < swarmSize; i++) {
          const offset = i * dimension;
          if (i === 0) positions.set(point, 0);
          else sampleUniform(box, random, positions, offset);
          sampleUniform(box, random, target, 0);
          for (let d = 0; d < dimension; d++) velocities[offset + d] = (target[d] - positions[offset + d]) / 2;
        }
        personalBestValues.fill(Infinity);
        evaluateSwarm(oracle);
        return values[0];
      },
      step(point, oracle) {
        const bestOffset = globalBest * dimension;
        if (inspecting) {
          latest = {
            position: positions.slice(0, dimension),
            velocity: velocities.slice(0, dimension),
            personalBest: personalBests.slice(0, dimension),
            globalBest: personalBests.slice(bestOffset, bestOffset + dimension),
            globalBestValue: personalBestValues[globalBest],
            r1: new Float64Array(dimension),
            r2: new Float64Array(dimension),
            improved: 0,
          };
        }
        for (let i = 0; i < swarmSize; i++) {
          const offset = i * dimension;
          for (let d = 0; d < dimension; d++) {
            const x = positions[offset + d];
            const r1 = random.nextFloat();
            const r2 = random.nextFloat();
            if (latest !== null && i === 0) {
              latest.r1[d] = r1;
              latest.r2[d] = r2;
            }
            const velocity = inertia * velocities[offset + d] + cognitive * r1 * (personalBests[offset + d] - x) + social * r2 * (personalBests[bestOffset + d] - x);
            velocities[offset + d] = velocity;
            positions[offset + d] = x + velocity;
          }
        }
        evaluateSwarm(oracle);
        for (let d = 0; d < dimension; d++) point[d] = personalBests[globalBest * dimension + d];
        return personalBestValues[globalBest];
      },
      snapshot: () => ({ population: positions.slice() }),
      inspect: () =>
        psoInspection({ positions, values, velocities, personalBests, personalBestValues, globalBest }, dimension, { inertia, cognitive, social }, latest),
    };
  },
};
