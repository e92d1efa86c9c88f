import { describe, expect, it } from 'vitest';
import { bowl } from './bowl.test-helper';
import type { Objective } from './objective';
import { getOptimizer } from './methods/first-order';
import { defaultHyperValues } from './methods/first-order/hyper';
import type { HyperValues } from './methods/first-order/optimizer';
import { Random } from './random';
import { firstOrderMethod, runOptimizer, type OptimizerRunOptions } from './methods/first-order/adapter';
import type { MethodDefinition } from './methods/method';
import { Runner, runMethod, type RunOptions } from './run';
import { learningRateAt } from './schedules';

const sgd = getOptimizer('sgd')!;
const sgdHyper = (overrides: HyperValues): HyperValues => ({ ...defaultHyperValues(sgd.hyperSpecs), ...overrides });

/** f(x, y) = a·x + b·y (gradient (a, b) everywhere), with hooks to make f or ∇f misbehave. */
function plane(a: number, b: number, valueAt: (x: number, y: number) => number = (x, y) => a * x + b * y): Objective {
  return {
    dimension: 2,
    value: (p) => valueAt(p[0], p[1]),
    valueAndGradient(p, gradient) {
      gradient[0] = a;
      gradient[1] = b;
      return valueAt(p[0], p[1]);
    },
    hessian: (_p, hessian) => hessian.fill(0),
  };
}


describe('runOptimizer', () => {
  it('records the start and every point with its loss', () => {
    // gradient descent on x² + y² with γ = 0.25 halves the point each step: (4, −2) → (2, −1) → (1, −0.5)
    const result = runOptimizer({ objective: bowl, optimizer: sgd, hyper: sgdHyper({ lr: 0.25 }), start: [4, -2], numSteps: 2 });
    expect(result.dimension).toBe(2);
    expect(Array.from(result.trajectory)).toEqual([4, -2, 2, -1, 1, -0.5]);
    expect(Array.from(result.loss)).toEqual([20, 5, 1.25]);
    expect(result.diverged).toBeNull();
  });

  it('applies noise, then clipping, then the scheduled learning rate, in that order', () => {
    // on a plane ∇f = (3, −4) everywhere, so each update is −lr_k · clip(g + σz_k) with z from Random(seed)
    const options: OptimizerRunOptions = {
      objective: plane(3, -4),
      optimizer: sgd,
      hyper: sgdHyper({ lr: 0.5 }),
      start: [0, 0],
      numSteps: 5,
      noise: 0.7,
      seed: 11,
      clip: { type: 'value', clip_value: 3.5 },
      schedule: { type: 'exponential', gamma: 0.5 },
    };
    const result = runOptimizer(options);
    const random = new Random(11);
    const expected = [0, 0];
    const point = [0, 0];
    for (let step = 0; step < 5; step++) {
      const noisy = [3 + 0.7 * random.nextGaussian(), -4 + 0.7 * random.nextGaussian()];
      const clipped = noisy.map((g) => Math.min(Math.max(g, -3.5), 3.5));
      const learningRate = learningRateAt(options.schedule!, 0.5, step);
      for (let i = 0; i < 2; i++) point[i] -= learningRate * clipped[i];
      expected.push(...point);
    }
    expect(Array.from(result.trajectory)).toEqual(expected);
  });

  it('is reproducible from the seed, and a different seed gives a different run', () => {
    const options: OptimizerRunOptions = { objective: bowl, optimizer: sgd, hyper: sgdHyper({ lr: 0.1 }), start: [1, 1], numSteps: 20, noise: 1, seed: 5 };
    expect(runOptimizer(options).trajectory).toEqual(runOptimizer(options).trajectory);
    expect(runOptimizer({ ...options, seed: 6 }).trajectory).not.toEqual(runOptimizer(options).trajectory);
  });
});

describe('divergence', () => {
  it('stops when |coordinate| > 1e12, keeping the last good point', () => {
    // SGD with γ = 1 on f = −4e11·x moves x by +4e11 per step: 4e11, 8e11, then 1.2e12 > 1e12
    const result = runOptimizer({ objective: plane(-4e11, 0), optimizer: sgd, hyper: sgdHyper({ lr: 1 }), start: [0, 0], numSteps: 10 });
    expect(result.diverged).toEqual({ step: 3, reason: '|x| exceeded 1e12' });
    expect(Array.from(result.trajectory)).toEqual([0, 0, 4e11, 0, 8e11, 0]);
    expect(result.loss.length).toBe(3);
  });

  it('names the coordinate that became NaN or infinite', () => {
    const nan = runOptimizer({ objective: plane(0, Number.NaN, () => 0), optimizer: sgd, hyper: sgdHyper({ lr: 1 }), start: [0, 0], numSteps: 10 });
    expect(nan.diverged).toEqual({ step: 1, reason: 'y became NaN' });
    expect(Array.from(nan.trajectory)).toEqual([0, 0]);
    const infinite = runOptimizer({ objective: plane(-Infinity, 0, () => 0), optimizer: sgd, hyper: sgdHyper({ lr: 1 }), start: [0, 0], numSteps: 10 });
    expect(infinite.diverged).toEqual({ step: 1, reason: 'x became infinite' });
  });

  it('stops when f is not finite at the new point', () => {
    // x moves 1 per step; f = log(2 − x) is finite at 0 and 1, infinite at 2, NaN beyond
    const logObjective = plane(-1, 0, (x) => Math.log(2 - x));
    const atTwo = runOptimizer({ objective: logObjective, optimizer: sgd, hyper: sgdHyper({ lr: 1 }), start: [0, 0], numSteps: 10 });
    expect(atTwo.diverged).toEqual({ step: 2, reason: 'f is infinite (division by zero or overflow?)' });
    expect(Array.from(atTwo.trajectory)).toEqual([0, 0, 1, 0]);
    const pastTwo = runOptimizer({ objective: logObjective, optimizer: sgd, hyper: sgdHyper({ lr: 1.5 }), start: [0, 0], numSteps: 10 });
    expect(pastTwo.diverged).toEqual({ step: 2, reason: 'f is NaN (log or sqrt of a negative number?)' });
  });

  it('reports step 0 when f is not finite at the start; the trajectory is the start alone', () => {
    const result = runOptimizer({ objective: plane(1, 0, (x) => Math.log(x)), optimizer: sgd, hyper: sgdHyper({ lr: 1 }), start: [-1, 0], numSteps: 10 });
    expect(result.diverged).toEqual({ step: 0, reason: 'f is NaN at the start point (log or sqrt of a negative number?)' });
    expect(Array.from(result.trajectory)).toEqual([-1, 0]);
    expect(result.loss.length).toBe(1);
  });
});

describe('Runner', () => {
  const options: RunOptions = {
    objective: bowl,
    method: firstOrderMethod(getOptimizer('adam')!),
    hyper: { ...defaultHyperValues(getOptimizer('adam')!.hyperSpecs), lr: 0.05 },
    start: [1.5, -0.5],
    numSteps: 4, // only sizes the first buffers: advancing further grows them
    noise: 0.3,
    seed: 3,
    schedule: { type: 'cosine', T_max: 40, eta_min: 0.001 },
  };

  it('advancing in chunks gives the same run as one call (schedule and noise carry on)', () => {
    const whole = runMethod({ ...options, numSteps: 50 });
    const runner = new Runner(options);
    expect(runner.advance(7)).toBe(7);
    const partial = runner.result();
    runner.advance(30);
    runner.advance(13);
    expect(runner.stepsTaken).toBe(50);
    expect(runner.result()).toEqual(whole);
    // earlier results are copies: later steps do not change them
    expect(partial.trajectory.length).toBe(16);
    expect(Array.from(partial.trajectory)).toEqual(Array.from(whole.trajectory.slice(0, 16)));
  });

  it('does nothing more after divergence', () => {
    const runner = new Runner({ objective: plane(-4e11, 0), method: firstOrderMethod(sgd), hyper: sgdHyper({ lr: 1 }), start: [0, 0], numSteps: 1 });
    expect(runner.advance(10)).toBe(2);
    expect(runner.diverged?.step).toBe(3);
    expect(runner.advance(10)).toBe(0);
    expect(runner.stepsTaken).toBe(2);
  });

  it('rejects a start of the wrong dimension', () => {
    expect(() => new Runner({ ...options, start: [1, 2, 3] })).toThrow(RangeError);
  });
});

describe('Runner without recording (record: false)', () => {
  it('ends at the same point, loss, best loss and divergence as a recorded run', () => {
    const adam = getOptimizer('adam')!;
    const hyper = { ...defaultHyperValues(adam.hyperSpecs), lr: 0.3 };
    for (const noise of [0, 0.5]) {
      const options: RunOptions = { objective: bowl, method: firstOrderMethod(adam), hyper, start: [3, -1], numSteps: 40, noise, seed: 5 };
      const recorded = new Runner(options);
      const lean = new Runner({ ...options, record: false });
      recorded.advance(40);
      lean.advance(40);
      const full = recorded.result();
      const last = new Float64Array(2);
      lean.copyLastPoint(last);
      expect(Array.from(last)).toEqual(Array.from(full.trajectory.slice(-2)));
      expect(lean.lastLoss).toBe(full.loss[full.loss.length - 1]);
      expect(lean.bestLoss).toBe(Math.min(...full.loss));
      expect(lean.stepsTaken).toBe(40);
      expect(lean.result().loss.length).toBe(1);
    }
  });

  it('keeps the last finite point of a diverging run', () => {
    const options: RunOptions = { objective: bowl, method: firstOrderMethod(sgd), hyper: sgdHyper({ lr: 1e6 }), start: [1, 1], numSteps: 50 };
    const recorded = new Runner(options);
    const lean = new Runner({ ...options, record: false });
    recorded.advance(50);
    lean.advance(50);
    const full = recorded.result();
    const last = new Float64Array(2);
    lean.copyLastPoint(last);
    expect(lean.diverged).toEqual(full.diverged);
    expect(Array.from(last)).toEqual(Array.from(full.trajectory.slice(-2)));
    expect(lean.lastLoss).toBe(full.loss[full.loss.length - 1]);
  });
});

describe('Runner with any method', () => {
  /**
   * A toy gradient-free method: each step tries x − δ and x + δ along the first axis (two
   * evaluations of f, never ∇f) and moves to the better; it stops when neither improves.
   */
  const compass: MethodDefinition = {
    id: 'compass',
    name: 'Compass',
    family: 'gradient-free',
    needs: { value: true, gradient: false, hessian: false },
    updateRule: 'x \\leftarrow \\arg\\min f(x \\pm \\delta e_1)',
    hyperSpecs: [],
    create: () => {
      let current = NaN;
      let stuck = false;
      return {
        start: (point, oracle) => (current = oracle.value(point)),
        step(point, oracle) {
          const left = oracle.value([point[0] - 1, point[1]]);
          const right = oracle.value([point[0] + 1, point[1]]);
          stuck = Math.min(left, right) >= current;
          if (stuck) return current;
          point[0] += left < right ? -1 : 1;
          current = Math.min(left, right);
          return current;
        },
        stoppingTest: () => (stuck ? 'no neighbour is lower' : null),
      };
    },
  };

  it('records evaluation counts, the best f of every evaluation, and the method’s own convergence', () => {
    const result = runMethod({ objective: bowl, method: compass, hyper: {}, start: [3, 0], numSteps: 10 });
    // 3 → 2 → 1 → 0, then neither −1 nor 1 is lower than 0: converged at step 4 without moving
    expect(Array.from(result.trajectory)).toEqual([3, 0, 2, 0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(result.evaluations.function)).toEqual([1, 3, 5, 7, 9]);
    expect(Array.from(result.evaluations.gradient)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(result.evaluations.hessian)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(result.bestLoss)).toEqual([9, 4, 1, 0, 0]);
    expect(result.converged).toEqual({ step: 4, reason: 'no neighbour is lower' });
    expect(result.diverged).toBeNull();
  });

  it('counts evaluations that are never recorded towards the best f', () => {
    // a method that probes x + (k + 1)·e₁ at step k but never moves: from x = −3 it sees f = 4, 1, 0
    const prober: MethodDefinition = {
      ...compass,
      id: 'prober',
      create: () => ({
        start: (point, oracle) => oracle.value(point),
        step(point, oracle, step) {
          oracle.value([point[0] + step + 1, point[1]]);
          return oracle.value(point);
        },
      }),
    };
    const result = runMethod({ objective: bowl, method: prober, hyper: {}, start: [-3, 0], numSteps: 3 });
    expect(Array.from(result.loss)).toEqual([9, 9, 9, 9]);
    expect(Array.from(result.bestLoss)).toEqual([9, 4, 1, 0]);
    expect(Array.from(result.evaluations.function)).toEqual([1, 3, 5, 7]);
  });

  it('first-order runs count one f and one ∇f per point, and time each point with a clock', () => {
    let now = 0;
    const result = runMethod({ objective: bowl, method: firstOrderMethod(sgd), hyper: sgdHyper({ lr: 0.1 }), start: [1, 1], numSteps: 3, clock: () => (now += 1) });
    expect(Array.from(result.evaluations.function)).toEqual([1, 2, 3, 4]);
    expect(Array.from(result.evaluations.gradient)).toEqual([1, 2, 3, 4]);
    expect(Array.from(result.bestLoss)).toEqual(Array.from(result.loss));
    expect(result.elapsedMs).not.toBeNull();
    for (let k = 1; k < result.elapsedMs!.length; k++) expect(result.elapsedMs![k]).toBeGreaterThanOrEqual(result.elapsedMs![k - 1]);
  });
});

describe('method snapshots and seeds', () => {
  /** Halves the point each step and shows the point it left as its "trial", drawing one number from its seed. */
  const halving: MethodDefinition = {
    id: 'halving',
    name: 'Halving',
    family: 'gradient-free',
    needs: { value: true, gradient: false, hessian: false },
    updateRule: 'x ← x/2',
    hyperSpecs: [],
    create(_hyper, { seed }) {
      const random = new Random(seed);
      let previous = new Float64Array(2);
      return {
        start(point, oracle) {
          previous = Float64Array.from(point);
          return oracle.value(point);
        },
        step(point, oracle) {
          previous = Float64Array.from(point);
          for (let i = 0; i < point.length; i++) point[i] /= 2;
          return oracle.value(point);
        },
        snapshot: () => ({ trials: previous, temperature: random.nextFloat() }),
      };
    },
  };

  it('records one snapshot per point, none in a lean run', () => {
    const result = runMethod({ objective: bowl, method: halving, hyper: {}, start: [4, -2], numSteps: 2 });
    expect(result.snapshots?.map((snapshot) => Array.from(snapshot?.trials ?? []))).toEqual([[4, -2], [4, -2], [2, -1]]);
    expect(result.evaluations.gradient[2]).toBe(0);
    const lean = runMethod({ objective: bowl, method: halving, hyper: {}, start: [4, -2], numSteps: 2, record: false });
    expect(lean.snapshots).toBeNull();
    expect(runOptimizer({ objective: bowl, optimizer: sgd, hyper: sgdHyper({ lr: 0.25 }), start: [4, -2], numSteps: 2 }).snapshots).toBeNull();
  });

  it("draws the method's randomness from the run's seed, apart from the noise stream", () => {
    const draws = (seed: number, noise?: number) =>
      runMethod({ objective: bowl, method: halving, hyper: {}, start: [1, 1], numSteps: 3, seed, noise }).snapshots?.map((snapshot) => snapshot?.temperature);
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).toEqual(draws(7, 0.5));
    expect(draws(7)).not.toEqual(draws(8));
    expect(draws(7)?.[0]).not.toBe(new Random(7).nextFloat());
  });
});
