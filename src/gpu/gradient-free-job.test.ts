import { describe, expect, it } from 'vitest';
import { basinCellStart, convergenceRadius } from '../engine/batch/cells';
import type { BasinJob, SweepJob } from '../engine/batch/types';
import { parseFormula } from '../engine/expression/parser';
import { defaultHyperValues } from '../engine/methods/first-order/hyper';
import type { HyperValues } from '../engine/methods/hyperparameters';
import { getMethod } from '../engine/methods';
import { deriveSeed } from '../engine/random';
import { METHOD_STREAM } from '../engine/run';
import { GRADIENT_FREE_KERNEL_IDS, hasFusedKernel } from '../analyses/plan';
import { GradientFreeJob, stepValues, type GradientFreeTemplate } from './gradient-free-job';
import { gradientFreeLayout, gradientFreeShader } from './gradient-free-program';
import { initialState, summariesFromState } from './state-layout';
import { SUMMARY_OFFSET } from '../engine/batch/types';
import { gaussianPair, pcgHash, randomUniform, randomWord } from './gpu-random';
import { FLOAT32_PERTURBATION_RANGE } from './gradient-free-wgsl';
import { spsaPerturbationGain, spsaStepGain } from '../engine/methods/zeroth-order/spsa';

const BASIN: BasinJob = { kind: 'basin', domain: [[-2, 2], [-1, 3]], columns: 5, rows: 4, minima: [{ point: [1, 1], value: 0 }], tolerance: 0.02 };

function template(methodId: string, overrides: HyperValues = {}, extra: Partial<GradientFreeTemplate> = {}): GradientFreeTemplate {
  const method = getMethod(methodId);
  if (method === undefined) throw new Error(`no method ${methodId}`);
  const parsed = parseFormula('(1 - x)^2 + 100*(y - x^2)^2');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { expression: parsed.ast, method, hyper: { ...defaultHyperValues(method.hyperSpecs), ...overrides }, numSteps: 50, seed: 7, domain: [[-2, 2], [-1, 3]], ...extra };
}

describe('stepValues: the per-step table, computed on the host', () => {
  it("gives simulated annealing's temperature for each cooling, hand-derived", () => {
    const settings = (cooling: string) => ({ hyper: template('simulated_annealing', { initial_temperature: 2, cooling, alpha: 0.9, cooling_steps: 10 }).hyper });
    // exponential: T0·αᵏ
    expect(stepValues('simulated_annealing', settings('exponential'), 0)).toEqual([2]);
    expect(stepValues('simulated_annealing', settings('exponential'), 3)[0]).toBeCloseTo(2 * 0.729, 14);
    // logarithmic: T0·ln 2 / ln(k + 2), T0 at k = 0
    expect(stepValues('simulated_annealing', settings('logarithmic'), 0)[0]).toBeCloseTo(2, 14);
    expect(stepValues('simulated_annealing', settings('logarithmic'), 6)[0]).toBeCloseTo((2 * Math.LN2) / Math.log(8), 14);
    // linear: T0·(1 − k/K), 0 from K on (greedy)
    expect(stepValues('simulated_annealing', settings('linear'), 4)[0]).toBeCloseTo(1.2, 14);
    expect(stepValues('simulated_annealing', settings('linear'), 10)).toEqual([0]);
    expect(stepValues('simulated_annealing', settings('linear'), 25)).toEqual([0]);
  });

  it("gives SPSA's gains c_k = c/(k+1)^γ and a_k = a/(k+1+A)^α, hand-derived", () => {
    const { hyper } = template('spsa', { a: 0.5, c: 0.2, A: 3, alpha: 0.602, gamma: 0.101 });
    const [c0, a0] = stepValues('spsa', { hyper }, 0);
    expect(c0).toBeCloseTo(0.2, 15);
    expect(a0).toBeCloseTo(0.5 / 4 ** 0.602, 14);
    const [c9, a9] = stepValues('spsa', { hyper }, 9);
    expect(c9).toBeCloseTo(0.2 / 10 ** 0.101, 14);
    expect(a9).toBeCloseTo(0.5 / 13 ** 0.602, 14);
  });

  it('gives the ZO methods the scheduled learning rate', () => {
    const { hyper } = template('zo_sgd', { lr: 0.01 });
    expect(stepValues('zo_sgd', { hyper }, 5)).toEqual([0.01]);
    expect(stepValues('zo_sign_sgd', { hyper, schedule: { type: 'step', step_size: 4, gamma: 0.5 } }, 5)[0]).toBeCloseTo(0.005, 15);
  });

  it("gives ZO-Adam's bias-corrected step size lr/(1 − β₁ᵗ) and √(1 − β₂ᵗ) at t = k + 1, hand-derived", () => {
    const { hyper } = template('zo_adam', { lr: 0.01, betas: [0.8, 0.9] });
    expect(stepValues('zo_adam', { hyper }, 0)[0]).toBeCloseTo(0.01 / 0.2, 15);
    expect(stepValues('zo_adam', { hyper }, 0)[1]).toBeCloseTo(Math.sqrt(0.1), 15);
    expect(stepValues('zo_adam', { hyper }, 2)[0]).toBeCloseTo(0.01 / (1 - 0.512), 15);
    expect(stepValues('zo_adam', { hyper }, 2)[1]).toBeCloseTo(Math.sqrt(1 - 0.729), 15);
    const amsgrad = gradientFreeShader(new GradientFreeJob(template('zo_adam', { amsgrad: true, mu: 0.01 }), BASIN));
    expect(amsgrad.layout.stride).toBe(13);
    expect(amsgrad.code).toContain('maxSecondMoment0 = ieeeMaximum(maxSecondMoment0, secondMoment0);');
  });

  it('writes a chunk of the table rounded to float32, one row per step', () => {
    const job = new GradientFreeJob(template('spsa'), BASIN);
    expect(job.width).toBe(2);
    const table = job.stepTable(10, 3);
    for (let column = 0; column < 3; column++) {
      expect([table[2 * column], table[2 * column + 1]]).toEqual(stepValues('spsa', template('spsa'), 10 + column).map(Math.fround));
    }
  });
});

describe('GradientFreeJob', () => {
  it("keeps the 1/5th success rule's factors: σ is stationary at one success in five", () => {
    const { constants } = new GradientFreeJob(template('one_plus_one_es', { sigma: 0.3 }), BASIN);
    expect(constants.sigma).toBe(0.3);
    expect(constants.successFactor).toBeCloseTo(Math.exp(1 / 3), 15);
    expect(constants.failureFactor).toBeCloseTo(Math.exp(-1 / 12), 15);
    expect((constants.successFactor as number) * (constants.failureFactor as number) ** 4).toBeCloseTo(1, 14);
  });

  it("samples random search's uniform mode from the problem's domain, [−5, 5]² without one", () => {
    expect(new GradientFreeJob(template('random_search'), BASIN).constants.box).toEqual([[-2, 2], [-1, 3]]);
    const noDomain = template('random_search');
    const { domain: _, ...rest } = noDomain;
    expect(new GradientFreeJob(rest, BASIN).constants.box).toEqual([[-5, 5], [-5, 5]]);
  });

  it('starts runs at the basin cells of engine/batch, with the stream seed derived like the method seed', () => {
    const job = new GradientFreeJob(template('simulated_annealing'), BASIN);
    const starts = job.starts(2, 7);
    const centre = new Float64Array(2);
    for (let index = 2; index < 7; index++) {
      basinCellStart(BASIN, index, centre);
      expect([starts[2 * (index - 2)], starts[2 * (index - 2) + 1]]).toEqual([centre[0], centre[1]]);
    }
    expect(job.streamSeed).toBe(deriveSeed(7, METHOD_STREAM));
    expect(job.convergence?.radiusSquared).toBe(convergenceRadius(BASIN) ** 2);
  });

  it('refuses sweeps, gradient noise, 3-D jobs and methods without a kernel', () => {
    const sweep: SweepJob = { kind: 'sweep', start: [0, 0], learningRates: { min: 0.01, max: 0.1, count: 3 } };
    expect(() => new GradientFreeJob(template('spsa'), sweep)).toThrow(/basin maps/);
    expect(() => new GradientFreeJob(template('spsa', {}, { noise: 0.1 }), BASIN)).toThrow(/gradient noise/);
    expect(() => new GradientFreeJob(template('cma_es'), BASIN)).toThrow(/no fused WebGPU kernel/);
    expect(hasFusedKernel({ method: { id: 'random_search' } }, 'basin')).toBe(true);
    expect(hasFusedKernel({ method: { id: 'random_search' } }, 'sweep')).toBe(false);
    expect(hasFusedKernel({ method: { id: 'nelder_mead' } }, 'basin')).toBe(false);
    expect(hasFusedKernel({ method: { id: 'adam' }, optimizer: {} }, 'sweep')).toBe(true);
  });
});

describe('gradientFreeLayout', () => {
  it('lays out the point, the five scalars and the run state, with no gradient, and reads summaries back', () => {
    const layout = gradientFreeLayout(['sigma']);
    expect(layout).toMatchObject({ dimension: 2, stride: 8, point: [0, 1], gradient: [], runState: [7], coordinateState: [] });
    expect(layout.scalars).toEqual({ loss: 2, bestLoss: 3, convergedStep: 4, divergedStep: 5, minimumIndex: 6 });
    const state = initialState(layout, Float64Array.of(1.5, -2, 3, 4));
    expect(Array.from(state.slice(0, 8))).toEqual([1.5, -2, 0, 0, -1, -1, -1, 0]);
    state.set([0.25, 0.125, 17, 3], 8 + 2);
    const summaries = summariesFromState(layout, state, 2);
    expect(Array.from(summaries.slice(7))).toEqual([0.25, 0.125, 17, 3, -1, 3, 4]);
    expect(summaries[SUMMARY_OFFSET.finalPoint]).toBe(1.5);
  });
});

describe('gradientFreeShader', () => {
  it('generates a shader with f alone (no gradient) for every method', () => {
    for (const id of GRADIENT_FREE_KERNEL_IDS) {
      const shader = gradientFreeShader(new GradientFreeJob(template(id, id === 'random_search' ? { mode: 'local' } : {}, { clip: { type: 'norm', max_norm: 1 } }), BASIN));
      expect(shader.variableNames).toEqual(['State', 'StepTable']);
      expect(shader.code).toContain('fn objectiveValue(x: f32, y: f32) -> f32 {');
      expect(shader.code).not.toContain('fn objectiveAt');
      expect(shader.code).toContain('fn nearestMinimum(x: f32, y: f32) -> i32 {');
      expect(shader.key).toMatch(/^optimizerPlaygroundGradientFree_\w+_\d+$/);
      // point, five scalars, then σ for the ES, m and v for ZO-Adam
      expect(shader.layout.stride).toBe(id === 'one_plus_one_es' ? 8 : id === 'zo_adam' ? 11 : 7);
    }
    const zo = gradientFreeShader(new GradientFreeJob(template('zo_sgd', {}, { clip: { type: 'norm', max_norm: 1 } }), BASIN)).code;
    expect(zo).toContain('let clipScale = ieeeMinimum(1.0f / (sqrt(estimate0 * estimate0 + estimate1 * estimate1) + 0.000001f), 1.0f);');
  });

  it('compiles once for any schedule of temperatures or gains (the table carries them), once per literal', () => {
    const key = (id: string, hyper: HyperValues) => gradientFreeShader(new GradientFreeJob(template(id, hyper), BASIN)).key;
    expect(key('simulated_annealing', { alpha: 0.9 })).toBe(key('simulated_annealing', { alpha: 0.99, cooling: 'linear' }));
    expect(key('spsa', { a: 0.1 })).toBe(key('spsa', { a: 0.3, A: 50 }));
    expect(key('simulated_annealing', { sigma: 0.1 })).not.toBe(key('simulated_annealing', { sigma: 0.2 }));
  });
});

describe('the kernels’ random stream (the WGSL twin in TypeScript)', () => {
  it('hashes as PCG does (values from a NumPy uint32 reimplementation of Jarzynski & Olano’s pcg_hash)', () => {
    expect([0, 1, 2, 0xdeadbeef, 0xffffffff].map(pcgHash)).toEqual([129708002, 2831084092, 2055130248, 1730779506, 3861530882]);
  });

  it('draws uniforms and Gaussians with the right moments, independent across runs, steps and draws', () => {
    const seed = deriveSeed(7, METHOD_STREAM);
    const n = 40_000;
    let sum = 0;
    let sumSquares = 0;
    let gaussianSum = 0;
    let gaussianSquares = 0;
    let pairProduct = 0;
    let neighbourProduct = 0;
    let topBits = 0;
    for (let run = 0; run < n; run++) {
      const u = randomUniform(seed, run, 3, 0);
      sum += u;
      sumSquares += u * u;
      const [z0, z1] = gaussianPair(seed, run, 3, 0);
      const [w0] = gaussianPair(seed, run + 1, 3, 0);
      gaussianSum += z0 + z1;
      gaussianSquares += z0 * z0 + z1 * z1;
      pairProduct += z0 * z1;
      neighbourProduct += z0 * w0;
      topBits += randomWord(seed, run, 4, 1) >>> 31;
    }
    // 5 standard errors: U(0,1) has mean 1/2, variance 1/12; N(0,1) pairs; the Rademacher sign is fair
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSquares / n - 1 / 3)).toBeLessThan(5 * Math.sqrt(4 / 45 / n));
    expect(Math.abs(gaussianSum / (2 * n))).toBeLessThan(5 / Math.sqrt(2 * n));
    expect(Math.abs(gaussianSquares / (2 * n) - 1)).toBeLessThan(5 * Math.sqrt(2 / (2 * n)));
    expect(Math.abs(pairProduct / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(neighbourProduct / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(topBits / n - 0.5)).toBeLessThan(5 * 0.5 / Math.sqrt(n));
    expect(randomWord(seed, 1, 2, 3)).not.toBe(randomWord(seed, 1, 3, 2));
  });
});

describe('float32 and the two-point difference (a TypeScript twin of the SPSA kernel, on the GPU stream)', () => {
  // Himmelblau's f with every operation rounded to float32 (Math.fround) or not
  const himmelblau = (round: (value: number) => number) => (x: number, y: number) => {
    const a = round(round(round(x * x) + y) - 11);
    const b = round(round(x + round(y * y)) - 7);
    return round(round(a * a) + round(b * b));
  };
  /** Each run's outcome: 'diverged at k', or 'ended'. */
  function outcomes(round: (value: number) => number, limitResolution: boolean): string[] {
    const f = himmelblau(round);
    const seed = deriveSeed(11, METHOD_STREAM);
    const job: BasinJob = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 32, rows: 32, minima: [], tolerance: 0.01 };
    const start = new Float64Array(2);
    return Array.from({ length: 32 * 32 }, (_, run) => {
      basinCellStart(job, run, start);
      let [x, y] = [round(start[0]), round(start[1])];
      for (let k = 0; k < 100; k++) {
        const c = round(spsaPerturbationGain(0.05, 0.101, k));
        const a = round(spsaStepGain(0.05, 10, 0.602, k));
        const delta = [randomWord(seed, run, k, 0) >>> 31 ? 1 : -1, randomWord(seed, run, k, 1) >>> 31 ? 1 : -1];
        const difference = round(round(f(round(x + c * delta[0]), round(y + c * delta[1])) - f(round(x - c * delta[0]), round(y - c * delta[1]))) / round(2 * c));
        const next = [round(x - round(round(a * difference) * delta[0])), round(y - round(round(a * difference) * delta[1]))];
        const lostResolution = limitResolution && Math.max(Math.abs(next[0]), Math.abs(next[1])) > FLOAT32_PERTURBATION_RANGE * c;
        if (lostResolution || !(Math.abs(next[0]) <= 1e12 && Math.abs(next[1]) <= 1e12) || !Number.isFinite(f(next[0], next[1]))) return `diverged at ${k + 1}`;
        [x, y] = next;
      }
      return 'ended';
    });
  }

  it('stalls far out in float32 where float64 diverges, unless a lost resolution counts as divergence', () => {
    const exact = outcomes((value) => value, false);
    const stalled = outcomes(Math.fround, false);
    const limited = outcomes(Math.fround, true);
    const diverged = (list: string[]) => list.filter((outcome) => outcome.startsWith('diverged')).length;
    // large gains: some runs blow up (about 7% of the map)
    expect(diverged(exact)).toBeGreaterThan(30);
    expect(diverged(stalled)).toBeLessThan(diverged(exact) * 0.75);
    // the same runs diverge, within two steps (|x| passes 2²⁰·c before it passes 1e12; float32 moves the path a little)
    const step = (outcome: string) => (outcome.startsWith('diverged') ? Number(outcome.split(' ').pop()) : -1);
    expect(limited.map((outcome) => outcome.startsWith('diverged'))).toEqual(exact.map((outcome) => outcome.startsWith('diverged')));
    expect(Math.max(...limited.map((outcome, run) => Math.abs(step(exact[run]) - step(outcome))))).toBeLessThanOrEqual(2);
  });
});
