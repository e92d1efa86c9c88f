import type { ContourMultiPolygon } from 'd3';

// SVG path data of d3.contours' polygons, character for character what
// d3.geoPath(geoTransform({ point })).digits(1) writes for them: each ring is "M x,y L x,y … Z",
// its closing point (a repeat of the first) left out, every coordinate rounded to a tenth. Our own
// because d3-geo's path also brings its area, bounds, centroid and length streams, ~6 KB gzip of
// the first paint (e2e/bundle-budget.spec.ts); polygon-path.test.ts compares the two.

/** Where a contour point (grid column, row) is drawn, in pixels. */
export type PointProjector = (column: number, row: number) => readonly [number, number];

/** A coordinate to a tenth of a pixel, as d3-path and d3-geo round with digits(1). */
function tenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The path data of a contour (multi)polygon's rings through `project`; null when it has none, as geoPath says. */
export function polygonPath(polygon: ContourMultiPolygon, project: PointProjector): string | null {
  let path = '';
  for (const rings of polygon.coordinates) {
    for (const ring of rings) {
      // a ring's last position repeats its first; "Z" closes it
      for (let i = 0; i < ring.length - 1; i++) {
        const [x, y] = project(ring[i][0], ring[i][1]);
        path += `${i === 0 ? 'M' : 'L'}${tenth(x)},${tenth(y)}`;
      }
      path += 'Z';
    }
  }
  return path.length > 0 ? path : null;
}
