import { checkNumber, describe } from '../checks';
import { fail, type Checked } from '../check-values';
import type { Domain } from '../objective';

/** Validates a plotting domain [[xMin, xMax], [yMin, yMax]] with min < max on each axis. */
export function checkDomain(value: unknown, path: string): Checked<Domain> {
  const shape = `${path} must be [[xMin, xMax], [yMin, yMax]]`;
  if (!Array.isArray(value) || value.length !== 2) return fail(`${shape}, got ${describe(value)}`);
  const errors: string[] = [];
  value.forEach((axis: unknown, index: number) => {
    const axisPath = `${path}[${index}]`;
    if (!Array.isArray(axis) || axis.length !== 2) return errors.push(`${shape}; ${axisPath} is ${describe(axis)}`);
    const [low, high] = axis as unknown[];
    const message = checkNumber(low, { min: -Infinity, max: Infinity }, `${axisPath}[0]`) ?? checkNumber(high, { min: -Infinity, max: Infinity }, `${axisPath}[1]`);
    if (message) return errors.push(message);
    if ((low as number) >= (high as number)) errors.push(`${axisPath} must go from low to high, got ${describe(axis)}`);
  });
  if (errors.length > 0) return { ok: false, errors };
  const [[xMin, xMax], [yMin, yMax]] = value as [[number, number], [number, number]];
  return { ok: true, value: [[xMin, xMax], [yMin, yMax]] };
}

/** True when the first two coordinates of `point` lie in the domain (edges included). */
export function isInDomain(point: ArrayLike<number>, domain: Domain): boolean {
  const [[xMin, xMax], [yMin, yMax]] = domain;
  return point[0] >= xMin && point[0] <= xMax && point[1] >= yMin && point[1] <= yMax;
}

/**
 * A start for a domain with nothing better to offer: its upper-left quarter point, a quarter of the
 * way in from the left and top edges (away from the central minima typed formulas tend to have),
 * rounded to four significant digits as a person would type it.
 */
export function domainQuarterPoint(domain: Domain): [number, number] {
  const [[xMin, xMax], [yMin, yMax]] = domain;
  const round = (value: number) => Number(value.toPrecision(4));
  return [round(xMin + 0.25 * (xMax - xMin)), round(yMax - 0.25 * (yMax - yMin))];
}
