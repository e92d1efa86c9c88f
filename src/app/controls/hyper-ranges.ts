import type { HyperSpec } from '../../engine/methods/first-order/optimizer';
import type { SliderRange } from './slider-scale';

// The stretch each hyperparameter's slider covers. Validation (HyperSpec min/max) decides what is
// allowed; these decide what is within a thumb's reach: learning rates from 1e-5 (too slow to see)
// to 100 (diverges on anything), decay rates up to 0.9999. A value typed outside the slider's
// stretch is still accepted when valid; the thumb then rests at the nearest end.

type NumberSpec = Extract<HyperSpec, { kind: 'number' }>;

/** Slider ranges by torch name, for the optimizers' hyperparameters and the schedules' parameters. */
const RANGES_BY_NAME: Readonly<Record<string, SliderRange>> = {
  lr: { min: 1e-5, max: 100, scale: 'log' },
  eps: { min: 1e-12, max: 1, scale: 'log' },
  momentum: { min: 0, max: 0.999, scale: 'decay' },
  alpha: { min: 0, max: 0.9999, scale: 'decay' },
  rho: { min: 0, max: 0.9999, scale: 'decay' },
  dampening: { min: 0, max: 1, scale: 'linear' },
  weight_decay: { min: 0, max: 10, scale: 'log-zero', logMin: 1e-4 },
  lr_decay: { min: 0, max: 10, scale: 'log-zero', logMin: 1e-4 },
  initial_accumulator_value: { min: 0, max: 100, scale: 'log-zero', logMin: 1e-3 },
  momentum_decay: { min: 0, max: 1, scale: 'log-zero', logMin: 1e-4 },
  start_factor: { min: 1e-3, max: 1, scale: 'log' },
  eta_min: { min: 0, max: 1, scale: 'log-zero', logMin: 1e-6 },
};

/** The slider range of each element of a pair such as betas: decay rates up to 0.9999. */
export const PAIR_RANGE: SliderRange = { min: 0, max: 0.9999, scale: 'decay' };

/** The slider range of gradient clipping's max_norm and clip_value. */
export const CLIP_RANGE: SliderRange = { min: 1e-3, max: 1e3, scale: 'log' };

/** The slider range of the gradient noise σ: exactly 0 (plain GD) or 0.001 up to 100. */
export const NOISE_SLIDER_RANGE: SliderRange = { min: 0, max: 100, scale: 'log-zero', logMin: 1e-3 };

/** Integer hyperparameters counted in steps (a schedule's periods, a cooling length): their sliders reach the run's steps. */
const STEP_COUNTS: ReadonlySet<string> = new Set(['step_size', 'T_max', 'warmup_steps', 'cooling_steps']);

/**
 * The slider range for a numeric hyperparameter or schedule parameter. `steps` is the run length:
 * step counts (step_size, T_max, warmup_steps) reach up to it, or to their current `value` when
 * that is larger, so the thumb can always reach it.
 */
export function sliderRangeFor(spec: NumberSpec, steps: number, value: number): SliderRange {
  if (spec.integer && STEP_COUNTS.has(spec.name)) return { min: Math.max(1, spec.min), max: Math.max(steps, value, spec.min + 1), scale: 'linear', integer: true };
  // a count of things (particles, directions, history pairs): from its own minimum (0 is "automatic" where allowed) to 100 or its maximum
  if (spec.integer) return { min: spec.min, max: Math.max(value, Math.min(spec.max, 100), spec.min + 1), scale: 'linear', integer: true };
  if (spec.name === 'gamma') {
    // ExponentialLR's per-step factor lives near 1, StepLR's occasional factor anywhere in (0, 1];
    // inverse time's gamma is a rate, not a factor
    if (spec.max <= 1 && spec.defaultValue >= 0.5) return { min: 0.5, max: 0.9999, scale: 'decay' };
    if (spec.max <= 1) return { min: 0.01, max: 1, scale: 'log' };
    return { min: 0, max: 10, scale: 'log-zero', logMin: 1e-4 };
  }
  const known = RANGES_BY_NAME[spec.name];
  if (known) return known;
  // A hyperparameter added later without an entry above: its own bounds, log where it asks
  const max = Number.isFinite(spec.max) ? spec.max : Math.max(1, spec.defaultValue * 10);
  if (spec.log) return { min: spec.min > 0 ? spec.min : Math.min(max / 1e6, spec.defaultValue || max / 1e6), max, scale: 'log' };
  return { min: spec.min, max, scale: 'linear' };
}
