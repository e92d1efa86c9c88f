import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { evaluate } from './evaluate';
import { parseFormula } from './parser';
import { toText } from './print';
import { simplify } from './simplify';

function parse(text: string): Expr {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.ast;
}

describe('simplify', () => {
  it.each([
    // 0 and 1 identities
    ['0*x + 1*y - 0', 'y'],
    ['x^1 + x^0', 'x + 1'],
    ['0/x + x/1', 'x'],
    ['1^x', '1'],
    // constant folding, only where the result prints short
    ['2*3*x', '6*x'],
    ['2*(3*(4*x))', '24*x'],
    ['exp(0) + log(1)*x', '1'],
    ['1/3*x', '1/3*x'],
    ['0.1 + 0.2', '0.1 + 0.2'],
    ['(x - 1) - 1', 'x - 2'],
    ['x + -2', 'x - 2'],
    // signs
    ['-(-x)', 'x'],
    ['-x*-y', 'x*y'],
    ['-(x - y)', 'y - x'],
    ['x/-y', '-(x/y)'],
    ['x - -y', 'x + y'],
    ['abs(-x)', 'abs(x)'],
    // like factors
    ['x*x', 'x^2'],
    ['x*x*x', 'x^3'],
    ['2*x*3*y', '6*x*y'],
    ['x - x', '0'],
    ['x + x', '2*x'],
    ['(x^2)^3', 'x^6'],
    // (x^0.5)^2 is not x for x < 0 (NaN there), so it stays
    ['(x^0.5)^2', '(x^0.5)^2'],
  ])('%s -> %s', (text, simplified) => {
    expect(toText(simplify(parse(text)))).toBe(simplified);
  });

  it('never changes a value where the formula is finite', () => {
    // Identities such as 0·u = 0 may turn NaN into a number; everywhere else values must agree.
    const formulas = [
      '(1 - x)^2 + 100*(y - x^2)^2',
      '2*x*3*y - x*x + (x - 1) - 1',
      '-(x - y)*-(2*x) / -(3*y)',
      'exp(0)*sin(x) + 0*cos(y) + x^1*y^1',
      '(x^2)^3 - x*x*x*x*x*x + sqrt(x*x)',
      'min(-x, -y) + max(x, y, 2*x)',
    ];
    for (const text of formulas) {
      const original = parse(text);
      const simplified = simplify(original);
      for (const [x, y] of [
        [0.3, 0.7],
        [-1.25, 2],
        [2.5, -0.5],
      ]) {
        const before = evaluate(original, x, y);
        const after = evaluate(simplified, x, y);
        expect(Math.abs(after - before), text).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(before)));
      }
    }
  });
});
