import { describe, expect, it } from 'vitest';
import { getSurface, SURFACES } from './index';
import type { Surface } from './surface';

// A surface's suggested starts are where a run moved onto it begins, so each must be a start worth
// watching: on the map, finite, and not already at rest. The descent loops below are written out
// here, independently of engine/methods, so they check the points rather than our optimizers.

/** Steps of plain gradient descent x ← x − lr∇f(x), start first. */
function gradientDescent(surface: Surface, start: readonly number[], learningRate: number, numSteps: number): number[][] {
  const gradient = new Float64Array(2);
  const points = [[start[0], start[1]]];
  for (let step = 0; step < numSteps; step++) {
    const [x, y] = points[points.length - 1];
    surface.valueAndGradient([x, y], gradient);
    points.push([x - learningRate * gradient[0], y - learningRate * gradient[1]]);
  }
  return points;
}

/** Steps of a fixed length downhill (x ← x − length·∇f/‖∇f‖), how Adam moves at first whatever the gradient's size. */
function normalizedDescent(surface: Surface, start: readonly number[], stepLength: number, numSteps: number): number[][] {
  const gradient = new Float64Array(2);
  const points = [[start[0], start[1]]];
  for (let step = 0; step < numSteps; step++) {
    const [x, y] = points[points.length - 1];
    surface.valueAndGradient([x, y], gradient);
    const norm = Math.hypot(gradient[0], gradient[1]);
    points.push([x - (stepLength * gradient[0]) / norm, y - (stepLength * gradient[1]) / norm]);
  }
  return points;
}

describe.each(SURFACES.map((definition) => [definition.id, definition] as const))('%s', (_id, definition) => {
  const surface = definition.create();
  const [[xMin, xMax], [yMin, yMax]] = definition.domain;
  const width = Math.max(xMax - xMin, yMax - yMin);
  const inView = ([x, y]: readonly number[]) => x >= xMin && x <= xMax && y >= yMin && y <= yMax;

  it('suggests at least one start, each finite, well inside the domain and with a finite f', () => {
    expect(definition.suggestedStarts.length).toBeGreaterThan(0);
    for (const start of definition.suggestedStarts) {
      expect(start).toHaveLength(2);
      expect(start.every(Number.isFinite)).toBe(true);
      // not on an edge, where the first step would already leave the map
      expect(start[0]).toBeGreaterThan(xMin + 0.02 * (xMax - xMin));
      expect(start[0]).toBeLessThan(xMax - 0.02 * (xMax - xMin));
      expect(start[1]).toBeGreaterThan(yMin + 0.02 * (yMax - yMin));
      expect(start[1]).toBeLessThan(yMax - 0.02 * (yMax - yMin));
      expect(Number.isFinite(surface.value(start))).toBe(true);
    }
  });

  it('suggests no minimum, nor any other point where the gradient vanishes', () => {
    const gradient = new Float64Array(2);
    for (const start of definition.suggestedStarts) {
      for (const minimum of surface.minima) {
        expect(Math.hypot(start[0] - minimum.point[0], start[1] - minimum.point[1])).toBeGreaterThan(0.05 * width);
        expect(surface.value(start)).toBeGreaterThan(minimum.value);
      }
      // a local minimum (Rastrigin has one near every integer point) or a saddle point would not move
      surface.valueAndGradient(start, gradient);
      expect(Math.hypot(gradient[0], gradient[1])).toBeGreaterThan(1e-2);
    }
  });

  it('is a start whose path stays on the map for its first steps', () => {
    // 25 steps of a hundredth of the view each could reach an edge only from a start within a quarter view of it
    for (const start of definition.suggestedStarts) {
      const path = normalizedDescent(surface, start, 0.01 * width, 25);
      expect(path.every(inView), `path from (${start.join(', ')})`).toBe(true);
    }
  });
});

describe('what the suggestions show', () => {
  it('Rosenbrock: the far side of the valley, where the playground has always started', () => {
    expect(getSurface('rosenbrock')!.suggestedStarts[0]).toEqual([-1.5, 2]);
  });

  it('the saddle: gradient descent slides towards the saddle point, then escapes along y within the view', () => {
    const definition = getSurface('saddle')!;
    const surface = definition.create();
    const start = definition.suggestedStarts[0];
    // on x² − y² with lr 0.1: x ← 0.8x, y ← 1.2y
    const path = gradientDescent(surface, start, 0.1, 40);
    const distances = path.map(([x, y]) => Math.hypot(x, y));
    const closest = Math.min(...distances);
    expect(closest).toBeLessThan(distances[0] / 3);
    const leaves = path.findIndex(([, y]) => Math.abs(y) > 2);
    // it leaves, through the top or bottom edge, but only after coming close: the escape is seen
    expect(leaves).toBeGreaterThan(distances.indexOf(closest));
    expect(leaves).toBeGreaterThan(10);
    expect(Math.abs(path[leaves][0])).toBeLessThan(0.1);
  });

  it('Himmelblau: starts a hundredth of the view apart end in different basins, as the description says', () => {
    const definition = getSurface('himmelblau')!;
    const surface = definition.create();
    const [x, y] = definition.suggestedStarts[0];
    const basin = (start: readonly number[]) => {
      const end = gradientDescent(surface, start, 0.01, 2000).at(-1)!;
      return surface.minima.findIndex((minimum) => Math.hypot(end[0] - minimum.point[0], end[1] - minimum.point[1]) < 1e-3);
    };
    const basins = new Set([basin([x, y]), basin([x + 0.1, y]), basin([x, y - 0.1]), basin([x + 0.1, y - 0.2])]);
    expect(basins.has(-1)).toBe(false);
    expect(basins.size).toBeGreaterThan(1);
  });
});
