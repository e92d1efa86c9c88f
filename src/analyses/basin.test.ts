import { describe, expect, it } from 'vitest';
import { DEFAULT_BASIN } from '../experiment/analysis-settings';
import { DEFAULT_EXPERIMENT } from '../experiment/experiment';
import { BASIN_TOLERANCE, basinGrid, basinJobFor } from './basin';

describe('basinGrid', () => {
  it('puts the resolution along the longer side, cells square on the map', () => {
    expect(basinGrid([[-2, 2], [-1, 3]], 128)).toEqual({ columns: 128, rows: 128 });
    expect(basinGrid([[0, 4], [0, 2]], 512)).toEqual({ columns: 512, rows: 256 });
    expect(basinGrid([[0, 1], [0, 1.2]], 64)).toEqual({ columns: 53, rows: 64 });
    // the map clamps very wide views to a half-height plot (PLOT_ASPECT_RANGE)
    expect(basinGrid([[0, 100], [0, 1]], 256)).toEqual({ columns: 256, rows: 128 });
  });
});

describe('basinJobFor', () => {
  it('covers the view shown, or the problem’s domain when the view is the default', () => {
    const basin = { settings: { ...DEFAULT_BASIN, resolution: 64 as const } };
    const view = basinJobFor({ experiment: DEFAULT_EXPERIMENT, viewDomain: [[0, 2], [0, 1]], basin });
    expect(view).toMatchObject({ kind: 'basin', domain: [[0, 2], [0, 1]], columns: 64, rows: 32, tolerance: BASIN_TOLERANCE });
    // Rosenbrock's one minimum, f(1, 1) = 0
    expect(view.minima).toEqual([expect.objectContaining({ point: [1, 1], value: 0 })]);
    expect(basinJobFor({ experiment: DEFAULT_EXPERIMENT, viewDomain: null, basin }).domain).toEqual([[-2, 2], [-1, 3]]);
  });

  it('refuses a problem that is not two-dimensional, naming its dimension', () => {
    const experiment = { ...DEFAULT_EXPERIMENT, problem: { kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 } as const };
    expect(() => basinJobFor({ experiment, viewDomain: null, basin: { settings: DEFAULT_BASIN } })).toThrow('a basin map needs a two-dimensional problem; this one has 10');
  });
});
