import type { HyperSpec } from './methods/first-order/optimizer';
import { power } from './power';

/**
 * A learning-rate schedule, with torch.optim.lr_scheduler's semantics and parameter names:
 * constant; step = StepLR; exponential = ExponentialLR; cosine = CosineAnnealingLR;
 * warmup_cosine = SequentialLR([LinearLR(start_factor, 1, warmup_steps), CosineAnnealingLR(T_max, eta_min)],
 * milestones = [warmup_steps]); inverse_time = LambdaLR(t ↦ 1 / (1 + γt)).
 */
export type ScheduleSpec =
  | { readonly type: 'constant' }
  | { readonly type: 'step'; readonly step_size: number; readonly gamma: number }
  | { readonly type: 'exponential'; readonly gamma: number }
  | { readonly type: 'cosine'; readonly T_max: number; readonly eta_min: number }
  | { readonly type: 'warmup_cosine'; readonly warmup_steps: number; readonly start_factor: number; readonly T_max: number; readonly eta_min: number }
  | { readonly type: 'inverse_time'; readonly gamma: number };

/** The kinds of schedule. */
export type ScheduleType = ScheduleSpec['type'];

const MAX_STEPS = 1_000_000;

/** Each schedule type's parameters with defaults and ranges (validation and controls), in torch's names. */
export const SCHEDULE_SPECS: Readonly<Record<ScheduleType, readonly HyperSpec[]>> = {
  constant: [],
  step: [
    { kind: 'number', name: 'step_size', defaultValue: 100, min: 1, max: MAX_STEPS, integer: true, description: 'steps between decays' },
    { kind: 'number', name: 'gamma', defaultValue: 0.1, min: 0, max: 1, exclusiveMin: true, description: 'factor applied every step_size steps' },
  ],
  exponential: [
    { kind: 'number', name: 'gamma', defaultValue: 0.99, min: 0, max: 1, exclusiveMin: true, description: 'factor applied every step' },
  ],
  cosine: [
    { kind: 'number', name: 'T_max', defaultValue: 500, min: 1, max: MAX_STEPS, integer: true, description: 'steps from the base rate down to eta_min (the cosine then rises again, as in torch)' },
    { kind: 'number', name: 'eta_min', defaultValue: 0, min: 0, max: 100, description: 'the lowest learning rate' },
  ],
  warmup_cosine: [
    { kind: 'number', name: 'warmup_steps', defaultValue: 50, min: 1, max: MAX_STEPS, integer: true, description: 'steps of linear warm-up' },
    { kind: 'number', name: 'start_factor', defaultValue: 0.01, min: 0, max: 1, exclusiveMin: true, description: 'fraction of the base rate at step 0' },
    { kind: 'number', name: 'T_max', defaultValue: 450, min: 1, max: MAX_STEPS, integer: true, description: 'length of the cosine decay after the warm-up' },
    { kind: 'number', name: 'eta_min', defaultValue: 0, min: 0, max: 100, description: 'the lowest learning rate' },
  ],
  inverse_time: [
    { kind: 'number', name: 'gamma', defaultValue: 0.01, min: 0, max: 100, description: 'decay rate γ in lr / (1 + γt)' },
  ],
};

/** A schedule of this type with every parameter at its default. */
export function defaultSchedule(type: ScheduleType): ScheduleSpec {
  const schedule: Record<string, unknown> = { type };
  for (const spec of SCHEDULE_SPECS[type]) schedule[spec.name] = spec.defaultValue;
  return schedule as ScheduleSpec;
}

/**
 * The learning rate of update number `step` (0 for the first update), i.e. torch's group['lr'] after
 * `step` calls of scheduler.step(). Closed forms of torch's schedulers; they agree with torch's
 * recursive updates to rounding.
 */
export function learningRateAt(schedule: ScheduleSpec, baseLearningRate: number, step: number): number {
  switch (schedule.type) {
    case 'constant':
      return baseLearningRate;
    case 'step':
      return baseLearningRate * power(schedule.gamma, Math.floor(step / schedule.step_size));
    case 'exponential':
      return baseLearningRate * power(schedule.gamma, step);
    case 'cosine':
      return cosineAnnealing(baseLearningRate, schedule.eta_min, schedule.T_max, step);
    case 'warmup_cosine': {
      const { warmup_steps: warmupSteps, start_factor: startFactor } = schedule;
      if (step < warmupSteps) return baseLearningRate * (startFactor + ((1 - startFactor) * step) / warmupSteps);
      // SequentialLR restarts the cosine at the milestone: its step 0 is the base rate
      return cosineAnnealing(baseLearningRate, schedule.eta_min, schedule.T_max, step - warmupSteps);
    }
    case 'inverse_time':
      return baseLearningRate * (1 / (1 + schedule.gamma * step));
  }
}

// η_min + (η_max − η_min)(1 + cos(πt/T_max))/2. Past T_max it rises again with period 2·T_max, as
// torch's CosineAnnealingLR does (no restart, no clamp).
function cosineAnnealing(baseLearningRate: number, minimum: number, period: number, step: number): number {
  return minimum + ((baseLearningRate - minimum) * (1 + Math.cos((Math.PI * step) / period))) / 2;
}
