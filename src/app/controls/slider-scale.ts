import { checkNumber, type NumberRange } from '../../engine/checks';

// A slider is a row of positions 0..positionCount(range); a scale maps them onto values.
// Learning rates and ε span decades, so their positions are a ladder of round numbers with two
// significant digits (…, 0.0098, 0.0099, 0.01, 0.011, …): every decade gets the same length, the
// values a lecture uses (0.01, 0.05, 1) are exactly on it, and each arrow-key press gives a new
// value. Decay rates such as β2 live just below 1, where a linear slider would crowd 0.9, 0.99 and
// 0.999 into its last pixel, so they get the same ladder on 1 − β.

/** Positions of a linear slider. */
export const SLIDER_POSITIONS = 1000;

/** Round mantissas per decade on a log ladder: 1.0, 1.1, …, 9.9. */
const LADDER_STEPS_PER_DECADE = 90;

/**
 * How slider positions map to values: `linear`; `log` (min > 0); `decay`, log-spaced in 1 − value
 * (0.9, 0.99 and 0.999 equally far apart); `log-zero`, position 0 is exactly 0 and the rest is log
 * from `logMin` (noise σ, weight decay).
 */
export type SliderScale = 'linear' | 'log' | 'decay' | 'log-zero';

/** The stretch of values a slider covers (typed values may go beyond it, within validation). */
export interface SliderRange {
  readonly min: number;
  readonly max: number;
  readonly scale: SliderScale;
  /** Smallest non-zero value of a `log-zero` scale. */
  readonly logMin?: number;
  /** Whole numbers only (step counts). */
  readonly integer?: boolean;
}

/** The number of steps in this range's slider (its positions are 0..positionCount). */
export function positionCount(range: SliderRange): number {
  switch (range.scale) {
    case 'linear':
      // one position per whole number when there are fewer than SLIDER_POSITIONS of them
      return range.integer ? Math.max(1, Math.min(SLIDER_POSITIONS, Math.round(range.max - range.min))) : SLIDER_POSITIONS;
    case 'log':
      return Math.max(1, ladderIndexAtOrBelow(range.max) - ladderIndexAtOrAbove(range.min));
    case 'decay':
      return Math.max(1, ladderIndexAtOrBelow(1 - range.min) - ladderIndexAtOrAbove(1 - range.max));
    case 'log-zero':
      return 1 + Math.max(1, ladderIndexAtOrBelow(range.max) - ladderIndexAtOrAbove(logMinOf(range)));
  }
}

/** The value at slider position `position` (0..positionCount), rounded to what a person would type. */
export function valueAtPosition(range: SliderRange, position: number): number {
  const count = positionCount(range);
  const clamped = Math.round(Math.min(count, Math.max(0, position)));
  const { min, max } = range;
  switch (range.scale) {
    case 'linear': {
      const value = min + (clamped / count) * (max - min);
      return range.integer ? Math.round(value) : roundToStep(value, (max - min) / count);
    }
    case 'log':
      return ladderValue(ladderIndexAtOrAbove(min) + clamped);
    case 'decay':
      // position 0 is 1 − (1 − min) = min; each step right shrinks the gap 1 − value by one rung
      return clamped === 0 ? min : cleanDecimal(1 - ladderValue(ladderIndexAtOrBelow(1 - min) - clamped));
    case 'log-zero':
      return clamped === 0 ? 0 : ladderValue(ladderIndexAtOrAbove(logMinOf(range)) + clamped - 1);
  }
}

/** The slider position nearest to `value` (clamped to the slider's ends). */
export function positionOfValue(range: SliderRange, value: number): number {
  const count = positionCount(range);
  const clamp = (position: number) => Math.min(count, Math.max(0, Math.round(position)));
  if (Number.isNaN(value)) return 0;
  if (!Number.isFinite(value)) return value > 0 ? count : 0;
  switch (range.scale) {
    case 'linear':
      return clamp(((value - range.min) / (range.max - range.min)) * count);
    case 'log':
      return value <= 0 ? 0 : clamp(nearestLadderIndex(value) - ladderIndexAtOrAbove(range.min));
    case 'decay':
      return value >= 1 ? count : clamp(ladderIndexAtOrBelow(1 - range.min) - nearestLadderIndex(1 - value));
    case 'log-zero':
      // a positive value below logMin rests at the first non-zero position, never at 0 (which is exactly 0)
      return value <= 0 ? 0 : Math.max(1, clamp(1 + nearestLadderIndex(value) - ladderIndexAtOrAbove(logMinOf(range))));
  }
}

/** A value as the number field shows it: up to six significant digits, no float noise (0.1 + 0.2 → "0.3"). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** What typing `text` into a number field gives: a value within `range`, or a message naming `name`. */
export type ParsedNumber = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Reads a typed number ("0.05", "1e-3", " -2 ") and checks it against `range`; the message names `name`. */
export function parseNumberText(text: string, range: NumberRange, name: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${name} needs a value` };
  // Number() alone would read "0x10" as 16 and "" as 0; a person types decimals or e-notation
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isNaN(value)) return { ok: false, message: `${name} must be a number like 0.01 or 1e-3, got "${trimmed}"` };
  const problem = checkNumber(value, range, name);
  return problem === undefined ? { ok: true, value } : { ok: false, message: problem };
}

// The log ladder: rung i is m · 10^k with k = floor(i / 90) and m = 1 + (i mod 90) / 10, counted
// from 10^0 (negative rungs are below 1). Consecutive rungs differ by 1 to 10 per cent.

function ladderValue(index: number): number {
  const decade = Math.floor(index / LADDER_STEPS_PER_DECADE);
  const mantissa = 1 + (index - decade * LADDER_STEPS_PER_DECADE) / 10;
  return Number((mantissa * 10 ** decade).toPrecision(2));
}

/** The rung nearest to a positive value (on the log scale, to the rounding of its mantissa). */
function nearestLadderIndex(value: number): number {
  let decade = Math.floor(Math.log10(value));
  let mantissa = value / 10 ** decade;
  // log10 can land a hair off for exact powers of ten
  if (mantissa >= 10 - 1e-9) {
    decade += 1;
    mantissa /= 10;
  } else if (mantissa < 1) {
    decade -= 1;
    mantissa *= 10;
  }
  return decade * LADDER_STEPS_PER_DECADE + Math.round((mantissa - 1) * 10);
}

/** The lowest rung ≥ value (so a slider never goes below its range's min). */
function ladderIndexAtOrAbove(value: number): number {
  const index = nearestLadderIndex(value);
  return ladderValue(index) < value ? index + 1 : index;
}

/** The highest rung ≤ value (so a slider never goes above its range's max). */
function ladderIndexAtOrBelow(value: number): number {
  const index = nearestLadderIndex(value);
  return ladderValue(index) > value ? index - 1 : index;
}

function logMinOf(range: SliderRange): number {
  return range.logMin ?? range.max / 1e4;
}

/** Removes binary noise from a difference such as 1 − 0.0055 (12 decimals are plenty for a slider). */
function cleanDecimal(value: number): number {
  return Number(value.toFixed(12));
}

/** `value` rounded to the decimal places of a nice step just under `step` (0.004 → 3 places). */
function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(Math.min(decimals, 12)));
}
