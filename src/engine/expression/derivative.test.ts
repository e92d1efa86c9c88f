import { describe, expect, it } from 'vitest';
import type { BinaryOperator, Expr, UnaryFunctionName } from './ast';
import { differentiate } from './derivative';
import { compileFormula } from './index';
import { parseFormula } from './parser';
import { toText } from './print';

function parse(text: string): Expr {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.ast;
}

const dx = (text: string): string => toText(differentiate(parse(text), 'x'));
const dy = (text: string): string => toText(differentiate(parse(text), 'y'));

describe('differentiate: the textbook rules, simplified', () => {
  // Expected forms derived by hand; each is the rule for the function named on the left.
  it.each([
    ['x^3', '3*x^2'],
    ['sin(x)', 'cos(x)'],
    ['cos(x)', '-sin(x)'],
    ['tan(x)', '1 + tan(x)^2'],
    ['asin(x)', '1/sqrt(1 - x^2)'],
    ['acos(x)', '-(1/sqrt(1 - x^2))'],
    ['atan(x)', '1/(1 + x^2)'],
    ['sinh(x)', 'cosh(x)'],
    ['cosh(x)', 'sinh(x)'],
    ['tanh(x)', '1 - tanh(x)^2'],
    ['exp(2x)', '2*exp(2*x)'],
    ['log(x)', '1/x'],
    ['sqrt(x)', '1/(2*sqrt(x))'],
    ['abs(x)', 'sign(x)'],
    ['1/x', '-(1/x^2)'],
    ['x^-1', '-x^-2'],
    ['2^x', '2^x*log(2)'],
    ['e^x', 'e^x'],
    ['pi*x', 'pi'],
    ['-x', '-1'],
    ['x*exp(x)', 'exp(x) + x*exp(x)'],
    ['(x + y)^3', '3*(x + y)^2'],
    ['log(x^2 + 1)', '2*x/(x^2 + 1)'],
    ['min(x, y)', '(x <= y ? 1 : 0)'],
    ['max(x, y, 1)', '(x >= max(y, 1) ? 1 : 0)'],
  ])('d/dx %s = %s', (formula, derivative) => {
    expect(dx(formula)).toBe(derivative);
  });

  it('treats the other variable as a constant', () => {
    expect(dy('x^3 + sin(x)')).toBe('0');
    expect(dx('x/y')).toBe('1/y');
    expect(dy('x/y')).toBe('-(x/y^2)');
    expect(dy('x^y')).toBe('x^y*log(x)');
    expect(dx('x^y')).toBe('y*x^(y - 1)');
  });

  it("gives Rosenbrock's hand-derived gradient", () => {
    // f = (1-x)^2 + 100(y-x^2)^2: f_x = -2(1-x) - 400x(y-x^2), f_y = 200(y-x^2).
    expect(dx('(1 - x)^2 + 100*(y - x^2)^2')).toBe('-2*(1 - x) - 400*(y - x^2)*x');
    expect(dy('(1 - x)^2 + 100*(y - x^2)^2')).toBe('200*(y - x^2)');
  });

  it('follows the branch min and max pick, and is 0 beyond abs', () => {
    expect(dy('max(x, y, 1)')).toBe('(x >= max(y, 1) ? 0 : (y >= 1 ? 1 : 0))');
    expect(toText(differentiate(differentiate(parse('abs(x)*3'), 'x'), 'x'))).toBe('0');
  });
});

describe('differentiate: agrees with central finite differences on random smooth formulas', () => {
  // The oracle here is numerical differentiation of the compiled value, independent of the rules.
  // Points where the step h and h/2 estimates disagree (poles, overflow, rounding) are skipped.
  const SMOOTH: UnaryFunctionName[] = ['sin', 'cos', 'tan', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'log', 'sqrt', 'asin', 'acos'];
  const OPERATORS: BinaryOperator[] = ['+', '-', '*', '/', '^'];
  let state = 2024;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const tree = (depth: number): Expr => {
    const roll = random();
    if (depth <= 0 || roll < 0.25) {
      return roll < 0.1 ? { type: 'number', value: pick([0.5, 2, 3]) } : { type: 'variable', name: random() < 0.5 ? 'x' : 'y' };
    }
    if (roll < 0.55) return { type: 'call', name: pick(SMOOTH), args: [tree(depth - 1)] };
    if (roll < 0.6) return { type: 'negate', operand: tree(depth - 1) };
    const operator = pick(OPERATORS);
    // Keep exponents numeric or small so most points stay finite.
    const right = operator === '^' ? { type: 'number' as const, value: pick([2, 3, 0.5, -1]) } : tree(depth - 1);
    return { type: 'binary', operator, left: tree(depth - 1), right };
  };

  function centralDifference(f: (x: number, y: number) => number, x: number, y: number, axis: 0 | 1, h: number): number {
    return axis === 0 ? (f(x + h, y) - f(x - h, y)) / (2 * h) : (f(x, y + h) - f(x, y - h)) / (2 * h);
  }

  it('gradient and Hessian of 300 random formulas at 4 points each', () => {
    let checked = 0;
    for (let k = 0; k < 300; k++) {
      const text = toText(tree(4));
      const compiled = compileFormula(text);
      if (!compiled.ok) throw new Error(`${text}: ${compiled.error.message}`);
      const objective = compiled.objective;
      const value = (x: number, y: number): number => objective.value([x, y]);
      const gradientAxis = (axis: 0 | 1) => (x: number, y: number) => {
        const gradient = new Float64Array(2);
        objective.valueAndGradient([x, y], gradient);
        return gradient[axis];
      };
      for (let p = 0; p < 4; p++) {
        const x = 0.2 + 1.6 * random();
        const y = 0.2 + 1.6 * random();
        const gradient = new Float64Array(2);
        const hessian = new Float64Array(4);
        const f = objective.valueAndGradient([x, y], gradient);
        objective.hessian([x, y], hessian);
        if (!Number.isFinite(f) || Math.abs(f) > 1e6) continue;
        const pairs: [number, (x: number, y: number) => number, 0 | 1][] = [
          [gradient[0], value, 0],
          [gradient[1], value, 1],
          [hessian[0], gradientAxis(0), 0],
          [hessian[1], gradientAxis(0), 1],
          [hessian[2], gradientAxis(1), 0],
          [hessian[3], gradientAxis(1), 1],
        ];
        for (const [exact, fn, axis] of pairs) {
          const coarse = centralDifference(fn, x, y, axis, 1e-4);
          const fine = centralDifference(fn, x, y, axis, 5e-5);
          const scale = Math.max(1, Math.abs(fine));
          if (!Number.isFinite(coarse) || !Number.isFinite(fine) || Math.abs(coarse - fine) > 1e-6 * scale) continue;
          expect(Math.abs(exact - fine), `${text} at (${x}, ${y})`).toBeLessThanOrEqual(1e-5 * scale);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });
});
