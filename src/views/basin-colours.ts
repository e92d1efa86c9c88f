// The basin map's colours, apart from the drawing so they can be tested without a DOM: which
// colour each cell's summary gets (the known minimum it reached, the steps it took to get there, or
// its final loss on a log scale), the cells painted into RGBA, and the legend with its counts.
import { format, rgb } from 'd3';
import { interpolateYlGnBu, interpolateYlOrRd } from './colour-schemes';
import { BASIN_DIMENSION, SUMMARY_OFFSET, summaryStride } from '../engine/batch/types';
import type { KnownMinimum } from '../engine/objective';
import type { BasinColorBy } from '../experiment/analysis-settings';

/** A run that reached no known minimum (or, by steps, never converged). */
export const BASIN_NONE_COLOUR = '#bdbdbd';
/** A run that diverged. */
export const BASIN_DIVERGED_COLOUR = '#1f1f1f';
/** One colour per known minimum: Okabe-Ito, without the black and grey that mean "diverged" and "none". */
export const MINIMUM_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442'] as const;

const { finalLoss: FINAL_LOSS, convergedStep: CONVERGED_STEP, divergedStep: DIVERGED_STEP, minimumIndex: MINIMUM_INDEX } = SUMMARY_OFFSET;
/** Floats per cell: a basin map's runs are on its plane. */
const SUMMARY_STRIDE = summaryStride(BASIN_DIMENSION);

/** Entries of the sequential colour tables. */
const RAMP_SIZE = 256;
/** The light end of the ramps is left out: it would vanish on the light contour bands. */
const RAMP_START = 0.12;

/** The summaries a basin map is coloured from. */
export interface BasinData {
  /** summaryStride(2) floats per cell (SUMMARY_OFFSET order), NaN for cells not computed yet. */
  readonly summaries: Float64Array;
  /** The known minima the cells were classified by. */
  readonly minima: readonly KnownMinimum[];
  /** The lowest known minimum value f* (null when none is known). */
  readonly fStar: number | null;
}

/** How cells become colours; from basinColouring, which measures the scales' extents. */
export type BasinColouring =
  | { readonly kind: 'minimum' }
  | { readonly kind: 'steps'; readonly maxStep: number }
  | {
      readonly kind: 'loss';
      /** f − reference is plotted on a log scale; reference is f* or the lowest final loss. */
      readonly reference: number;
      readonly referenceName: string;
      readonly lowLog: number;
      readonly highLog: number;
    };

/** By-minimum and by-steps colourings need known minima; without them (a typed formula) cells are coloured by final loss. */
export function effectiveColorBy(colorBy: BasinColorBy, minimaCount: number): BasinColorBy {
  return minimaCount === 0 ? 'loss' : colorBy;
}

/** True once cell `index`'s summary has arrived. */
export function cellFilled(summaries: Float64Array, index: number): boolean {
  return !Number.isNaN(summaries[index * SUMMARY_STRIDE + CONVERGED_STEP]);
}

/** The colouring of `data` by `colorBy`, its scale spanning the cells computed so far. */
export function basinColouring(data: BasinData, colorBy: BasinColorBy): BasinColouring {
  const kind = effectiveColorBy(colorBy, data.minima.length);
  const { summaries } = data;
  const count = summaries.length / SUMMARY_STRIDE;
  if (kind === 'minimum') return { kind };
  if (kind === 'steps') {
    let maxStep = 1;
    for (let index = 0; index < count; index++) maxStep = Math.max(maxStep, summaries[index * SUMMARY_STRIDE + CONVERGED_STEP] || 0);
    return { kind, maxStep };
  }
  let lowest = Infinity;
  for (let index = 0; index < count; index++) {
    const loss = summaries[index * SUMMARY_STRIDE + FINAL_LOSS];
    if (Number.isFinite(loss) && loss < lowest) lowest = loss;
  }
  const reference = data.fStar ?? (Number.isFinite(lowest) ? lowest : 0);
  // the log scale runs from the smallest positive gap f − reference to the largest
  let smallest = Infinity;
  let largest = 0;
  for (let index = 0; index < count; index++) {
    const gap = summaries[index * SUMMARY_STRIDE + FINAL_LOSS] - reference;
    if (!Number.isFinite(gap) || gap <= 0) continue;
    if (gap < smallest) smallest = gap;
    if (gap > largest) largest = gap;
  }
  const lowLog = Number.isFinite(smallest) ? Math.log10(smallest) : -12;
  const highLog = largest > 0 ? Math.log10(largest) : lowLog + 1;
  return { kind, reference, referenceName: data.fStar === null ? 'the lowest final loss' : 'f*', lowLog, highLog: highLog > lowLog ? highLog : lowLog + 1 };
}

/** A sequential colour table: RAMP_SIZE entries of r, g, b. */
function ramp(interpolate: (t: number) => string): Uint8Array {
  const table = new Uint8Array(RAMP_SIZE * 3);
  for (let k = 0; k < RAMP_SIZE; k++) {
    const colour = rgb(interpolate(RAMP_START + ((1 - RAMP_START) * k) / (RAMP_SIZE - 1)));
    table.set([colour.r, colour.g, colour.b], 3 * k);
  }
  return table;
}

/** Steps to converge: light (fast) to dark blue (slow). */
const STEPS_RAMP = ramp(interpolateYlGnBu);
/** Final loss: light yellow (low) to dark red (high). */
const LOSS_RAMP = ramp(interpolateYlOrRd);

function rgbOf(hex: string): [number, number, number] {
  const colour = rgb(hex);
  return [colour.r, colour.g, colour.b];
}

const NONE_RGB = rgbOf(BASIN_NONE_COLOUR);
const DIVERGED_RGB = rgbOf(BASIN_DIVERGED_COLOUR);
const MINIMUM_RGB = MINIMUM_COLOURS.map(rgbOf);

/** Where t in [0, 1] falls in a ramp, as the table's offset. */
function rampOffset(t: number): number {
  const clamped = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
  return 3 * Math.round(clamped * (RAMP_SIZE - 1));
}

/**
 * Writes cell `index`'s colour as r, g, b, a into `rgba` at 4·index: transparent while the cell is
 * not computed, dark if its run diverged, else by the colouring.
 */
export function paintCell(colouring: BasinColouring, summaries: Float64Array, index: number, rgba: Uint8ClampedArray): void {
  const offset = index * SUMMARY_STRIDE;
  const out = 4 * index;
  if (Number.isNaN(summaries[offset + CONVERGED_STEP])) {
    rgba[out + 3] = 0;
    return;
  }
  let table: ArrayLike<number> = NONE_RGB;
  let at = 0;
  if (summaries[offset + DIVERGED_STEP] >= 0) table = DIVERGED_RGB;
  else if (colouring.kind === 'minimum') {
    const minimum = summaries[offset + MINIMUM_INDEX];
    if (minimum >= 0) table = MINIMUM_RGB[minimum % MINIMUM_RGB.length];
  } else if (colouring.kind === 'steps') {
    const step = summaries[offset + CONVERGED_STEP];
    if (step >= 0) {
      table = STEPS_RAMP;
      at = rampOffset(step / colouring.maxStep);
    }
  } else {
    const gap = summaries[offset + FINAL_LOSS] - colouring.reference;
    if (Number.isNaN(gap)) table = DIVERGED_RGB;
    else {
      table = LOSS_RAMP;
      // a gap ≤ 0 (f* itself reached) takes the low end
      at = rampOffset(gap > 0 ? (Math.log10(gap) - colouring.lowLog) / (colouring.highLog - colouring.lowLog) : 0);
    }
  }
  rgba[out] = table[at];
  rgba[out + 1] = table[at + 1];
  rgba[out + 2] = table[at + 2];
  rgba[out + 3] = 255;
}

/** Paints every cell (row-major from the top, as the job's run indices) into `rgba`, 4 bytes per cell. */
export function paintBasin(colouring: BasinColouring, summaries: Float64Array, rgba: Uint8ClampedArray): void {
  const count = Math.min(summaries.length / SUMMARY_STRIDE, rgba.length / 4);
  for (let index = 0; index < count; index++) paintCell(colouring, summaries, index, rgba);
}

/** One entry of the basin legend: a swatch, what it means, how many cells have it. */
export interface LegendSwatch {
  readonly label: string;
  readonly colour: string;
  readonly count: number;
}

/** The basin map's key: a ramp for the sequential colourings, swatches with counts for the categories. */
export interface BasinLegend {
  readonly title: string;
  readonly ramp: { readonly colours: readonly string[]; readonly low: string; readonly high: string } | null;
  readonly swatches: readonly LegendSwatch[];
  /** Cells computed, of all. */
  readonly filled: number;
  readonly total: number;
}

const FORMAT_COORDINATE = format('.3~g');
const FORMAT_VALUE = format('.3~g');

/** A known minimum as the legend names it: "(3, 2)". */
export function minimumLabel(minimum: KnownMinimum): string {
  return `(${FORMAT_COORDINATE(minimum.point[0])}, ${FORMAT_COORDINATE(minimum.point[1])})`;
}

function rampColours(table: Uint8Array): string[] {
  const stops: string[] = [];
  for (let k = 0; k <= 8; k++) {
    const at = rampOffset(k / 8);
    stops.push(rgb(table[at], table[at + 1], table[at + 2]).formatHex());
  }
  return stops;
}

/** The legend of a colouring, with the number of cells of each category. */
export function basinLegend(data: BasinData, colouring: BasinColouring): BasinLegend {
  const { summaries, minima } = data;
  const total = summaries.length / SUMMARY_STRIDE;
  const perMinimum = new Array<number>(minima.length).fill(0);
  let filled = 0;
  let none = 0;
  let diverged = 0;
  for (let index = 0; index < total; index++) {
    const offset = index * SUMMARY_STRIDE;
    if (Number.isNaN(summaries[offset + CONVERGED_STEP])) continue;
    filled++;
    if (summaries[offset + DIVERGED_STEP] >= 0 || (colouring.kind === 'loss' && Number.isNaN(summaries[offset + FINAL_LOSS]))) diverged++;
    else if (colouring.kind === 'loss') continue;
    else if (summaries[offset + MINIMUM_INDEX] >= 0 && summaries[offset + MINIMUM_INDEX] < minima.length) perMinimum[summaries[offset + MINIMUM_INDEX]]++;
    else none++;
  }
  const divergedSwatch: LegendSwatch = { label: 'diverged', colour: BASIN_DIVERGED_COLOUR, count: diverged };
  if (colouring.kind === 'minimum') {
    return {
      title: 'Known minimum reached',
      ramp: null,
      swatches: [
        ...minima.map((minimum, m) => ({ label: `minimum ${minimumLabel(minimum)}`, colour: MINIMUM_COLOURS[m % MINIMUM_COLOURS.length], count: perMinimum[m] })),
        { label: 'none', colour: BASIN_NONE_COLOUR, count: none },
        divergedSwatch,
      ],
      filled,
      total,
    };
  }
  if (colouring.kind === 'steps') {
    return {
      title: 'Steps to converge',
      ramp: { colours: rampColours(STEPS_RAMP), low: '0', high: String(colouring.maxStep) },
      swatches: [{ label: 'did not converge', colour: BASIN_NONE_COLOUR, count: none }, divergedSwatch],
      filled,
      total,
    };
  }
  return {
    title: `Final loss − ${colouring.referenceName} (log)`,
    ramp: { colours: rampColours(LOSS_RAMP), low: FORMAT_VALUE(10 ** colouring.lowLog), high: FORMAT_VALUE(10 ** colouring.highLog) },
    swatches: [divergedSwatch],
    filled,
    total,
  };
}
