import type { NumberRange } from '../engine/checks';
import { getMethodSpec } from '../engine/methods/catalogue';
import { LIMITS } from '../engine/limits';

// The settings of the three batch analyses (basin-of-attraction map, learning-rate sweep, many
// seeds) that the share URL carries beside the experiment: which run each analyses and how. Runs
// are counted from 0 here and from 1 in the URL and on screen. Pure: the store, the URL codec and
// the panel all read these shapes.

/** What a basin map's cells are coloured by. */
export type BasinColorBy = 'minimum' | 'steps' | 'loss';
/** The colourings, in the order the panel offers them. */
export const BASIN_COLOR_BY: readonly BasinColorBy[] = ['minimum', 'steps', 'loss'];
/** Cells along the longer side of a basin map. */
export const BASIN_RESOLUTIONS = [64, 128, 256, 512] as const;
/** One of BASIN_RESOLUTIONS. */
export type BasinResolution = (typeof BASIN_RESOLUTIONS)[number];

/** A basin-of-attraction map: one run of a run's optimizer from every cell of a grid over the view. */
export interface BasinSettings {
  /** Index of the experiment's run whose optimizer and settings every cell uses. */
  readonly run: number;
  readonly resolution: BasinResolution;
  readonly colorBy: BasinColorBy;
  /** Opacity of the layer over the contour map, 0..1. */
  readonly opacity: number;
}

/** A basin map's settings until the reader changes them. */
export const DEFAULT_BASIN: BasinSettings = { run: 0, resolution: 128, colorBy: 'minimum', opacity: 0.75 };
/** Allowed opacities of the basin layer. */
export const BASIN_OPACITY_RANGE: NumberRange = { min: 0, max: 1 };

/** Which loss of each swept run is plotted: the last, or the lowest seen on the way. */
export type SweepMetric = 'final' | 'best';
/** The hyperparameter a 2-D sweep varies beside the learning rate. */
export type SweepSecondName = 'beta1' | 'momentum';

/** The second axis of a 2-D sweep: evenly spaced values from min to max inclusive. */
export interface SweepSecondAxis {
  readonly name: SweepSecondName;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

/** A learning-rate sweep on a log grid, optionally against beta1 or momentum (a heatmap). */
export interface SweepSettings {
  readonly run: number;
  readonly lrMin: number;
  readonly lrMax: number;
  /** Learning rates on the log grid, lrMin and lrMax included. */
  readonly count: number;
  readonly metric: SweepMetric;
  /** Null for a 1-D sweep. */
  readonly second: SweepSecondAxis | null;
}

/** A sweep's settings until the reader changes them. */
export const DEFAULT_SWEEP: SweepSettings = { run: 0, lrMin: 1e-4, lrMax: 1, count: 128, metric: 'final', second: null };
/** Learning rates a sweep may try: those the optimizers accept, lr in (0, 100]. */
export const SWEEP_LR_RANGE: NumberRange = { min: 0, max: 100, exclusiveMin: true };
/** Learning rates on a sweep's grid. */
export const SWEEP_COUNT_RANGE: NumberRange = { min: 2, max: LIMITS.sweepPoints.value, integer: true, limit: LIMITS.sweepPoints };
/** Values on a 2-D sweep's second axis. */
export const SWEEP_SECOND_COUNT_RANGE: NumberRange = { min: 2, max: LIMITS.sweepSecondPoints.value, integer: true, limit: LIMITS.sweepSecondPoints };
/** Allowed values of each second axis, as torch allows them: beta1 in [0, 1), momentum in [0, 1]. */
export const SWEEP_SECOND_RANGES: Readonly<Record<SweepSecondName, NumberRange>> = {
  beta1: { min: 0, max: 1, exclusiveMax: true },
  momentum: { min: 0, max: 1 },
};

/** The second axis a 2-D sweep starts with. */
export function defaultSecondAxis(name: SweepSecondName): SweepSecondAxis {
  return { name, min: 0, max: 0.99, count: 16 };
}

/** Many seeds: one stochastic run repeated over seeds 0..count−1 of the experiment's seed. */
export interface SeedsSettings {
  readonly run: number;
  readonly count: number;
}

/** Many seeds' settings until the reader changes them. */
export const DEFAULT_SEEDS: SeedsSettings = { run: 0, count: 100 };
/** Seeds a many-seeds job may repeat a run over. */
export const SEEDS_COUNT_RANGE: NumberRange = { min: 2, max: LIMITS.seeds.value, integer: true, limit: LIMITS.seeds };

/** Which engine runs batch jobs: 'auto' picks by measured speed; the others force one (`engine=` in the URL). */
export type EnginePreference = 'auto' | 'js' | 'webgpu';
/** The preferences, in the order the panel offers them. */
export const ENGINE_PREFERENCES: readonly EnginePreference[] = ['auto', 'js', 'webgpu'];

/** The analyses' settings the share URL carries; null: that analysis is off. */
export interface AnalysisSettings {
  readonly basin: BasinSettings | null;
  readonly sweep: SweepSettings | null;
  readonly seeds: SeedsSettings | null;
  readonly engine: EnginePreference;
}

/** Every analysis off, the engine chosen by measurement. */
export const NO_ANALYSIS_SETTINGS: AnalysisSettings = { basin: null, sweep: null, seeds: null, engine: 'auto' };

/** The hyperparameter a sweep varies on its log grid, and the values the method allows for it. */
export interface SweptParameter {
  readonly name: string;
  readonly range: NumberRange;
}

/**
 * What a sweep of this method varies: its learning rate `lr` where it has one, else its first
 * continuous number hyperparameter (CMA-ES's `sigma`, a proposal scale); null when it has none
 * (whole numbers and switches make no log grid). Unknown ids have none.
 */
export function sweptParameter(methodId: string): SweptParameter | null {
  const numbers = (getMethodSpec(methodId)?.hyperSpecs ?? []).flatMap((spec) => (spec.kind === 'number' && !spec.integer ? [spec] : []));
  // a log grid needs positive values: the lower end is excluded when it is 0
  const spec = numbers.find((candidate) => candidate.name === 'lr') ?? numbers.find((candidate) => candidate.max > 0);
  if (spec === undefined) return null;
  return { name: spec.name, range: { min: Math.max(0, spec.min), max: spec.max, exclusiveMin: spec.exclusiveMin === true || spec.min <= 0 } };
}

/**
 * The sweep's log grid for a method's swept parameter: the settings' range kept within what the
 * method allows (a range set for a learning rate may not fit a `sigma`); the ends are kept in order.
 */
export function sweptRange(settings: Pick<SweepSettings, 'lrMin' | 'lrMax'>, parameter: SweptParameter): { min: number; max: number } {
  // the settings' ends are positive (SWEEP_LR_RANGE), so clamping keeps a log grid
  const { min: lowest, max: highest } = parameter.range;
  const max = Math.min(highest, Math.max(settings.lrMax, lowest));
  const min = Math.min(Math.max(settings.lrMin, lowest), max);
  return { min, max };
}

/**
 * The hyperparameter a 2-D sweep can vary for an optimizer: beta1 for those with betas (the Adam
 * family, Lion), momentum for SGD and RMSprop; null when it has neither (Adagrad, Adadelta).
 */
export function secondAxisFor(optimizerId: string): SweepSecondName | null {
  const specs = getMethodSpec(optimizerId)?.hyperSpecs ?? [];
  // the first axis sweeps lr: a method without one (sigma swept) gets no second axis
  if (sweptParameter(optimizerId)?.name !== 'lr') return null;
  if (specs.some((spec) => spec.name === 'betas' && spec.kind === 'pair')) return 'beta1';
  if (specs.some((spec) => spec.name === 'momentum' && spec.kind === 'number')) return 'momentum';
  return null;
}

/** The second axis a sweep of this optimizer really uses: the settings' one if the optimizer has it, else none (a 1-D sweep). */
export function effectiveSecondAxis(settings: Pick<SweepSettings, 'second'>, optimizerId: string): SweepSecondAxis | null {
  return settings.second && settings.second.name === secondAxisFor(optimizerId) ? settings.second : null;
}
