import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkProblem, domainQuarterPoint, problemDimension, problemDomain, problemSuggestedStarts, resolveProblem, type DataProblem, type FormulaProblem, type Problem, type SurfaceProblem } from './index';

describe('checkProblem: one registry of kinds', () => {
  it('derives the Problem union from the registry (checked by the compiler)', () => {
    expectTypeOf<Problem>().toEqualTypeOf<FormulaProblem | SurfaceProblem | DataProblem>();
  });

  it('tells the kind from `kind`, or from the key that identifies it', () => {
    expect(checkProblem({ surface: 'booth' }, 'problem')).toEqual({ ok: true, value: { kind: 'surface', surface: 'booth', params: {} } });
    expect(checkProblem({ kind: 'formula', expression: 'x^2 + y^2' }, 'problem')).toEqual({ ok: true, value: { kind: 'formula', expression: 'x^2 + y^2' } });
    expect(checkProblem({ kind: 'dataset', name: 'iris' }, 'problem')).toEqual({ ok: false, errors: ['problem.kind must be one of "formula", "surface", "data", got "dataset"'] });
    expect(checkProblem({ kind: 'formula', surface: 'booth' }, 'problem')).toEqual({
      ok: false,
      errors: ["unknown key 'surface' in problem", 'problem.expression must be a formula string, got nothing'],
    });
  });

  it('takes a dimension for surfaces with an n-dimensional form, and says which do not', () => {
    expect(checkProblem({ surface: 'rosenbrock', dimension: 10 }, 'problem')).toEqual({ ok: true, value: { kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 } });
    // 2 is the plane: it is left out, so the same problem has one form
    expect(checkProblem({ surface: 'rosenbrock', dimension: 2 }, 'problem')).toEqual({ ok: true, value: { kind: 'surface', surface: 'rosenbrock', params: {} } });
    expect(checkProblem({ surface: 'himmelblau', dimension: 3 }, 'problem')).toEqual({ ok: false, errors: ['problem.dimension: Himmelblau is defined in 2 dimensions only, got 3'] });
    expect(checkProblem({ surface: 'rosenbrock', dimension: 1 }, 'problem')).toEqual({ ok: false, errors: ['problem.dimension must be a whole number from 2 to 1000, got 1'] });
    expect(checkProblem({ surface: 'rastrigin', dimension: 2.5 }, 'problem')).toEqual({ ok: false, errors: ['problem.dimension must be a whole number, got 2.5'] });
    expect(checkProblem({ surface: 'rastrigin', dimension: 1001 }, 'problem')).toEqual({ ok: false, errors: ['problem.dimension: 1,001 is over the limit of 1,000'] });
  });
});

describe('resolveProblem', () => {
  it('gives every problem an n-dimensional objective and only 2-D problems a plane', () => {
    const plane = resolveProblem({ kind: 'surface', surface: 'rosenbrock', params: {} });
    expect(plane.objective.dimension).toBe(2);
    expect(plane.plane).toEqual({ domain: [[-2, 2], [-1, 3]], minima: [{ point: [1, 1], value: 0 }] });
    expect(plane.expression).toBe('(1 - x)^2 + 100*(y - x^2)^2');

    const tenD = resolveProblem({ kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 });
    expect(tenD.objective.dimension).toBe(10);
    expect(tenD.plane).toBeUndefined();
    expect(tenD.expression).toBeUndefined();
    expect(tenD.minima).toEqual([{ point: new Array(10).fill(1), value: 0 }]);
    expect(tenD.objective.value(new Array(10).fill(1))).toBe(0);
    expect(problemDimension({ kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 })).toBe(10);

    const formula = resolveProblem({ kind: 'formula', expression: 'x^2 + 3*y^2' });
    expect(formula.plane).toEqual({ domain: [[-3, 3], [-3, 3]], minima: [] });
    expect(problemDomain({ kind: 'formula', expression: 'x', domain: [[0, 1], [2, 3]] })).toEqual([[0, 1], [2, 3]]);
  });
});

describe('problemSuggestedStarts', () => {
  it("a surface's own suggestions, inside its domain", () => {
    expect(problemSuggestedStarts({ kind: 'surface', surface: 'saddle', params: {} })).toEqual([[-1.5, 0.05]]);
    // a domain of the problem's own that still shows the suggestion keeps it
    expect(problemSuggestedStarts({ kind: 'surface', surface: 'saddle', params: {}, domain: [[-4, 4], [-1, 1]] })).toEqual([[-1.5, 0.05]]);
  });

  it("a domain that leaves the surface's suggestions out offers its upper-left quarter point", () => {
    // x: 0 + 10/4 = 2.5; y: 10 − 10/4 = 7.5
    expect(problemSuggestedStarts({ kind: 'surface', surface: 'saddle', params: {}, domain: [[0, 10], [0, 10]] })).toEqual([[2.5, 7.5]]);
  });

  it('an n-dimensional surface repeats the plane suggestion in every pair of coordinates', () => {
    expect(problemSuggestedStarts({ kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 5 })).toEqual([[-1.5, 2, -1.5, 2, -1.5]]);
  });

  it("a typed formula: its domain's upper-left quarter point, as a person would type it", () => {
    expect(problemSuggestedStarts({ kind: 'formula', expression: 'x^2 + y^2' })).toEqual([[-1.5, 1.5]]);
    expect(problemSuggestedStarts({ kind: 'formula', expression: 'x^2 + y^2', domain: [[-2, 2], [-1, 3]] })).toEqual([[-1, 2]]);
    // x: 0 + 1/12 = 0.083333… → 0.08333; y: 1 − 1/4 = 0.75
    expect(domainQuarterPoint([[0, 1 / 3], [0, 1]])).toEqual([0.08333, 0.75]);
  });
});
