import { interpolateViridis, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { summaryStride } from '../engine/batch/types';
import { HEATMAP_DIVERGED_COLOUR, cellEdges, heatmapScale, paintHeatmap, sweepGrid } from './sweep-heatmap';

// Oracles: hand-made grids; viridis at the scale's ends; cell edges from the geometric (log) and
// arithmetic means of neighbouring values.

function summaries(final: number[], diverged: number[] = []): Float64Array {
  const stride = summaryStride(2);
  const out = new Float64Array(final.length * stride);
  // SUMMARY_OFFSET order: final loss, best loss, converged step, diverged step, minimum, final point
  final.forEach((loss, i) => out.set([loss, loss, -1, diverged.includes(i) ? 2 : -1, -1, 0, 0], i * stride));
  return out;
}

const JOB = { start: [0, 0], learningRates: { min: 0.01, max: 1, count: 3 }, second: { name: 'beta1' as const, min: 0, max: 0.9, count: 2 } };

describe('sweepGrid', () => {
  it('lays the runs out as rows of second values, learning rate across', () => {
    const grid = sweepGrid(summaries([1, 2, 3, 4, 5, 6], [4]), JOB, 'final');
    expect(Array.from(grid.learningRates).map((rate) => Number(rate.toPrecision(12)))).toEqual([0.01, 0.1, 1]);
    expect(Array.from(grid.seconds)).toEqual([0, 0.9]);
    expect(grid.secondName).toBe('beta1');
    expect(Array.from(grid.loss)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(grid.diverged)).toEqual([0, 0, 0, 0, 1, 0]);
  });
});

describe('cellEdges', () => {
  it('puts the edges half a step beyond the ends, in log space for learning rates', () => {
    const [low, high] = cellEdges([0.01, 0.1, 1], true);
    expect(low).toBeCloseTo(0.01 / Math.sqrt(10), 15);
    expect(high).toBeCloseTo(Math.sqrt(10), 12);
    expect(cellEdges([0, 0.5, 1], false)).toEqual([-0.25, 1.25]);
    expect(cellEdges([0.3], false)).toEqual([-0.2, 0.8]);
  });
});

describe('paintHeatmap', () => {
  it('colours by log loss with viridis, the highest second value on top, diverged grey, missing clear', () => {
    const values = summaries([1e-6, 1e-3, 1, NaN, 1e5, 1], [4]);
    const grid = sweepGrid(values, JOB, 'final');
    const scale = heatmapScale(grid, 0);
    expect(scale).toMatchObject({ reference: 0, referenceName: 'f*' });
    expect(scale.lowLog).toBeCloseTo(-6, 12);
    expect(scale.highLog).toBeCloseTo(0, 12);
    const rgba = new Uint8ClampedArray(6 * 4);
    paintHeatmap(grid, scale, rgba);
    const at = (row: number, column: number) => {
      const offset = 4 * (row * 3 + column);
      return rgba[offset + 3] === 0 ? 'clear' : rgb(rgba[offset], rgba[offset + 1], rgba[offset + 2]).formatHex();
    };
    // bottom image row is second value 0: losses 1e-6 (lowest: dark purple), 1e-3 (half way), 1 (yellow)
    expect(at(1, 0)).toBe(rgb(interpolateViridis(0)).formatHex());
    expect(at(1, 1)).toBe(rgb(interpolateViridis(Math.round(0.5 * 255) / 255)).formatHex());
    expect(at(1, 2)).toBe(rgb(interpolateViridis(1)).formatHex());
    // top row is 0.9: not computed, diverged, loss 1
    expect(at(0, 0)).toBe('clear');
    expect(at(0, 1)).toBe(HEATMAP_DIVERGED_COLOUR);
    expect(at(0, 2)).toBe(rgb(interpolateViridis(1)).formatHex());
  });

  it('without f* the lowest loss is the reference and sits a decade below the smallest gap', () => {
    const grid = sweepGrid(summaries([-2, -1, 8, 0, 0, 0]), JOB, 'final');
    const scale = heatmapScale(grid, null);
    expect(scale.reference).toBe(-2);
    expect(scale.lowLog).toBeCloseTo(-1, 12); // smallest gap 1, a tenth of it
    expect(scale.highLog).toBeCloseTo(1, 12); // largest gap 10
  });
});
