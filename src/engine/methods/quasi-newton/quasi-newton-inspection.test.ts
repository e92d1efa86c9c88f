import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import { getSurface } from '../../problems/surfaces';
import { defaultHyperValues } from '../first-order/hyper';
import type { HyperValue } from '../hyperparameters';
import type { StateQuantity } from '../inspection';
import { bfgs } from './bfgs';
import { cg } from './cg';
import { lbfgs } from './lbfgs';

/*
 * The oracles (scripts/references/torch_optimizer_state.py): scipy 1.10.1's BFGS `hess_inv` after
 * k iterations (maxiter = k) and torch 1.13's LBFGS optimizer.state after k step(closure) calls:
 * old_stps and old_dirs (the kept pairs, oldest first), d and t. The inspector's inverseHessian,
 * historyS / historyY, searchDirection and stepLength after step k must equal them to 1e-9
 * (measured worst when written: 1.6e-11).
 */
const RELATIVE_TOLERANCE = 1e-9;
const FLOOR = 1e-9;

interface QuasiNewtonCase {
  method: 'bfgs' | 'lbfgs';
  surface: string;
  start: [number, number];
  steps: number;
  hyper?: Record<string, HyperValue>;
  point: number[];
  inverseHessian?: number[];
  historyS?: number[][];
  historyY?: number[][];
  searchDirection?: number[];
  stepLength?: number;
}

const golden = JSON.parse(readFileSync(new URL('./quasi-newton-state.golden.json', import.meta.url), 'utf8')) as { cases: QuasiNewtonCase[] };

function expectClose(actual: ArrayLike<number>, expected: readonly number[], what: string) {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((value, i) => {
    const error = Math.abs(actual[i] - value) / Math.max(Math.abs(value), FLOOR);
    expect(error, `${what}[${i}]: ours ${actual[i]}, reference ${value}`).toBeLessThan(RELATIVE_TOLERANCE);
  });
}

function quantity(state: readonly StateQuantity[], name: string): StateQuantity {
  const found = state.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no ${name} in ${state.map((entry) => entry.name).join(', ')}`);
  return found;
}

describe('quasi-Newton state against scipy and torch', () => {
  it.each(golden.cases.map((entry) => [`${entry.method} ${JSON.stringify(entry.hyper ?? {})} on ${entry.surface}, step ${entry.steps}`, entry] as const))('%s', (_name, entry) => {
    const method = entry.method === 'bfgs' ? bfgs : lbfgs;
    const inspection = inspectStep(
      {
        objective: getSurface(entry.surface)!.create(),
        method,
        hyper: { ...defaultHyperValues(method.hyperSpecs), ...entry.hyper },
        start: entry.start,
        numSteps: entry.steps,
      },
      entry.steps,
    );
    expect(inspection.step).toBe(entry.steps);
    expectClose(inspection.point, entry.point, 'x');
    const state = inspection.method!.state;
    if (entry.inverseHessian !== undefined) {
      const inverseHessian = quantity(state, 'inverseHessian');
      expect(inverseHessian.shape).toEqual([2, 2]);
      expectClose(inverseHessian.value as Float64Array, entry.inverseHessian, 'hess_inv');
    }
    if (entry.historyS !== undefined && entry.historyY !== undefined) {
      const [s, y] = [quantity(state, 'historyS'), quantity(state, 'historyY')];
      expect(s.shape).toEqual([entry.historyS.length, 2]);
      expectClose(s.value as Float64Array, entry.historyS.flat(), 'old_stps');
      expectClose(y.value as Float64Array, entry.historyY.flat(), 'old_dirs');
      expectClose(quantity(state, 'searchDirection').value as Float64Array, entry.searchDirection!, 'd');
      expectClose([quantity(state, 'stepLength').value as number], [entry.stepLength!], 't');
    }
    expect(inspection.method!.narration.length).toBeGreaterThanOrEqual(2);
  });

  it('BFGS: the direction told is −H∇f with the H and ∇f told, and the update maps y to s (the secant condition)', () => {
    const options = { objective: getSurface('rosenbrock')!.create(), method: bfgs, hyper: defaultHyperValues(bfgs.hyperSpecs), start: [-1.2, 1], numSteps: 4 };
    const before = inspectStep(options, 3);
    const after = inspectStep(options, 4);
    const H = quantity(before.method!.state, 'inverseHessian').value as Float64Array;
    const g = before.gradient;
    const d = quantity(after.method!.state, 'searchDirection').value as Float64Array;
    for (let i = 0; i < 2; i++) expect(d[i]).toBeCloseTo(-(H[2 * i] * g[0] + H[2 * i + 1] * g[1]), 12);
    // H_{k+1} y = s exactly in exact arithmetic
    const next = quantity(after.method!.state, 'inverseHessian').value as Float64Array;
    const s = after.delta!;
    const y = after.gradient.map((value, i) => value - before.gradient[i]);
    for (let i = 0; i < 2; i++) expect((next[2 * i] * y[0] + next[2 * i + 1] * y[1] - s[i]) / Math.abs(s[i])).toBeLessThan(1e-10);
    const sentences = after.method!.narration.map((substep) => substep.sentence);
    expect(sentences[0]).toMatch(/^The search direction is the gradient .* turned by the inverse-Hessian estimate H = \[\[/);
    expect(sentences[1]).toMatch(/^The line search tries \d+ trial points? along d and keeps α = /);
    expect(sentences[2]).toMatch(/^The curvature pair: the step s = α d = .*yᵀs = [\d.e−-]+ > 0/);
    expect(sentences[3]).toMatch(/^BFGS updates the inverse-Hessian estimate/);
  });

  it('CG: the next direction told is −∇f_{k+1} + β d_k with Polak-Ribière’s β = max(0, (∇f_{k+1} − ∇f_k)ᵀ∇f_{k+1} / ‖∇f_k‖²)', () => {
    const options = { objective: getSurface('himmelblau')!.create(), method: cg, hyper: defaultHyperValues(cg.hyperSpecs), start: [0.5, 0.5], numSteps: 4 };
    for (const step of [1, 2, 3]) {
      const before = inspectStep(options, step - 1);
      const after = inspectStep(options, step);
      const d = quantity(after.method!.state, 'searchDirection').value as Float64Array;
      const alpha = quantity(after.method!.state, 'stepLength').value as number;
      for (let i = 0; i < 2; i++) expect(after.point[i]).toBe(before.point[i] + alpha * d[i]);
      const [g0, g1] = [before.gradient, after.gradient];
      const beta = Math.max(0, ((g1[0] - g0[0]) * g1[0] + (g1[1] - g0[1]) * g1[1]) / (g0[0] ** 2 + g0[1] ** 2));
      const told = /β = max\(0, yᵀ∇f\/‖∇f_old‖²\) = ([^,]+), so the next direction is \(([^,]+), ([^)]+)\)/.exec(after.method!.narration[2].sentence)!;
      expect(Number(told[1].replace('−', '-'))).toBeCloseTo(beta, 3);
      const next = inspectStep(options, step + 1);
      const nextDirection = quantity(next.method!.state, 'searchDirection').value as Float64Array;
      for (let i = 0; i < 2; i++) expect(nextDirection[i]).toBeCloseTo(-g1[i] + beta * d[i], 9);
    }
  });
});
