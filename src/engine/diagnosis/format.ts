// Numbers in the diagnosis's sentences: a few significant digits, plain where that reads well.
import { power } from '../power';

/** `value` to `digits` significant digits: plain between 1e-4 and 1e5, else as 5.5e10. */
export function formatSignificant(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const text = magnitude >= 1e5 || magnitude < 1e-4 ? exponential(value, digits) : String(Number(value.toPrecision(digits)));
  return text.replace('-', '−');
}

/** A point as "(x, y)" (or its first coordinates and "…" in many dimensions). */
export function formatPoint(point: ArrayLike<number>): string {
  const shown = Math.min(point.length, 3);
  const parts: string[] = [];
  for (let i = 0; i < shown; i++) parts.push(formatSignificant(point[i]));
  return `(${parts.join(', ')}${point.length > shown ? ', …' : ''})`;
}

/** A ratio as "40x" (whole numbers from 10 on, one decimal below). */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return formatSignificant(ratio);
  if (ratio >= 1e5) return `${formatSignificant(ratio, 2)}x`;
  return ratio >= 10 ? `${Math.round(ratio)}x` : `${ratio.toFixed(1)}x`;
}

/** `value` > 0 rounded down to two significant digits, so a bound stays a bound: 0.000956 → 0.00095. */
export function roundDownTwoDigits(value: number): number {
  const unit = power(10, Math.floor(Math.log10(value)) - 1);
  const rounded = Number((Math.floor(value / unit + 1e-9) * unit).toPrecision(2));
  return rounded > value ? Number((rounded - unit).toPrecision(2)) : rounded;
}

function exponential(value: number, digits: number): string {
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${trimmed}e${Number(exponent)}`;
}
