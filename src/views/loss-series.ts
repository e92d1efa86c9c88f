// The loss chart's arithmetic, apart from the drawing so it can be tested without a DOM: what the
// x axis counts, how a loss becomes a plotted value (log f, f, or log(f − f*)), the extent that
// keeps a diverging run from squashing the others, and the readable numbers on the axes.
import { format } from 'd3';
import type { CostAxis } from '../experiment/cost';

/** How the y axis is drawn: log f, linear f, or log (f − f*) where f* is known. */
export type LossChartScale = 'log' | 'linear' | 'gap';
/** What the x axis counts: optimizer steps, evaluations of f, ∇f or ∇²f, a weighted cost, or wall-clock milliseconds. */
export type LossChartAxis = CostAxis;

/** One run's curve as the loss chart draws it. */
export interface LossCurve {
  readonly label: string;
  readonly color: string;
  /** loss[k] = f at trajectory point k. */
  readonly loss: ArrayLike<number>;
  /** What the counted x axis reads at point k (evaluations of f, ∇f or ∇²f, or the weighted cost; experiment/cost.ts). */
  readonly cost: ArrayLike<number>;
  /** Wall-clock milliseconds since the run started when point k was reached. */
  readonly elapsedMs: ArrayLike<number>;
  /** Where and why the run stopped early; null when it ran every step. */
  readonly diverged: { readonly step: number; readonly reason: string } | null;
  /** What went wrong, in one line ("left the view at step 1"), when the run is flagged; the tooltip shows it. */
  readonly flag?: string | null;
  /** A data problem's held-out loss (or accuracy) at some of the points, drawn dashed in the run's colour. */
  readonly validation?: SampledSeries | null;
}

/** Values at some of a curve's points: `value[i]` at point `index[i]` (ascending). */
export interface SampledSeries {
  readonly index: ArrayLike<number>;
  readonly value: ArrayLike<number>;
}

/** The x axis's title. */
export const AXIS_TITLES: Record<LossChartAxis, string> = {
  step: 'step',
  epoch: 'epoch (passes over the training rows)',
  examples: 'examples seen (rows read by evaluations)',
  evaluations: 'function evaluations',
  gradients: 'gradient evaluations',
  hessians: 'Hessian evaluations',
  cost: 'weighted cost (evaluations)',
  time: 'wall time (ms)',
};

/**
 * Clock ticks the wall-time axis spans at least, and the shortest run whose time it takes at its
 * word: a run's time is read off a clock that ticks in steps (0.1 ms, 1 ms), so under ten ticks
 * the quantization alone is ±10% or more, and the axis does not stretch such runs across its width.
 */
export const MIN_TIME_TICKS = 10;

/**
 * The x axis's title; on wall time it states the clock's resolution (null: not known), on the
 * weighted cost the weights (`weights`, e.g. "f = 1, ∇f = 1, ∇²f = n = 2").
 */
export function axisTitle(axis: LossChartAxis, clockResolution: number | null, weights: string | null = null): string {
  if (axis === 'cost' && weights !== null) return `weighted cost (${weights})`;
  if (axis !== 'time' || clockResolution === null) return AXIS_TITLES[axis];
  return `wall time (ms; the clock ticks every ${formatMilliseconds(clockResolution)} ms)`;
}

/**
 * What the wall-time axis cannot say, in words for the chart's note: which runs finished within
 * MIN_TIME_TICKS ticks of the clock, where the order of the curves is timer noise, not speed.
 * Null when every run took long enough to be measured (or the resolution is not known).
 */
export function timeNoiseNote(curves: readonly LossCurve[], clockResolution: number | null): string | null {
  if (clockResolution === null) return null;
  const limit = MIN_TIME_TICKS * clockResolution;
  const timed = curves.filter((curve) => curve.loss.length > 0);
  const short = timed.filter((curve) => curve.elapsedMs[curve.loss.length - 1] < limit);
  if (short.length === 0) return null;
  const who = short.length < timed.length ? listOf(short.map((curve) => curve.label)) : timed.length === 1 ? 'This run' : 'Every run';
  return (
    `${who} took under ${formatMilliseconds(limit)} ms, less than ${MIN_TIME_TICKS} ticks of the browser's ` +
    `${formatMilliseconds(clockResolution)} ms clock: differences that small are timer noise, not speed, ` +
    `and ${short.length === 1 ? 'it is' : 'each is'} drawn at an even pace over its measured time. Compare steps or evaluations instead.`
  );
}

/**
 * The wall time of each point as the chart draws it. A run shorter than MIN_TIME_TICKS ticks of
 * the clock has no shape the clock can see (its readings are a staircase of one or two steps), so
 * its measured time is spread at an even pace over its points; a longer run keeps its readings.
 */
export function wallTimesAtResolution(elapsedMs: ArrayLike<number>, clockResolution: number | null): ArrayLike<number> {
  const count = elapsedMs.length;
  if (clockResolution === null || count < 2) return elapsedMs;
  const total = elapsedMs[count - 1];
  if (total >= MIN_TIME_TICKS * clockResolution) return elapsedMs;
  const paced = new Float64Array(count);
  for (let index = 0; index < count; index++) paced[index] = (total * index) / (count - 1);
  return paced;
}

/** "A", "A and B", "A, B and C". */
function listOf(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The x values of a curve's points on this axis; null on the step axis (x is the index). */
export function xSeries(curve: LossCurve, axis: LossChartAxis): ArrayLike<number> | null {
  if (axis === 'step') return null;
  return axis === 'time' ? curve.elapsedMs : curve.cost;
}

/** The x value of point k of a curve on this axis. */
export function xAt(curve: LossCurve, axis: LossChartAxis, index: number): number {
  const xs = xSeries(curve, axis);
  return xs === null ? index : xs[index];
}

/** How losses become plotted values, and what the y axis is called. */
export interface YMapping {
  /** Plotted value of a loss; NaN where it cannot be drawn. */
  plot(loss: number): number;
  readonly log: boolean;
  /** True when the plotted value is the gap f − f* rather than f. */
  readonly gap: boolean;
  readonly title: string;
}

/** The mapping for a scale; `log` falls back to linear when some loss is ≤ 0 (no log of it exists). */
export function yMapping(scale: LossChartScale, fStar: number | null, curves: readonly LossCurve[]): YMapping {
  if (scale === 'gap' && fStar !== null) {
    // gaps ≤ 0 (float rounding at the minimum, or f* itself reached) sit a decade below the smallest real gap
    let smallest = Infinity;
    forEachLoss(curves, (loss) => {
      const gap = loss - fStar;
      if (gap > 0 && gap < smallest) smallest = gap;
    });
    const floor = Number.isFinite(smallest) ? smallest / 10 : 1e-12 * Math.max(1, Math.abs(fStar));
    return {
      plot: (loss) => (Number.isFinite(loss) ? Math.max(loss - fStar, floor) : NaN),
      log: true,
      gap: true,
      title: `f − f* (log scale, f* = ${formatLoss(fStar)})`,
    };
  }
  if (scale === 'linear') return { plot: finiteOrNaN, log: false, gap: false, title: 'loss f' };
  let positive = true;
  forEachLoss(curves, (loss) => {
    if (loss <= 0) positive = false;
  });
  return positive
    ? { plot: finiteOrNaN, log: true, gap: false, title: 'loss f (log scale)' }
    : { plot: finiteOrNaN, log: false, gap: false, title: 'loss f (linear: f ≤ 0 has no log)' };
}

function finiteOrNaN(value: number): number {
  return Number.isFinite(value) ? value : NaN;
}

function forEachLoss(curves: readonly LossCurve[], visit: (loss: number) => void): void {
  for (const curve of curves) {
    for (let index = 0; index < curve.loss.length; index++) {
      const loss = curve.loss[index];
      if (Number.isFinite(loss)) visit(loss);
    }
  }
}

/**
 * The y range to show. A diverging run can reach 1e40 before it is stopped; it would squash every
 * other curve into one line, so the top is set by the runs that did not diverge and by every run's
 * start. The diverging curve leaves through the top of the plot, and its ✕ sits on the edge.
 */
export function yExtent(curves: readonly LossCurve[], mapping: YMapping): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  let highAll = -Infinity;
  for (const curve of curves) {
    for (let index = 0; index < curve.loss.length; index++) {
      const value = mapping.plot(curve.loss[index]);
      if (!Number.isFinite(value)) continue;
      if (value < low) low = value;
      if (value > highAll) highAll = value;
      if ((!curve.diverged || index === 0) && value > high) high = value;
    }
  }
  if (!Number.isFinite(high)) high = highAll;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return mapping.log ? [1e-3, 1] : [0, 1];
  if (high > low) return [low, high];
  // one value only: a decade (log) or a unit (linear) around it
  return mapping.log ? [low / 10, high * 10] : [low - Math.max(1, Math.abs(low) * 0.1), high + Math.max(1, Math.abs(high) * 0.1)];
}

/**
 * The x range: every step asked for, or up to the largest count / time a run reached; wall time
 * spans at least MIN_TIME_TICKS ticks of the clock (`clockResolution`, when known).
 */
export function xExtent(curves: readonly LossCurve[], axis: LossChartAxis, numSteps: number, clockResolution: number | null = null): [number, number] {
  let high = axis === 'step' ? numSteps : axis === 'time' && clockResolution !== null ? MIN_TIME_TICKS * clockResolution : 0;
  for (const curve of curves) {
    const count = curve.loss.length;
    if (count > 0) high = Math.max(high, xAt(curve, axis, count - 1));
  }
  return [0, high > 0 ? high : 1];
}

/** Index of the entry of an ascending array closest to `target` (the first of equals); -1 if empty. */
export function nearestIndex(ascending: ArrayLike<number>, target: number): number {
  const count = ascending.length;
  if (count === 0) return -1;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ascending[middle] < target) low = middle + 1;
    else high = middle;
  }
  // `low` is the first entry ≥ target; the one before may be closer
  if (low > 0 && target - ascending[low - 1] <= ascending[low] - target) {
    let index = low - 1;
    while (index > 0 && ascending[index - 1] === ascending[index]) index--;
    return index;
  }
  return low;
}

const SUPERSCRIPTS: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A power of ten as people write it on a log axis: 1, 10, 10², 10⁻³. */
export function formatPowerOfTen(exponent: number): string {
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  return `10${String(exponent)
    .split('')
    .map((character) => SUPERSCRIPTS[character] ?? character)
    .join('')}`;
}

/** Powers of ten inside [low, high] (both > 0), every n-th so that at most `maxTicks` remain. */
export function logTickExponents(low: number, high: number, maxTicks = 6): number[] {
  const first = Math.ceil(Math.log10(low) - 1e-9);
  const last = Math.floor(Math.log10(high) + 1e-9);
  if (last < first) return [];
  const stride = Math.max(1, Math.ceil((last - first + 1) / maxTicks));
  const exponents: number[] = [];
  for (let exponent = last; exponent >= first; exponent -= stride) exponents.unshift(exponent);
  return exponents;
}

const FORMAT_PLAIN = format('.4~g');
const FORMAT_EXPONENT = format('.3~e');

/** A loss for a tooltip: 4 significant digits, exponent notation for the very small or large. */
export function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1e-3 && magnitude < 1e5 ? FORMAT_PLAIN(value) : FORMAT_EXPONENT(value);
}

const FORMAT_COUNT = format(',');
const FORMAT_SI = format('~s');

/** A step or evaluation count for an axis: 1,500 below ten thousand, 20k above. */
export function formatCount(value: number): string {
  return Math.abs(value) >= 10_000 ? FORMAT_SI(value) : FORMAT_COUNT(value);
}

const FORMAT_SHORT_TIME = format('.3~g');
const FORMAT_LONG_TIME = format(',.0f');

/** Milliseconds for a tooltip: three significant digits below 100 ms, whole milliseconds above. */
export function formatMilliseconds(value: number): string {
  return Math.abs(value) < 100 ? FORMAT_SHORT_TIME(value) : FORMAT_LONG_TIME(value);
}
