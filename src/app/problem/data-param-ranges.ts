import type { HyperSpec } from '../../engine/methods/hyperparameters';
import type { SliderRange } from '../controls/slider-scale';

// The stretch a generator parameter's slider covers. Validation (the spec's min and max) decides
// what is allowed, and the typed field beside the slider accepts all of it; the slider covers what
// a lesson changes: rows from 10 to 5,000 on a log scale, noise from 0 up, a slope within ±10.

type NumberSpec = Extract<HyperSpec, { kind: 'number' }>;

/** The slider range of a generator's numeric parameter at its current value. */
export function generatorSliderRange(spec: NumberSpec, value: number): SliderRange {
  if (spec.name === 'samples') return { min: 10, max: Math.min(spec.max, Math.max(5000, value)), scale: 'log' };
  if (spec.integer) return { min: spec.min, max: Math.max(spec.min + 1, value, Math.min(spec.max, 20)), scale: 'linear', integer: true };
  // fractions and radii below 1: the whole range, evenly
  if (spec.max <= 1) return { min: spec.min, max: spec.max, scale: 'linear' };
  const reach = Math.max(10, 5 * Math.abs(spec.defaultValue), Math.abs(value));
  // a spread or noise level: exactly 0, or 0.01 up on a log scale
  if (spec.min >= 0) return { min: 0, max: Math.min(spec.max, reach), scale: 'log-zero', logMin: 0.01 };
  return { min: Math.max(spec.min, -reach), max: Math.min(spec.max, reach), scale: 'linear' };
}
