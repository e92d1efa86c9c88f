import { describe, expect, it } from 'vitest';
import { checkNumber, numberRange } from '../../engine/checks';
import { OPTIMIZERS } from '../../engine/methods/first-order';
import type { HyperSpec } from '../../engine/methods/first-order/optimizer';
import { SCHEDULE_SPECS } from '../../engine/schedules';
import { PAIR_RANGE, sliderRangeFor } from './hyper-ranges';
import { positionCount, positionOfValue, valueAtPosition } from './slider-scale';

type NumberSpec = Extract<HyperSpec, { kind: 'number' }>;

const numberSpecs: { owner: string; spec: NumberSpec }[] = [
  ...OPTIMIZERS.flatMap((optimizer) => optimizer.hyperSpecs.map((spec) => ({ owner: optimizer.id, spec }))),
  ...Object.entries(SCHEDULE_SPECS).flatMap(([type, specs]) => specs.map((spec) => ({ owner: `schedule ${type}`, spec }))),
].filter((entry): entry is { owner: string; spec: NumberSpec } => entry.spec.kind === 'number');

describe('sliderRangeFor', () => {
  const steps = 300;

  it.each(numberSpecs.map(({ owner, spec }) => [`${owner} ${spec.name}`, spec] as const))(
    '%s: every slider position is a value validation accepts, and the default is within reach',
    (_name, spec) => {
      const range = sliderRangeFor(spec, steps, spec.defaultValue);
      for (let position = 0; position <= positionCount(range); position++) {
        const value = valueAtPosition(range, position);
        expect(checkNumber(value, numberRange(spec), spec.name), `position ${position} gives ${value}`).toBeUndefined();
      }
      // the thumb reaches torch's default exactly
      expect(valueAtPosition(range, positionOfValue(range, spec.defaultValue))).toBe(spec.defaultValue);
    },
  );

  it('puts learning rates and ε on a log scale spanning decades', () => {
    const learningRate = OPTIMIZERS[0].hyperSpecs.find((spec) => spec.name === 'lr') as NumberSpec;
    const range = sliderRangeFor(learningRate, steps, 0.001);
    expect(range.scale).toBe('log');
    expect(range.max / range.min).toBeGreaterThanOrEqual(1e6);
  });

  it('lets step counts reach the run length, or a larger value already set', () => {
    const stepSize = SCHEDULE_SPECS.step.find((spec) => spec.name === 'step_size') as NumberSpec;
    expect(sliderRangeFor(stepSize, 300, 100)).toMatchObject({ min: 1, max: 300, integer: true });
    expect(sliderRangeFor(stepSize, 300, 5000).max).toBe(5000);
  });

  it('keeps both betas below 1 with 0.999 in reach', () => {
    expect(PAIR_RANGE.max).toBeLessThan(1);
    expect(valueAtPosition(PAIR_RANGE, positionOfValue(PAIR_RANGE, 0.999))).toBe(0.999);
  });
});
