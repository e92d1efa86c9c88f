import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../expression';
import golden from './surfaces.golden.json';
import { getSurface, SURFACES } from './index';
import type { Surface, SurfaceGroup } from './surface';

/*
 * The oracle is scripts/golden/surfaces.py: every surface written again in PyTorch from its
 * canonical formula, value / torch.autograd.grad / torch.autograd.functional.hessian in float64
 * at 8 random points per domain plus the known minima and points 1e-3 away from them.
 *
 * Tolerance: |ours − torch| ≤ 1e-9·|torch| + 1e-12·scale, where scale is the largest magnitude
 * among the entries of the same quantity at that point (at least 1). The relative term is the
 * brief's 1e-9; the absolute term only matters for entries that are (nearly) zero because large
 * terms cancel, such as a gradient at a minimum or Rastrigin's value near the origin, where both
 * sides carry rounding noise of order 1e-16 times the size of those terms.
 */
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_TOLERANCE = 1e-12;

interface GoldenPoint {
  point: [number, number];
  value: number;
  gradient: [number, number];
  hessian: [number, number, number, number];
}

interface GoldenMinimum {
  point: [number, number];
  value: number;
}

interface GoldenCase {
  id: string;
  parameters: Record<string, number>;
  domain: [[number, number], [number, number]];
  minima: GoldenMinimum[];
  points: GoldenPoint[];
}

const CASES = (golden as unknown as { cases: GoldenCase[] }).cases;

/** Descriptions of the entries of `actual` that are not within tolerance of `expected`. */
function mismatches(what: string, actual: ArrayLike<number>, expected: ArrayLike<number>, reference = 'torch'): string[] {
  let scale = 1;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  const failures: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]);
    const allowed = RELATIVE_TOLERANCE * Math.abs(expected[i]) + ABSOLUTE_TOLERANCE * scale;
    if (!(error <= allowed)) failures.push(`${what}[${i}]: ${actual[i]} vs ${reference} ${expected[i]} (error ${error.toExponential(2)})`);
  }
  return failures;
}

/** Mismatches of value, valueAndGradient and hessian between two objectives at one point. */
function compareObjectives(actual: Pick<Surface, 'valueAndGradient' | 'hessian'>, expected: Pick<Surface, 'valueAndGradient' | 'hessian'>, point: readonly number[]): string[] {
  const actualGradient = new Float64Array(2);
  const expectedGradient = new Float64Array(2);
  const actualHessian = new Float64Array(4);
  const expectedHessian = new Float64Array(4);
  const actualValue = actual.valueAndGradient(point, actualGradient);
  const expectedValue = expected.valueAndGradient(point, expectedGradient);
  actual.hessian(point, actualHessian);
  expected.hessian(point, expectedHessian);
  return [
    ...mismatches('value', [actualValue], [expectedValue], 'hand-written'),
    ...mismatches('gradient', actualGradient, expectedGradient, 'hand-written'),
    ...mismatches('hessian', actualHessian, expectedHessian, 'hand-written'),
  ].map((failure) => `at (${point.join(', ')}): ${failure}`);
}

/** Mismatches of value, valueAndGradient and hessian against one golden point. */
function compareWithGolden(surface: Pick<Surface, 'value' | 'valueAndGradient' | 'hessian'>, golden: GoldenPoint): string[] {
  const gradient = new Float64Array(2);
  const hessian = new Float64Array(4);
  const value = surface.value(golden.point);
  const valueWithGradient = surface.valueAndGradient(golden.point, gradient);
  surface.hessian(golden.point, hessian);
  return [
    ...mismatches('value', [value], [golden.value]),
    ...mismatches('valueAndGradient', [valueWithGradient], [golden.value]),
    ...mismatches('gradient', gradient, golden.gradient),
    ...mismatches('hessian', hessian, golden.hessian),
  ].map((failure) => `at (${golden.point.join(', ')}): ${failure}`);
}

function caseName(golden: GoldenCase): string {
  const parameters = Object.entries(golden.parameters).map(([name, value]) => `${name}=${value}`);
  return parameters.length === 0 ? golden.id : `${golden.id} (${parameters.join(', ')})`;
}

function createCase(golden: GoldenCase): Surface {
  const definition = getSurface(golden.id);
  if (definition === undefined) throw new Error(`no surface '${golden.id}'`);
  return definition.create(golden.parameters);
}

const GROUP_ORDER: readonly SurfaceGroup[] = ['convex', 'valleys', 'multimodal', 'saddles'];

describe('registry', () => {
  it('lists every surface of the brief once, ordered by group', () => {
    const ids = SURFACES.map((surface) => surface.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      [
        'quadratic', 'ill-conditioned', 'rosenbrock', 'beale', 'booth', 'matyas', 'himmelblau', 'three-hump-camel',
        'six-hump-camel', 'goldstein-price', 'rastrigin', 'ackley', 'styblinski-tang', 'levi-13', 'saddle',
        'monkey-saddle', 'plateau-cliff',
      ].sort(),
    );
    const groupIndices = SURFACES.map((surface) => GROUP_ORDER.indexOf(surface.group));
    expect(groupIndices.every((index) => index >= 0)).toBe(true);
    expect(groupIndices).toEqual([...groupIndices].sort((a, b) => a - b));
  });

  it('finds surfaces by id', () => {
    for (const surface of SURFACES) expect(getSurface(surface.id)).toBe(surface);
    expect(getSurface('no-such-surface')).toBeUndefined();
  });

  it('has golden vectors for every surface', () => {
    const covered = new Set(CASES.map((golden) => golden.id));
    expect(SURFACES.filter((surface) => !covered.has(surface.id)).map((surface) => surface.id)).toEqual([]);
  });
});

describe.each(SURFACES.map((definition) => [definition.id, definition] as const))('%s', (_id, definition) => {
  it('has a sane domain, parameters and description', () => {
    for (const [low, high] of definition.domain) {
      expect(Number.isFinite(low) && Number.isFinite(high)).toBe(true);
      expect(low).toBeLessThan(high);
    }
    for (const parameter of definition.parameters) {
      expect(parameter.min).toBeLessThan(parameter.max);
      expect(parameter.defaultValue).toBeGreaterThanOrEqual(parameter.min);
      expect(parameter.defaultValue).toBeLessThanOrEqual(parameter.max);
      if (parameter.log) expect(parameter.min).toBeGreaterThan(0);
    }
    expect(definition.name.length).toBeGreaterThan(0);
    expect(definition.description.length).toBeGreaterThan(20);
  });

  it('binds its default parameters into a 2-D surface with an expression', () => {
    const surface = definition.create();
    expect(surface.dimension).toBe(2);
    expect(surface.expression).toMatch(/x/);
    expect(surface.expression).not.toMatch(/e[+-]?\d/); // no exponent notation in constants
    const withDefaults = Object.fromEntries(definition.parameters.map((parameter) => [parameter.name, parameter.defaultValue]));
    expect(definition.create(withDefaults).expression).toBe(surface.expression);
  });

  it('shows its minima inside the default domain', () => {
    const [[xMin, xMax], [yMin, yMax]] = definition.domain;
    for (const { point } of definition.create().minima) {
      expect(point[0]).toBeGreaterThanOrEqual(xMin);
      expect(point[0]).toBeLessThanOrEqual(xMax);
      expect(point[1]).toBeGreaterThanOrEqual(yMin);
      expect(point[1]).toBeLessThanOrEqual(yMax);
    }
  });
});

describe.each(CASES.map((golden) => [caseName(golden), golden] as const))('%s against PyTorch', (_name, golden) => {
  it(`agrees on value, gradient and Hessian at ${golden.points.length} points`, () => {
    const surface = createCase(golden);
    expect(golden.points.length).toBeGreaterThanOrEqual(6);
    expect(golden.points.flatMap((point) => compareWithGolden(surface, point))).toEqual([]);
  });

  it('states the same global minima as the literature (solved to 50 digits in the generator)', () => {
    const surface = createCase(golden);
    expect(surface.minima.length).toBe(golden.minima.length);
    for (const expected of golden.minima) {
      const match = surface.minima.find(
        (minimum) => Math.hypot(minimum.point[0] - expected.point[0], minimum.point[1] - expected.point[1]) <= 1e-12 * Math.max(1, Math.hypot(...expected.point)),
      );
      expect(match, `minimum at (${expected.point.join(', ')})`).toBeDefined();
      expect(match?.value).toBeCloseTo(expected.value, 12);
    }
  });

  it('has zero gradient and the stated value at each minimum', () => {
    const surface = createCase(golden);
    const gradient = new Float64Array(2);
    for (const minimum of surface.minima) {
      const value = surface.valueAndGradient(minimum.point, gradient);
      expect(Math.abs(value - minimum.value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(minimum.value)));
      expect(Math.hypot(gradient[0], gradient[1])).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('expression', () => {
  // the formula language (engine/expression) differentiates symbolically: a second, independent
  // derivation of the same gradient and Hessian, at the golden points
  it.each(CASES.map((golden) => [caseName(golden), golden] as const))('%s: compileFormula(expression) matches the hand-written code', (_name, golden) => {
    const surface = createCase(golden);
    const compiled = compileFormula(surface.expression);
    if (!compiled.ok) throw new Error(`${surface.expression}: ${compiled.error.message}`);
    expect(compiled.objective.dimension).toBe(2);
    expect(golden.points.flatMap(({ point }) => compareObjectives(compiled.objective, surface, point))).toEqual([]);
  });

  it('matches for other parameter values too', () => {
    const variants = [
      ['ill-conditioned', { angle: 0, condition: 1000 }],
      ['ill-conditioned', { angle: 90, condition: 4 }],
      ['ill-conditioned', { angle: -17, condition: 3 }],
      ['rosenbrock', { a: -1.5, b: 1 }],
      ['rosenbrock', { a: 0.3, b: 777 }],
    ] as const;
    const points = [[0.3, -0.7], [-1.2, 1.9], [1.7, 0.4]];
    for (const [id, parameters] of variants) {
      const surface = getSurface(id)!.create(parameters);
      const compiled = compileFormula(surface.expression);
      if (!compiled.ok) throw new Error(`${surface.expression}: ${compiled.error.message}`);
      expect(points.flatMap((point) => compareObjectives(compiled.objective, surface, point))).toEqual([]);
    }
  });
});

describe('special cases', () => {
  it("ackley's cone point: gradient 0 and the cosine term's Hessian 2π²e·I", () => {
    const surface = getSurface('ackley')!.create();
    const gradient = new Float64Array(2);
    const hessian = new Float64Array(4);
    expect(Math.abs(surface.valueAndGradient([0, 0], gradient))).toBeLessThanOrEqual(1e-14);
    expect([...gradient]).toEqual([0, 0]);
    surface.hessian([0, 0], hessian);
    const curvature = 2 * Math.PI * Math.PI * Math.E; // −exp(½(cos 2πx + cos 2πy)), ∂²/∂x² at 0
    expect(mismatches('hessian', hessian, [curvature, 0, 0, curvature])).toEqual([]);
  });

  it('parameters: missing ones take defaults, and the minimum moves with Rosenbrock a', () => {
    const rosenbrock = getSurface('rosenbrock')!;
    expect(rosenbrock.create({ a: 0.5 }).minima).toEqual([{ point: [0.5, 0.25], value: 0 }]);
    expect(rosenbrock.create({ b: 10 }).expression).toBe('(1 - x)^2 + 10*(y - x^2)^2');
    expect(rosenbrock.create({ a: -0.5 }).expression).toBe('(-0.5 - x)^2 + 100*(y - x^2)^2');
  });

  it('ill-conditioned: eigenvalues 1 and 1/condition whatever the angle, tidy expression', () => {
    const definition = getSurface('ill-conditioned')!;
    expect(definition.create().expression).toBe('0.5*((0.866025403784439*x + 0.5*y)^2 + 0.1*(-0.5*x + 0.866025403784439*y)^2)');
    expect(definition.create({ angle: 0 }).expression).toBe('0.5*(x^2 + 0.1*y^2)');
    expect(definition.create({ angle: 90, condition: 4 }).expression).toBe('0.5*(y^2 + 0.25*(-x)^2)');
    const hessian = new Float64Array(4);
    for (const angle of [-90, -45, 0, 17, 30, 90]) {
      for (const condition of [1, 10, 1000]) {
        definition.create({ angle, condition }).hessian([0.3, -0.2], hessian);
        const trace = hessian[0] + hessian[3];
        const determinant = hessian[0] * hessian[3] - hessian[1] * hessian[2];
        expect(trace).toBeCloseTo(1 + 1 / condition, 13);
        expect(determinant).toBeCloseTo(1 / condition, 13);
      }
    }
  });

  it('plateau-cliff: the plateau is ~100 times flatter than the cliff', () => {
    const surface = getSurface('plateau-cliff')!.create();
    const gradient = new Float64Array(2);
    surface.valueAndGradient([-2, -2], gradient);
    const plateauSlope = Math.hypot(gradient[0], gradient[1]);
    const r = 1 / (2 * Math.SQRT2); // steepest point of the pit wall
    surface.valueAndGradient([1 + r, 1], gradient);
    const cliffSlope = Math.hypot(gradient[0], gradient[1]);
    expect(plateauSlope).toBeGreaterThan(0.015);
    expect(plateauSlope).toBeLessThan(0.02);
    expect(cliffSlope).toBeCloseTo(2 * Math.SQRT2 * Math.exp(-0.5) + (0.02 * r) / Math.sqrt(1 + r * r), 12);
    const hessian = new Float64Array(4);
    surface.hessian([1, 1], hessian);
    expect(mismatches('hessian', hessian, [8.02, 0, 0, 8.02])).toEqual([]);
  });
});
