import { describe, expect, it } from 'vitest';
import { compileFormula } from './index';

function objectiveOf(text: string) {
  const compiled = compileFormula(text);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.objective;
}

describe('compileFormula', () => {
  it('returns the tree, the text as typed and the simplified derivatives', () => {
    const compiled = compileFormula('x^2*y');
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.text).toBe('x^2*y');
    expect(compiled.ast.type).toBe('binary');
    expect(compiled.gradient.map((e) => e.type)).toEqual(['binary', 'binary']);
    expect(compiled.hessian).toHaveLength(3);
  });

  it('computes hand-checked values: f = x^2 y at (3, 2)', () => {
    // f = 18, f_x = 2xy = 12, f_y = x^2 = 9, f_xx = 2y = 4, f_xy = 2x = 6, f_yy = 0.
    const objective = objectiveOf('x^2*y');
    const gradient = new Float64Array(2);
    const hessian = new Float64Array(4);
    expect(objective.valueAndGradient(new Float64Array([3, 2]), gradient)).toBe(18);
    expect([...gradient]).toEqual([12, 9]);
    objective.hessian([3, 2], hessian);
    expect([...hessian]).toEqual([4, 6, 6, 0]);
  });

  it('accepts any ArrayLike point and does not keep state between calls', () => {
    const objective = objectiveOf('sin(x) + y^3');
    const gradient = new Float64Array(2);
    const first = objective.valueAndGradient([0.5, 2], gradient);
    objective.hessian([10, -3], new Float64Array(4));
    objective.value({ length: 2, 0: -1, 1: 1 });
    expect(objective.valueAndGradient([0.5, 2], gradient)).toBe(first);
    expect([...gradient]).toEqual([Math.cos(0.5), 12]);
  });

  it('returns NaN and infinities instead of throwing', () => {
    const gradient = new Float64Array(2);
    expect(objectiveOf('log(x)').value([-1, 0])).toBeNaN();
    expect(objectiveOf('sqrt(x) + y').valueAndGradient([-4, 1], gradient)).toBeNaN();
    expect(objectiveOf('1/x').value([0, 0])).toBe(Infinity);
    expect(objectiveOf('exp(x)').value([1000, 0])).toBe(Infinity);
    expect(objectiveOf('x^y').value([-8, 1 / 3])).toBeNaN();
    expect(objectiveOf('asin(x)').value([2, 0])).toBeNaN();
  });

  it('keeps f exactly as typed even where simplification would not: 0*log(x) is NaN at x < 0', () => {
    expect(objectiveOf('0*log(x) + y').value([-1, 2])).toBeNaN();
  });

  it('takes the one-sided derivative at kinks: sign(0) = 0, ties go to the first argument', () => {
    const gradient = new Float64Array(2);
    objectiveOf('abs(x) + abs(y)').valueAndGradient([0, -2], gradient);
    expect([...gradient]).toEqual([0, -1]);
    objectiveOf('min(x, y)').valueAndGradient([1, 1], gradient);
    expect([...gradient]).toEqual([1, 0]);
    objectiveOf('max(x, y, 3)').valueAndGradient([1, 2], gradient);
    expect([...gradient]).toEqual([0, 0]);
  });

  it('reports formulas too big to differentiate instead of hanging or throwing', () => {
    // A sum of 200 000 terms would be a tree 200 000 levels deep (sums are read in a loop): the
    // parser stops at its 2001st operation, the '+' at column 4002.
    const huge = Array.from({ length: 200_000 }, () => 'x').join('+');
    const result = compileFormula(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ message: 'formula has more than 2000 operations (at column 4002); write a shorter one', column: 4002, length: 1 });
  });

  it('returns parse errors unchanged', () => {
    expect(compileFormula('1 + 2*sinn(x)')).toEqual({
      ok: false,
      error: { message: "unknown function 'sinn' at column 7 (did you mean 'sin'?)", column: 7, length: 4 },
    });
  });
});
