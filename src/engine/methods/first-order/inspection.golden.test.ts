import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../inspect-step';
import { getSurface } from '../../problems/surfaces';
import type { HyperValue } from '../hyperparameters';
import { firstOrderMethod } from './adapter';
import { defaultHyperValues, getOptimizer, OPTIMIZERS } from './index';

/*
 * The oracle is torch.optim's own optimizer.state (scripts/references/torch_optimizer_state.py,
 * torch 1.13, float64): each case stepped K times by the torch optimizer on the surface written in
 * torch, state read under torch's keys. The engine replays the run with the inspector on and must
 * show the same state under quantities13's names, to 1e-9 relative (floor 1e-12 for entries near 0;
 * measured worst when written: 4.1e-15).
 */
const RELATIVE_TOLERANCE = 1e-9;
const FLOOR = 1e-12;

/** torch's state key → the inspector's quantity name (quantities13). */
const TORCH_NAMES: Readonly<Record<string, string>> = {
  momentum_buffer: 'velocity',
  exp_avg: 'firstMoment',
  exp_avg_sq: 'secondMoment',
  max_exp_avg_sq: 'maxSecondMoment',
  exp_inf: 'infinityNorm',
  sum: 'sumOfSquares',
  square_avg: 'squareAverage',
  grad_avg: 'gradientAverage',
  acc_delta: 'accumulatedDelta',
  mu_product: 'momentumProduct',
  step: 'step',
};

interface StateCase {
  optimizer: string;
  hyper: Record<string, HyperValue>;
  surface: string;
  start: [number, number];
  steps: number;
  point: [number, number];
  state: Record<string, number | number[]>;
}

const golden = JSON.parse(readFileSync(new URL('./optimizer-state.golden.json', import.meta.url), 'utf8')) as { cases: StateCase[] };

function relativeError(actual: number, expected: number): number {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), FLOOR);
  return Number.isNaN(error) ? Infinity : error;
}

describe("the inspector's first-order state against torch.optim's optimizer.state", () => {
  it('covers every optimizer and every state key torch keeps', () => {
    expect(new Set(golden.cases.map((entry) => entry.optimizer))).toEqual(new Set(OPTIMIZERS.map((optimizer) => optimizer.id)));
    expect(new Set(golden.cases.flatMap((entry) => Object.keys(entry.state)))).toEqual(new Set(Object.keys(TORCH_NAMES)));
  });

  it.each(golden.cases.map((entry) => [`${entry.optimizer} ${JSON.stringify(entry.hyper)} on ${entry.surface}, step ${entry.steps}`, entry] as const))(
    '%s',
    (_name, entry) => {
      const optimizer = getOptimizer(entry.optimizer)!;
      const surface = getSurface(entry.surface)!;
      const inspection = inspectStep(
        {
          objective: surface.create(),
          method: firstOrderMethod(optimizer),
          hyper: { ...defaultHyperValues(optimizer.hyperSpecs), ...entry.hyper },
          start: entry.start,
          numSteps: entry.steps,
        },
        entry.steps,
      );
      expect(inspection.step).toBe(entry.steps);
      entry.point.forEach((coordinate, i) => expect(relativeError(inspection.point[i], coordinate), `x[${i}]`).toBeLessThan(RELATIVE_TOLERANCE));
      const state = new Map(inspection.method!.state.map((quantity) => [quantity.name, quantity.value]));
      for (const [torchName, expected] of Object.entries(entry.state)) {
        const ours = state.get(TORCH_NAMES[torchName]);
        expect(ours, `${torchName} → ${TORCH_NAMES[torchName]}`).toBeDefined();
        const [actualValues, expectedValues] = [typeof ours === 'number' ? [ours] : Array.from(ours as Float64Array), typeof expected === 'number' ? [expected] : expected];
        expect(actualValues.length, torchName).toBe(expectedValues.length);
        expectedValues.forEach((value, i) => expect(relativeError(actualValues[i], value), `${torchName}[${i}]: ours ${actualValues[i]}, torch ${value}`).toBeLessThan(RELATIVE_TOLERANCE));
      }
      // what torch does not keep (SGD's buffer at μ = 0) the inspector does not show
      const shownStateNames = [...state.keys()].filter((name) => Object.values(TORCH_NAMES).includes(name));
      expect(new Set(shownStateNames), 'no state beyond torch').toEqual(new Set(Object.keys(entry.state).map((key) => TORCH_NAMES[key]).concat('step')));
    },
  );
});
