import { getMethodSpec } from '../../engine/methods/catalogue';
import { defaultSchedule, type ScheduleSpec, type ScheduleType } from '../../engine/schedules';
import type { ExperimentRun } from '../../experiment/experiment';
import { RUN_COLORS, runColor } from '../../views/scales';
import { drawnColor } from './visible-runs';
import { takesScheduleAndClipping } from './method-needs';
import { presetForOptimizer, type RunPreset } from './presets';

// What the runs panel does to runs beyond what the store's actions do: colours that stay with their
// run when others come and go, and settings that carry over when a run switches optimizer (where
// starts go when the problem changes is the store's: experiment/problem-switch.ts). Pure functions
// of the runs, so they are tested in Node.

/** A run's colour as drawn: its own, else the palette's for its position. */
export function effectiveColor(run: ExperimentRun, index: number): string {
  return drawnColor(run, index).toLowerCase();
}

/** The first palette colour no run uses (the palette cycles once all are taken), as "#rrggbb". */
export function nextRunColor(runs: readonly ExperimentRun[]): string {
  const used = new Set(runs.map(effectiveColor));
  const free = RUN_COLORS.find((color) => !used.has(color.toLowerCase()));
  return (free ?? runColor(runs.length)).toLowerCase();
}

/**
 * The runs with every colour from `fromIndex` on written into the run, so removing or inserting a run
 * before them does not repaint them (a colour taken from the palette by position would shift).
 */
export function pinColors(runs: readonly ExperimentRun[], fromIndex: number): ExperimentRun[] {
  return runs.map((run, index) => (index >= fromIndex && run.color === undefined ? { ...run, color: effectiveColor(run, index) } : run));
}

/**
 * A new run from a preset: next free colour, starting at `start`, and no label: it is named by
 * its settings ("Nesterov lr 0.001 μ 0.9"), and the name follows them.
 */
export function runFromPreset(preset: RunPreset, runs: readonly ExperimentRun[], start: readonly number[]): ExperimentRun {
  return { optimizer: preset.optimizer, hyper: { ...preset.hyper }, start: [...start], color: nextRunColor(runs) };
}

/**
 * The run switched to another optimizer. Hyperparameter names and scales differ between optimizers
 * (Adam's lr 0.05 would throw plain SGD off Rosenbrock), so the new optimizer's preset settings are
 * used; the schedule, clipping, start, colour and a label the user typed carry over (a run with no
 * label is named by its new optimizer and settings). A method without a learning rate or without
 * gradients (Nelder-Mead, CMA-ES) has no schedule or clipping to carry them over to.
 */
export function switchOptimizer(run: ExperimentRun, optimizerId: string): ExperimentRun {
  const preset = presetForOptimizer(optimizerId);
  const switched: ExperimentRun = { ...run, optimizer: optimizerId, hyper: preset ? { ...preset.hyper } : {} };
  const method = getMethodSpec(optimizerId);
  return !method || takesScheduleAndClipping(method) ? switched : { ...switched, schedule: undefined, clip: undefined };
}

/**
 * A schedule of this type fitted to a run of `steps` steps: the cosine decays over the whole run,
 * the warm-up takes a tenth of it, a step decay happens three times. Constant is no schedule.
 */
export function scheduleForSteps(type: ScheduleType, steps: number): ScheduleSpec | undefined {
  const schedule = defaultSchedule(type);
  switch (schedule.type) {
    case 'constant':
      return undefined;
    case 'step':
      return { ...schedule, step_size: Math.max(1, Math.round(steps / 3)) };
    case 'cosine':
      return { ...schedule, T_max: Math.max(1, steps) };
    case 'warmup_cosine': {
      const warmupSteps = Math.max(1, Math.round(steps / 10));
      return { ...schedule, warmup_steps: warmupSteps, T_max: Math.max(1, steps - warmupSteps) };
    }
    default:
      return schedule;
  }
}
