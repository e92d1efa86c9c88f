import { describe, expect, it } from 'vitest';
import { getSurface } from '../../problems/surfaces';
import { Random } from '../../random';
import { METHOD_STREAM, runMethod } from '../../run';
import { deriveSeed } from '../../random';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import { getMethod } from '../index';
import { defaultSwarmSize, pso, PSO_ACCELERATION, PSO_INERTIA } from './pso';

const hyperOf = (overrides: HyperValues): HyperValues => ({ ...defaultHyperValues(pso.hyperSpecs), ...overrides });
const booth = getSurface('booth')!.create();
const start = [-3, 4];

describe('pso', () => {
  it('has Clerc and Kennedy’s constants and SPSO 2011’s swarm size', () => {
    // χ = 2 / |2 − φ − √(φ² − 4φ)| with φ = 4.1; c = χ·φ/2
    const phi = 4.1;
    const chi = 2 / Math.abs(2 - phi - Math.sqrt(phi * phi - 4 * phi));
    expect(PSO_INERTIA).toBeCloseTo(chi, 4);
    expect(PSO_ACCELERATION).toBeCloseTo((chi * phi) / 2, 4);
    expect(defaultSwarmSize(2)).toBe(12);
    expect(defaultSwarmSize(10)).toBe(16);
    expect(getMethod('pso')).toBe(pso);
  });

  it('evaluates f only: the swarm at the start and once per particle per step', () => {
    const result = runMethod({ objective: booth, method: pso, hyper: hyperOf({}), start, numSteps: 10, seed: 1 });
    expect(Array.from(result.evaluations.function)).toEqual(Array.from({ length: 11 }, (_, k) => 12 * (k + 1)));
    expect(result.evaluations.gradient.every((count) => count === 0)).toBe(true);
    expect(result.evaluations.hessian.every((count) => count === 0)).toBe(true);
  });

  it('takes its first steps by hand: v ← w·v + c1·r1·(p − x) + c2·r2·(g − x), x ← x + v', () => {
    // the draws in the documented order: particles 1.. uniform in the box, a velocity target per
    // particle (v = (u − x)/2), then per step r1, r2 per particle and coordinate; all particles
    // move, then the personal bests p and the global best g are updated (synchronously)
    const swarmSize = 4;
    const radius = 0.5;
    const numSteps = 3;
    const result = runMethod({ objective: booth, method: pso, hyper: hyperOf({ swarm_size: swarmSize, init_radius: radius }), start, numSteps, seed: 9 });
    const random = new Random(deriveSeed(9, METHOD_STREAM));
    const uniform = () => start.map((s) => s - radius + 2 * radius * random.nextFloat());
    const positions: number[][] = [];
    const velocities: number[][] = [];
    for (let i = 0; i < swarmSize; i++) {
      positions.push(i === 0 ? [...start] : uniform());
      const target = uniform();
      velocities.push(target.map((u, d) => (u - positions[i][d]) / 2));
    }
    expect(Array.from(result.snapshots![0]!.population!)).toEqual(positions.flat());
    const personalBests = positions.map((x) => [...x]);
    const personalBestValues = positions.map((x) => booth.value(x));
    const globalBest = () => personalBests[personalBestValues.indexOf(Math.min(...personalBestValues))];
    for (let k = 1; k <= numSteps; k++) {
      const best = globalBest();
      for (let i = 0; i < swarmSize; i++) {
        for (let d = 0; d < 2; d++) {
          const r1 = random.nextFloat();
          const r2 = random.nextFloat();
          const x = positions[i][d];
          velocities[i][d] = 0.7298 * velocities[i][d] + 1.49618 * r1 * (personalBests[i][d] - x) + 1.49618 * r2 * (best[d] - x);
          positions[i][d] = x + velocities[i][d];
        }
      }
      positions.forEach((x, i) => {
        const value = booth.value(x);
        if (value < personalBestValues[i]) {
          personalBestValues[i] = value;
          personalBests[i] = [...x];
        }
      });
      const population = result.snapshots![k]!.population!;
      positions.flat().forEach((value, index) => expect(population[index]).toBeCloseTo(value, 13));
      // the point is the global best position seen
      globalBest().forEach((value, d) => expect(result.trajectory[2 * k + d]).toBeCloseTo(value, 13));
      expect(result.loss[k]).toBeCloseTo(Math.min(...personalBestValues), 12);
    }
  });

  it('draws the swarm in the box around the start (the start is particle 0), or in the view', () => {
    const around = runMethod({ objective: booth, method: pso, hyper: hyperOf({ init_radius: 0.25 }), start, numSteps: 0, seed: 2 }).snapshots![0]!.population!;
    for (let i = 0; i < 12; i++) {
      expect(Math.abs(around[2 * i] - start[0])).toBeLessThanOrEqual(0.25);
      expect(Math.abs(around[2 * i + 1] - start[1])).toBeLessThanOrEqual(0.25);
    }
    expect([around[0], around[1]]).toEqual(start);
    const domain = [[10, 11], [20, 21]] as const;
    const inView = runMethod({ objective: booth, method: pso, hyper: hyperOf({ init_region: 'view' }), start, numSteps: 0, seed: 2, domain }).snapshots![0]!.population!;
    for (let i = 1; i < 12; i++) expect(inView[2 * i] >= 10 && inView[2 * i] <= 11 && inView[2 * i + 1] >= 20 && inView[2 * i + 1] <= 21).toBe(true);
  });

  it('moves the point to the global best, whose f never rises, and finds the minimum', () => {
    const result = runMethod({ objective: booth, method: pso, hyper: hyperOf({}), start, numSteps: 100, seed: 3 });
    for (let k = 1; k <= 100; k++) {
      expect(result.loss[k]).toBeLessThanOrEqual(result.loss[k - 1]);
      expect(result.loss[k]).toBe(result.bestLoss[k]);
    }
    expect(result.loss[100]).toBeLessThan(1e-8);
  });

  it('runs in n dimensions with the n-D swarm size', () => {
    const rosenbrock = getSurface('rosenbrock')!.nDimensional!.create(undefined, 10);
    const result = runMethod({ objective: rosenbrock, method: pso, hyper: hyperOf({}), start: new Array(10).fill(0), numSteps: 50, seed: 4 });
    expect(result.evaluations.function[1]).toBe(32);
    expect(result.snapshots![1]!.population!.length).toBe(160);
    expect(result.loss[50]).toBeLessThan(result.loss[0]);
  });

  it('is deterministic per seed', () => {
    const run = (seed: number) => runMethod({ objective: booth, method: pso, hyper: hyperOf({}), start, numSteps: 10, seed });
    expect(run(7).trajectory).toEqual(run(7).trajectory);
    expect(run(7).snapshots).toEqual(run(7).snapshots);
    expect(run(8).trajectory).not.toEqual(run(7).trajectory);
  });

  it('takes 0 for SPSO 2011’s swarm size, and runs a swarm of one (its own best is the swarm’s)', () => {
    const one = runMethod({ objective: booth, method: pso, hyper: hyperOf({ swarm_size: 1 }), start, numSteps: 5, seed: 1 });
    expect(Array.from(one.evaluations.function)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(one.loss[5]).toBeLessThanOrEqual(one.loss[0]);
  });
});
