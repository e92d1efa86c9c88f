import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHyperValue } from './checks';
import { defaultSchedule, learningRateAt, SCHEDULE_SPECS, type ScheduleSpec, type ScheduleType } from './schedules';

/*
 * The oracle is scripts/golden/optimizers.py: torch 1.13's lr_scheduler objects (StepLR,
 * ExponentialLR, CosineAnnealingLR, SequentialLR of LinearLR and CosineAnnealingLR, LambdaLR) on an
 * SGD optimizer, stepping optimizer.step(); scheduler.step() 150 times and recording group['lr']
 * before each update (= get_last_lr()). torch updates the rate recursively (lr ← lr·γ, the cosine
 * ratio formula) where we use the closed forms, so the two agree to rounding only:
 * |ours − torch| ≤ 1e-12 · max(|torch|, base rate · 1e-3). The floor matters where the cosine
 * touches eta_min = 0 and the recursive form leaves ~1e-18 behind.
 */
const RELATIVE_TOLERANCE = 1e-12;
const FLOOR_FRACTION = 1e-3;

interface GoldenSequence {
  schedule: ScheduleSpec;
  baseLearningRate: number;
  learningRates: number[];
}

const golden = JSON.parse(readFileSync(new URL('./schedules.golden.json', import.meta.url), 'utf8')) as { sequences: GoldenSequence[] };

describe('learningRateAt against torch.optim.lr_scheduler', () => {
  it('covers every schedule type', () => {
    expect(new Set(golden.sequences.map((sequence) => sequence.schedule.type))).toEqual(new Set(Object.keys(SCHEDULE_SPECS)));
  });

  it.each(golden.sequences.map((sequence) => [`${JSON.stringify(sequence.schedule)} from ${sequence.baseLearningRate}`, sequence] as const))(
    '%s',
    (_name, { schedule, baseLearningRate, learningRates }) => {
      const floor = baseLearningRate * FLOOR_FRACTION;
      learningRates.forEach((expected, step) => {
        const actual = learningRateAt(schedule, baseLearningRate, step);
        const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
        expect(error, `step ${step}: ours ${actual}, torch ${expected}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
      });
    },
  );
});

describe('learningRateAt by hand', () => {
  it('warm-up is linear from start_factor·lr and the cosine restarts from lr at warmup_steps', () => {
    const schedule: ScheduleSpec = { type: 'warmup_cosine', warmup_steps: 4, start_factor: 0.2, T_max: 2, eta_min: 0 };
    // 0.2 + 0.8·t/4 for t < 4, then cos(π(t − 4)/2): 1, 1/2, 0, 1/2 (rising again past T_max)
    const expected = [0.2, 0.4, 0.6, 0.8, 1, 0.5, 0, 0.5];
    expected.forEach((value, step) => expect(learningRateAt(schedule, 1, step)).toBeCloseTo(value, 15));
  });

  it('step decays every step_size updates, inverse_time as 1/(1 + γt)', () => {
    expect([0, 2, 3, 5, 6].map((step) => learningRateAt({ type: 'step', step_size: 3, gamma: 0.5 }, 8, step))).toEqual([8, 8, 4, 4, 2]);
    expect(learningRateAt({ type: 'inverse_time', gamma: 0.5 }, 3, 4)).toBe(1);
    expect(learningRateAt({ type: 'constant' }, 0.3, 1000)).toBe(0.3);
  });
});

describe('SCHEDULE_SPECS', () => {
  it.each(Object.keys(SCHEDULE_SPECS) as ScheduleType[])('%s: defaults are valid and make a usable schedule', (type) => {
    const schedule = defaultSchedule(type);
    expect(schedule.type).toBe(type);
    for (const spec of SCHEDULE_SPECS[type]) {
      expect(checkHyperValue((schedule as unknown as Record<string, unknown>)[spec.name], spec, spec.name)).toBeUndefined();
    }
    for (let step = 0; step < 1000; step += 7) {
      const learningRate = learningRateAt(schedule, 0.1, step);
      expect(learningRate).toBeGreaterThanOrEqual(0);
      expect(learningRate).toBeLessThanOrEqual(0.1);
    }
  });

  it('marks step counts as whole numbers', () => {
    const integerNames = Object.values(SCHEDULE_SPECS)
      .flat()
      .filter((spec) => spec.kind === 'number' && spec.integer === true)
      .map((spec) => spec.name);
    expect(new Set(integerNames)).toEqual(new Set(['step_size', 'T_max', 'warmup_steps']));
  });
});
