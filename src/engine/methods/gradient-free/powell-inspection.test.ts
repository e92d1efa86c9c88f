import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import type { Objective } from '../../objective';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValue } from '../hyperparameters';
import { arrayOf, narrationText, numberOf } from './inspection.test-helper';
import { powell } from './powell';

/*
 * The inspector's Powell state against scipy (powell-directions.golden.json, from
 * scripts/references/scipy_powell_directions.py): at step k the direction set equals scipy's direc
 * after maxiter = k, the point its x and f its fun; the evaluations of step k are scipy's nfev(k) −
 * nfev(k − 1); when scipy's direction set changed between k − 1 and k the narration says Powell's
 * test took the new direction, and otherwise that the set stays. Tolerance as powell.test.ts: 1e-9
 * relative (floor 1e-3 for coordinates and directions, 1e-12 for f).
 */
interface DirectionStep {
  x: number[];
  fun: number;
  nfev: number;
  direc: number[];
}
interface DirectionCase {
  name: string;
  surface: string;
  start: number[];
  hyper: Record<string, HyperValue>;
  steps: DirectionStep[];
}
const golden = JSON.parse(readFileSync(new URL('./powell-directions.golden.json', import.meta.url), 'utf8')) as { scipy: string; cases: DirectionCase[] };

function worstError(actual: readonly number[], expected: readonly number[], floor: number): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}

describe(`powell inspection equals scipy ${golden.scipy}'s direction set after k iterations`, () => {
  for (const run of golden.cases) {
    it(`${run.name}: ${run.steps.length} iterations`, () => {
      const n = run.start.length;
      const definition = getSurface(run.surface)!;
      const objective = (n === 2 ? definition.create() : definition.nDimensional!.create(undefined, n)) as Objective;
      const options = { objective, method: powell, hyper: { ...defaultHyperValues(powell.hyperSpecs), ...run.hyper }, start: run.start, numSteps: run.steps.length };
      const identity = Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
      expect(arrayOf(inspectStep(options, 0).method, 'directions')).toEqual(identity);
      let worst = 0;
      let changes = 0;
      run.steps.forEach((expected, index) => {
        const k = index + 1;
        const inspection = inspectStep(options, k);
        const method = inspection.method;
        worst = Math.max(worst, worstError(arrayOf(method, 'directions'), expected.direc, 1e-3), worstError(arrayOf(method, 'best'), expected.x, 1e-3), worstError([numberOf(method, 'bestValue')], [expected.fun], 1e-12));
        expect(numberOf(method, 'stepEvaluations')).toBe(expected.nfev - (index === 0 ? 1 : run.steps[index - 1].nfev));
        const text = narrationText(method);
        expect(method!.narration.filter((substep) => substep.sentence.startsWith('Line search')).length).toBe(n);
        if (index > 0) {
          const changed = expected.direc.some((value, i) => value !== run.steps[index - 1].direc[i]);
          if (changed) changes++;
          expect(text).toContain(changed ? "Powell's test takes it" : 'so the direction set stays');
        }
      });
      console.info(`powell inspection ${run.name}: worst relative difference to scipy ${worst.toExponential(2)}, ${changes} direction replacements`);
      expect(worst).toBeLessThanOrEqual(1e-9);
    });
  }
});
