import { describe, expect, it } from 'vitest';
import type { ExperimentRun } from '../../experiment/experiment';
import { checkSchedule } from '../../experiment/validate';
import { getPreset } from './presets';
import { effectiveColor, nextRunColor, pinColors, runFromPreset, scheduleForSteps, switchOptimizer } from './run-setup';

const run = (patch: Partial<ExperimentRun> = {}): ExperimentRun => ({ optimizer: 'sgd', hyper: { lr: 0.001 }, start: [-1.5, 2], ...patch });

// Okabe-Ito in order: orange, sky blue, bluish green, reddish purple, vermilion, blue, yellow, black
describe('colours', () => {
  it('gives a run without its own colour the palette colour of its position, in lower case', () => {
    expect(effectiveColor(run(), 0)).toBe('#e69f00');
    expect(effectiveColor(run(), 9)).toBe('#56b4e9');
    expect(effectiveColor(run({ color: '#123456' }), 0)).toBe('#123456');
  });

  it('picks the first palette colour no run uses', () => {
    expect(nextRunColor([run(), run(), run()])).toBe('#cc79a7');
    // the second run took vermilion: sky blue is free again
    expect(nextRunColor([run(), run({ color: '#d55e00' })])).toBe('#56b4e9');
  });

  it('cycles through the palette once every colour is taken', () => {
    const eight = Array.from({ length: 8 }, () => run());
    expect(nextRunColor(eight)).toBe('#e69f00');
  });

  it('writes the colours from an index on into the runs, leaving earlier and explicit ones alone', () => {
    const pinned = pinColors([run(), run(), run({ color: '#123456' }), run()], 1);
    expect(pinned.map((each) => each.color)).toEqual([undefined, '#56b4e9', '#123456', '#cc79a7']);
  });
});

describe('runFromPreset', () => {
  it('gives the run the preset settings, the next colour and the given start, and no label (it is named by its settings)', () => {
    const adam = getPreset('adam')!;
    const runs = [run({ label: 'Adam' })];
    expect(runFromPreset(adam, runs, [0.5, -1])).toEqual({ optimizer: 'adam', hyper: { lr: 0.05 }, start: [0.5, -1], color: '#56b4e9' });
  });
});

describe('switchOptimizer', () => {
  it("takes the new optimizer's preset settings and stays unlabelled, so its name follows", () => {
    const momentum = run({ hyper: { lr: 0.001, momentum: 0.9 }, color: '#000000' });
    expect(switchOptimizer(momentum, 'lion')).toEqual({ ...momentum, optimizer: 'lion', hyper: { lr: 0.01 } });
  });

  it('keeps a label the user typed, and the schedule and clipping', () => {
    const mine = run({ label: 'my slow one', schedule: { type: 'exponential', gamma: 0.99 }, clip: { type: 'norm', max_norm: 1 } });
    const switched = switchOptimizer(mine, 'rmsprop');
    expect(switched).toMatchObject({ optimizer: 'rmsprop', hyper: { lr: 0.01 }, label: 'my slow one', schedule: mine.schedule, clip: mine.clip });
  });
});

describe('scheduleForSteps', () => {
  it('fits each schedule to the run length', () => {
    expect(scheduleForSteps('constant', 300)).toBeUndefined();
    expect(scheduleForSteps('step', 300)).toEqual({ type: 'step', step_size: 100, gamma: 0.1 });
    expect(scheduleForSteps('cosine', 300)).toEqual({ type: 'cosine', T_max: 300, eta_min: 0 });
    expect(scheduleForSteps('warmup_cosine', 300)).toEqual({ type: 'warmup_cosine', warmup_steps: 30, start_factor: 0.01, T_max: 270, eta_min: 0 });
    expect(scheduleForSteps('exponential', 300)).toEqual({ type: 'exponential', gamma: 0.99 });
  });

  it.each(['step', 'exponential', 'cosine', 'warmup_cosine', 'inverse_time'] as const)('makes a %s schedule the experiment format accepts, even for a 1-step run', (type) => {
    for (const steps of [1, 2, 300, 100_000]) {
      const schedule = scheduleForSteps(type, steps);
      expect(checkSchedule(schedule, 'schedule')).toEqual({ ok: true, value: schedule });
    }
  });
});
