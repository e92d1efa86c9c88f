import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValue } from '../hyperparameters';
import { narratedNumber, narratedVector } from '../narration-format';
import { arrayOf, narrationText, numberOf } from './inspection.test-helper';
import { nelderMead } from './nelder-mead';

/*
 * The inspector's Nelder-Mead state against scipy (nelder-mead-simplex.golden.json, from
 * scripts/references/scipy_nelder_mead_simplex.py): at step k the simplex and its values equal scipy's
 * final_simplex after k passes of its loop, and the narration names the points scipy evaluated in
 * that pass (the reflected point first, then the expansion or contraction point) and the move that
 * scipy's tests choose for those values. The method is bit-for-bit scipy's (nelder-mead.test.ts), so
 * the tolerance is rounding: 1e-12 relative (floor 1e-12).
 */
interface SimplexStep {
  simplex: number[];
  values: number[];
  evaluated: number[][];
}
interface SimplexCase {
  name: string;
  surface: string;
  start: number[];
  hyper: Record<string, HyperValue>;
  steps: SimplexStep[];
}
const golden = JSON.parse(readFileSync(new URL('./nelder-mead-simplex.golden.json', import.meta.url), 'utf8')) as { scipy: string; cases: SimplexCase[] };

function objectiveOf(run: SimplexCase): Objective {
  const definition = getSurface(run.surface)!;
  return run.start.length === 2 ? definition.create() : definition.nDimensional!.create(undefined, run.start.length);
}

function worstError(actual: readonly number[], expected: readonly number[]): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-12);
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}

/** The move scipy's tests choose: f(x_r) against the best, second-worst and worst values before the pass. */
function expectedMove(previous: readonly number[], reflectedValue: number, evaluations: number): string {
  const n = previous.length - 1;
  if (reflectedValue < previous[0]) return 'went further along the same line';
  if (reflectedValue < previous[n - 1]) return 'so the reflected point is kept';
  if (evaluations > 2) return 'Every vertex but the best moved towards it';
  return reflectedValue < previous[n] ? 'contracted on the reflected side' : 'contracted inside';
}

describe(`nelder_mead inspection equals scipy ${golden.scipy}'s simplex after k iterations`, () => {
  for (const run of golden.cases) {
    it(`${run.name}: ${run.steps.length - 1} iterations`, () => {
      const objective = objectiveOf(run);
      const n = run.start.length;
      const options = { objective, method: nelderMead, hyper: { ...defaultHyperValues(nelderMead.hyperSpecs), ...run.hyper }, start: run.start, numSteps: run.steps.length };
      let worst = 0;
      run.steps.forEach((expected, k) => {
        const inspection = inspectStep(options, k);
        expect(inspection.step).toBe(k);
        const method = inspection.method;
        worst = Math.max(worst, worstError(arrayOf(method, 'simplex'), expected.simplex), worstError(arrayOf(method, 'simplexValues'), expected.values));
        expect(arrayOf(method, 'best')).toEqual(arrayOf(method, 'simplex').slice(0, n));
        expect(numberOf(method, 'bestValue')).toBe(arrayOf(method, 'simplexValues')[0]);
        if (k === 0) {
          expect(method?.narration).toEqual([]);
          expect(numberOf(method, 'stepEvaluations')).toBe(n + 1);
          return;
        }
        expect(numberOf(method, 'stepEvaluations')).toBe(expected.evaluated.length);
        const text = narrationText(method);
        const [reflected, trial] = expected.evaluated;
        expect(text).toContain(`to ${narratedVector(reflected)}, where f = ${narratedNumber(objective.value(reflected))}`);
        if (trial !== undefined) expect(text).toContain(`to ${narratedVector(trial)}, where f = ${narratedNumber(objective.value(trial))}`);
        expect(text).toContain(expectedMove(run.steps[k - 1].values, objective.value(reflected), expected.evaluated.length));
        expect(text).toContain(`evaluated f ${expected.evaluated.length === 1 ? 'once' : expected.evaluated.length === 2 ? 'twice' : `${expected.evaluated.length} times`}`);
      });
      console.info(`nelder_mead inspection ${run.name}: worst relative difference to scipy ${worst.toExponential(2)}`);
      expect(worst).toBeLessThanOrEqual(1e-12);
    });
  }

  it('covers a reflection kept, an expansion and both contractions', () => {
    const moves = new Set<string>();
    for (const run of golden.cases) {
      const objective = objectiveOf(run);
      run.steps.forEach((step, k) => {
        if (k > 0) moves.add(expectedMove(run.steps[k - 1].values, objective.value(step.evaluated[0]), step.evaluated.length));
      });
    }
    expect(moves).toEqual(new Set(['went further along the same line', 'so the reflected point is kept', 'contracted on the reflected side', 'contracted inside']));
  });
});

describe('nelder_mead narration', () => {
  it('tells a shrink: a bump where the inside contraction lands makes it fail', () => {
    // by hand: from (1, 1) the simplex is (1, 1) f 0, (1.05, 1) and (1, 1.05) f 0.05 (the tie kept in
    // place, so (1, 1.05) is the worst); f = ‖x − (1, 1)‖ puts x_r = 2·(1.025, 1) − (1, 1.05) = (1.05, 0.95)
    // at f = 0.0707 ≥ the worst's 0.05: an inside contraction to ½(1.025, 1) + ½(1, 1.05) = (1.0125, 1.025),
    // where the bump of height 10 makes f ≈ 10.03 > 0.05, so the simplex shrinks halfway to (1, 1)
    const bump = [1.0125, 1.025];
    const objective: Objective = {
      dimension: 2,
      value: (p) => Math.hypot(p[0] - 1, p[1] - 1) + 10 * Math.exp(-((p[0] - bump[0]) ** 2 + (p[1] - bump[1]) ** 2) / 1e-5),
      valueAndGradient: () => NaN,
      hessian: () => undefined,
    };
    const inspection = inspectStep({ objective, method: nelderMead, hyper: defaultHyperValues(nelderMead.hyperSpecs), start: [1, 1], numSteps: 1 }, 1);
    const text = narrationText(inspection.method);
    expect(text).toContain('contracted inside, between the centroid and the worst vertex, to (1.012, 1.025)');
    expect(text).toContain('Every vertex but the best (1, 1) moved towards it by the factor 0.5');
    expect(numberOf(inspection.method, 'stepEvaluations')).toBe(4);
    // the halved vertices (1.025, 1) and (1, 1.025), sorted: the first tie stays first
    const simplex = arrayOf(inspection.method, 'simplex');
    expect(simplex.slice(0, 2)).toEqual([1, 1]);
    expect(simplex.slice(2).map((v) => Number(v.toFixed(12)))).toEqual([1.025, 1, 1, 1.025]);
  });
});
