import { describe, expect, it } from 'vitest';
import { contours, geoPath, geoTransform } from 'd3';
import { polygonPath } from './polygon-path';

/** d3-geo's path of the same polygons, as contour-map.ts drew them before polygon-path.ts. */
function d3Path(project: (column: number, row: number) => readonly [number, number]) {
  return geoPath(
    geoTransform({
      point(column, row) {
        const [x, y] = project(column, row);
        this.stream.point(x, y);
      },
    }),
  ).digits(1);
}

/** A deterministic bumpy surface on a grid, with holes and islands at most thresholds. */
function bumpyGrid(columns: number, rows: number, seed: number): number[] {
  const values: number[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) values.push(Math.sin(column * 0.37 + seed) * Math.cos(row * 0.29 - seed) + Math.sin((column + row) * 0.11 * seed));
  }
  return values;
}

describe('polygonPath', () => {
  it('writes what d3.geoPath(geoTransform).digits(1) writes for every contour band', () => {
    let compared = 0;
    for (const seed of [0.3, 1.7, 4.2]) {
      const columns = 41;
      const rows = 33;
      const values = bumpyGrid(columns, rows, seed);
      // a scale with fractions and negatives, so rounding to a tenth and -0 are exercised
      const project = (column: number, row: number) => [column * 7.31 - 40.05, 300 - row * 5.77] as const;
      const reference = d3Path(project);
      const generator = contours().size([columns, rows]);
      for (let threshold = -2.2; threshold <= 2.2; threshold += 0.1) {
        const polygon = generator.contour(values, threshold);
        expect(polygonPath(polygon, project)).toBe(reference(polygon));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('is null for no rings, as geoPath is', () => {
    expect(polygonPath({ type: 'MultiPolygon', value: 0, coordinates: [] }, (column, row) => [column, row])).toBeNull();
  });
});
