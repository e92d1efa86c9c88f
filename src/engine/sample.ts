import type { Domain, Objective } from './objective';

/** f sampled on a columns × rows grid over a domain, for contour maps. */
export interface SurfaceGrid {
  readonly columns: number;
  readonly rows: number;
  readonly domain: Domain;
  /** Row-major; row 0 is the top edge (y = yMax), column 0 the left edge (x = xMin), as on screen. */
  readonly values: Float64Array;
}

/** Samples f at the grid's cell corners, edges included; non-finite values are kept as they are. */
export function sampleObjective(objective: Objective, domain: Domain, columns: number, rows: number): SurfaceGrid {
  const [[xMin, xMax], [yMin, yMax]] = domain;
  const values = new Float64Array(columns * rows);
  const point = new Float64Array(2);
  const xStep = (xMax - xMin) / (columns - 1);
  const yStep = (yMax - yMin) / (rows - 1);
  for (let row = 0; row < rows; row++) {
    point[1] = yMax - row * yStep;
    for (let column = 0; column < columns; column++) {
      point[0] = xMin + column * xStep;
      values[row * columns + column] = objective.value(point);
    }
  }
  return { columns, rows, domain, values };
}
