import { interpolateYlGnBu, interpolateYlOrRd, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { summaryStride } from '../engine/batch/types';
import { BASIN_DIVERGED_COLOUR, BASIN_NONE_COLOUR, MINIMUM_COLOURS, basinColouring, basinLegend, cellFilled, effectiveColorBy, paintBasin, type BasinData } from './basin-colours';

// Oracles: colours written down from the palettes' definitions (d3's own interpolators at the
// ramp's ends, the hex constants), counts of cells made by hand.

const MINIMA = [
  { point: [3, 2] as const, value: 0 },
  { point: [-2.805118, 3.131312] as const, value: 0 },
];

/** Floats per cell of a basin map (its runs are on the plane). */
const SUMMARY_STRIDE = summaryStride(2);

/** One summary per cell: [finalLoss, bestLoss, convergedStep, divergedStep, minimumIndex, finalX, finalY]; null: not computed. */
function data(cells: (readonly number[] | null)[], fStar: number | null = 0): BasinData {
  const summaries = new Float64Array(cells.length * SUMMARY_STRIDE).fill(NaN);
  cells.forEach((cell, i) => cell && summaries.set(cell, i * SUMMARY_STRIDE));
  return { summaries, minima: MINIMA, fStar };
}

const REACHED_0_AT_10 = [1e-8, 1e-8, 10, -1, 0, 3, 2];
const REACHED_1_AT_40 = [1e-4, 1e-4, 40, -1, 1, -2.8, 3.13];
const NONE = [100, 50, -1, -1, -1, 0, 0];
const DIVERGED = [1e30, 5, -1, 17, -1, 1e10, 1e10];

function pixel(rgba: Uint8ClampedArray, index: number): string {
  return rgb(rgba[4 * index], rgba[4 * index + 1], rgba[4 * index + 2]).formatHex() + (rgba[4 * index + 3] === 255 ? '' : `/${rgba[4 * index + 3]}`);
}

function paint(cells: BasinData, colorBy: 'minimum' | 'steps' | 'loss'): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray((cells.summaries.length / SUMMARY_STRIDE) * 4);
  paintBasin(basinColouring(cells, colorBy), cells.summaries, rgba);
  return rgba;
}

describe('the basin colours', () => {
  const cells = data([REACHED_0_AT_10, REACHED_1_AT_40, NONE, DIVERGED, null]);

  it('by minimum: one colour per minimum, grey for none, dark for diverged, clear where not computed', () => {
    const rgba = paint(cells, 'minimum');
    expect([0, 1, 2, 3].map((i) => pixel(rgba, i))).toEqual([MINIMUM_COLOURS[0].toLowerCase(), MINIMUM_COLOURS[1].toLowerCase(), BASIN_NONE_COLOUR, BASIN_DIVERGED_COLOUR]);
    expect(rgba[4 * 4 + 3]).toBe(0);
    expect(cellFilled(cells.summaries, 3)).toBe(true);
    expect(cellFilled(cells.summaries, 4)).toBe(false);
  });

  it('by steps: the fastest at the ramp’s light end, the slowest at its dark end', () => {
    const rgba = paint(cells, 'steps');
    // 10 of at most 40 steps is a quarter along the ramp that starts at 0.12 of YlGnBu
    expect(pixel(rgba, 1)).toBe(rgb(interpolateYlGnBu(1)).formatHex());
    expect(pixel(rgba, 2)).toBe(BASIN_NONE_COLOUR);
    expect(pixel(rgba, 3)).toBe(BASIN_DIVERGED_COLOUR);
    const quarter = rgb(interpolateYlGnBu(0.12 + 0.88 * (Math.round(0.25 * 255) / 255)));
    expect(pixel(rgba, 0)).toBe(quarter.formatHex());
  });

  it('by final loss: log of f − f*, lowest light, highest dark red', () => {
    const colouring = basinColouring(cells, 'loss');
    // gaps 1e-8 (reached), 1e-4, 100; the diverged run's loss is not part of the scale
    expect(colouring).toMatchObject({ kind: 'loss', reference: 0 });
    if (colouring.kind !== 'loss') throw new Error('loss colouring expected');
    expect(colouring.lowLog).toBeCloseTo(-8, 12);
    expect(colouring.highLog).toBeCloseTo(Math.log10(1e30), 12);
    const rgba = paint(data([REACHED_0_AT_10, NONE]), 'loss');
    expect(pixel(rgba, 0)).toBe(rgb(interpolateYlOrRd(0.12)).formatHex());
    expect(pixel(rgba, 1)).toBe(rgb(interpolateYlOrRd(1)).formatHex());
  });

  it('without known minima (a typed formula) colours by final loss against the lowest', () => {
    expect(effectiveColorBy('minimum', 0)).toBe('loss');
    expect(effectiveColorBy('steps', 2)).toBe('steps');
    const formula = { ...data([[-3, -3, -1, -1, -1, 0, 0], [7, 7, -1, -1, -1, 0, 0]], null), minima: [] };
    const colouring = basinColouring(formula, 'minimum');
    expect(colouring).toMatchObject({ kind: 'loss', reference: -3, referenceName: 'the lowest final loss' });
  });

  it('counts each category for the legend', () => {
    const legend = basinLegend(cells, basinColouring(cells, 'minimum'));
    expect(legend).toMatchObject({ title: 'Known minimum reached', ramp: null, filled: 4, total: 5 });
    expect(legend.swatches).toEqual([
      { label: 'minimum (3, 2)', colour: MINIMUM_COLOURS[0], count: 1 },
      { label: 'minimum (−2.81, 3.13)', colour: MINIMUM_COLOURS[1], count: 1 },
      { label: 'none', colour: BASIN_NONE_COLOUR, count: 1 },
      { label: 'diverged', colour: BASIN_DIVERGED_COLOUR, count: 1 },
    ]);
    const steps = basinLegend(cells, basinColouring(cells, 'steps'));
    expect(steps.ramp).toMatchObject({ low: '0', high: '40' });
    expect(steps.swatches.map((swatch) => swatch.count)).toEqual([1, 1]);
    const loss = basinLegend(cells, basinColouring(cells, 'loss'));
    expect(loss.ramp).toMatchObject({ low: '1e-8', high: '1e+30' });
  });
});
