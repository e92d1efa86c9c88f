import { checkNumber, describe, shortened } from '../checks';
import { fail, isJsonObject, unknownKeys, type Checked, type JsonObject } from '../check-values';
import { didYouMean } from '../suggest';
import { LIMITS } from '../limits';
import { domainQuarterPoint, isInDomain } from './domain';
import type { ProblemKind, ProblemSpec } from './problem';
import { SURFACES, getSurface } from './surfaces';

/** A built-in surface from the registry, with its parameters as the user gave them. */
export interface SurfaceProblem extends ProblemSpec {
  readonly kind: 'surface';
  readonly surface: string;
  /** Only the parameters the user set; the others take the surface's defaults. */
  readonly params: Readonly<Record<string, number>>;
  /** Coordinates, for surfaces with an n-dimensional form; 2 when absent. */
  readonly dimension?: number;
}

/** The plane, where every built-in surface is defined. */
const PLANE = 2;

/** Built-in test functions (engine/problems/surfaces), in 2 or, where they have one, n dimensions. */
export const surfaceProblem: ProblemKind<SurfaceProblem> = {
  kind: 'surface',
  title: 'a built-in surface',
  identifyingKey: { name: 'surface', phrase: 'a "surface"' },
  keys: ['surface', 'params', 'dimension'],
  check(value: JsonObject, path: string): Checked<SurfaceProblem> {
    const at = (key: string) => (path === '' ? key : `${path}.${key}`);
    return checkSurfaceFields(value.surface, value.params, value.dimension, { surface: at('surface'), params: at('params'), dimension: at('dimension') });
  },
  dimension: (problem) => problem.dimension ?? PLANE,
  defaultDomain: (problem) => requireSurface(problem).domain,
  suggestedStarts(problem) {
    const definition = requireSurface(problem);
    const domain = problem.domain ?? definition.domain;
    const inView = definition.suggestedStarts.filter((start) => isInDomain(start, domain));
    // a domain of the problem's own that leaves every suggestion out offers its quarter point instead
    const planeStarts = inView.length > 0 ? inView : [domainQuarterPoint(domain)];
    // an n-dimensional form starts from the plane's coordinates repeated: (x, y, x, y, …)
    const dimension = problem.dimension ?? PLANE;
    return planeStarts.map((start) => Array.from({ length: dimension }, (_, index) => start[index % PLANE]));
  },
  resolve(problem) {
    const definition = requireSurface(problem);
    const dimension = problem.dimension ?? PLANE;
    if (dimension === PLANE) {
      // the hand-written plane form: 2-D runs stay bit-identical to before n-D surfaces
      const surface = definition.create(problem.params);
      return { objective: surface, minima: surface.minima, expression: surface.expression };
    }
    if (!definition.nDimensional) throw new Error(`${definition.name} is defined in 2 dimensions only`);
    const surface = definition.nDimensional.create(problem.params, dimension);
    return { objective: surface, minima: surface.minima };
  },
};

function requireSurface(problem: SurfaceProblem) {
  const definition = getSurface(problem.surface);
  if (!definition) throw new Error(`unknown surface '${problem.surface}'`);
  return definition;
}

/**
 * Validates a surface id, the parameters given for it (those left out take the surface's defaults)
 * and its dimension (2 when absent); `paths` name the fields in messages.
 */
export function checkSurfaceFields(
  id: unknown,
  params: unknown,
  dimensionValue: unknown,
  paths: { readonly surface: string; readonly params: string; readonly dimension: string },
): Checked<SurfaceProblem> {
  if (typeof id !== 'string') return fail(`${paths.surface} must be a surface id, got ${describe(id)}`);
  const definition = getSurface(id);
  if (!definition) {
    const known = SURFACES.map((surface) => surface.id);
    return fail(`${paths.surface}: unknown surface '${shortened(id)}'${didYouMean(id, known)}; known: ${known.join(', ')}`);
  }
  if (params !== undefined && !isJsonObject(params)) return fail(`${paths.params} must be an object of numbers, got ${describe(params)}`);
  const errors: string[] = [];
  const values: Record<string, number> = {};
  if (params !== undefined) {
    const names = definition.parameters.map((parameter) => parameter.name);
    const known = `${definition.name} has ${names.length === 0 ? 'no parameters' : names.join(', ')}`;
    errors.push(...unknownKeys(params, names, paths.params, known));
    for (const parameter of definition.parameters) {
      const given = params[parameter.name];
      if (given === undefined) continue;
      const message = checkNumber(given, parameter, `${paths.params}.${parameter.name}`);
      if (message) errors.push(message);
      else values[parameter.name] = given as number;
    }
  }
  let dimension: number | undefined;
  if (dimensionValue !== undefined) {
    const range = definition.nDimensional;
    if (range === undefined) {
      if (dimensionValue !== PLANE) errors.push(`${paths.dimension}: ${definition.name} is defined in 2 dimensions only, got ${describe(dimensionValue)}`);
    } else {
      const limit = range.maxDimension === LIMITS.dimension.value ? LIMITS.dimension : undefined;
      const message = checkNumber(dimensionValue, { min: range.minDimension, max: range.maxDimension, integer: true, limit }, paths.dimension);
      if (message) errors.push(message);
      else if (dimensionValue !== PLANE) dimension = dimensionValue as number;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { kind: 'surface', surface: id, params: values, ...(dimension !== undefined && { dimension }) } };
}
