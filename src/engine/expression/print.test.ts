import { describe, expect, it } from 'vitest';
import { FUNCTION_ARITY, FUNCTION_NAMES, type BinaryOperator, type Expr } from './ast';
import { parseFormula } from './parser';
import { toLatex, toText } from './print';

function parse(text: string): Expr {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.ast;
}

const CORPUS = [
  '(1 - x)^2 + 100*(y - x^2)^2',
  'x - (y - 1)',
  'x - y - 1',
  'x/(y/2)',
  'x/y/2',
  'x*(y*2)',
  '(x^y)^2',
  'x^y^2',
  '-x^2',
  '(-x)^2',
  '-(x*y)',
  '-x*y',
  'x*-y',
  'x - -y',
  '2^-1',
  '2^-x^2',
  '2^(-x)^2',
  '--x',
  '-(x + y)',
  '2x^2 + 3(y - 1)^2',
  '(x + 1)(y - 2)',
  '2pi*sin(x) + 3cos(2y)',
  'min(x, y, 1 - x)*max(x^2, -y)',
  'sqrt(abs(x*y) + 1)',
  'exp(-(x^2 + y^2)/2)',
  'asin(x/2) + acos(y/2) - atan(x*y)',
  'sinh(x) + cosh(y) - tanh(x*y)',
  'log(1 + exp(x - y))',
  '1.5e-1*x^2 + .5*y^2 + 2.5E+4*x*y + 3.',
  '0.1 + 1e-7 + 1e+21 + 123456789.125',
  'x**3 - 3*x*y**2',
  'tan(x/2)^2',
  'e^(x*y) - pi*e',
  '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
];

describe('toText', () => {
  it.each(CORPUS)('round-trips %s', (text) => {
    const ast = parse(text);
    expect(parse(toText(ast))).toEqual(ast);
  });

  it('uses no more parentheses than the grammar needs', () => {
    expect(toText(parse('((x + y)) + (((2)))'))).toBe('x + y + 2');
    expect(toText(parse('(x*y)*(2)'))).toBe('x*y*2');
    expect(toText(parse('x - (y - 1)'))).toBe('x - (y - 1)');
    expect(toText(parse('(-x)^2 + -(x^2)'))).toBe('(-x)^2 + -x^2');
    expect(toText(parse('2^(-1)'))).toBe('2^-1');
    expect(toText(parse('(x^y)^2'))).toBe('(x^y)^2');
    expect(toText(parse('x^(y^2)'))).toBe('x^y^2');
    expect(toText(parse('2x'))).toBe('2*x');
  });

  it('round-trips 3000 random trees built the way the parser builds them', () => {
    let state = 7;
    const random = (below: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * below);
    };
    const operators: BinaryOperator[] = ['+', '-', '*', '/', '^'];
    const numbers = [0, 1, 2, 0.5, 3.25, 1e-7, 1e21, 12345];
    const tree = (depth: number): Expr => {
      const choice = depth <= 0 ? random(4) : random(8);
      switch (choice) {
        case 0:
          return { type: 'number', value: numbers[random(numbers.length)] };
        case 1:
          return { type: 'variable', name: random(2) === 0 ? 'x' : 'y' };
        case 2:
          return { type: 'constant', name: random(2) === 0 ? 'pi' : 'e' };
        case 3:
          return { type: 'variable', name: 'x' };
        case 4:
          return { type: 'negate', operand: tree(depth - 1) };
        case 5: {
          const name = FUNCTION_NAMES[random(FUNCTION_NAMES.length)];
          const count = FUNCTION_ARITY[name].min === 1 ? 1 : 2 + random(2);
          return { type: 'call', name, args: Array.from({ length: count }, () => tree(depth - 1)) };
        }
        default:
          return { type: 'binary', operator: operators[random(5)], left: tree(depth - 1), right: tree(depth - 1) };
      }
    };
    for (let i = 0; i < 3000; i++) {
      const original = tree(5);
      const text = toText(original);
      const parsed = parseFormula(text);
      if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
      expect(parsed.ast).toEqual(original);
    }
  });

  it('prints the internal derivative nodes readably', () => {
    const x: Expr = { type: 'variable', name: 'x' };
    const y: Expr = { type: 'variable', name: 'y' };
    expect(toText({ type: 'sign', operand: x })).toBe('sign(x)');
    expect(
      toText({ type: 'select', comparison: '<=', left: x, right: y, whenTrue: { type: 'number', value: 1 }, whenFalse: { type: 'number', value: 0 } }),
    ).toBe('(x <= y ? 1 : 0)');
    expect(toText({ type: 'binary', operator: '^', left: { type: 'number', value: -2 }, right: x })).toBe('(-2)^x');
  });
});

describe('toLatex', () => {
  it.each([
    ['(1 - x)^2 + 100*(y - x^2)^2', '\\left(1 - x\\right)^{2} + 100\\left(y - x^{2}\\right)^{2}'],
    ['x/(y + 1)', '\\frac{x}{y + 1}'],
    ['(x/y)^2', '\\left(\\frac{x}{y}\\right)^{2}'],
    ['2x*sin(y)', '2x \\cdot \\sin\\left(y\\right)'],
    ['2*3', '2 \\cdot 3'],
    ['x - -y', 'x - \\left(-y\\right)'],
    ['-(x + y)', '-\\left(x + y\\right)'],
    ['sqrt(x) + abs(y)', '\\sqrt{x} + \\left|y\\right|'],
    ['exp(x^2)', 'e^{x^{2}}'],
    ['exp(x)^2', '\\left(e^{x}\\right)^{2}'],
    ['log(x) + asin(y) + min(x, y)', '\\ln\\left(x\\right) + \\arcsin\\left(y\\right) + \\min\\left(x, y\\right)'],
    ['pi*e', '\\pi \\cdot e'],
    ['x^y^2', 'x^{y^{2}}'],
    ['1e-7*x', '10^{-7}x'],
    ['2.5e-7*x', '2.5 \\cdot 10^{-7}x'],
  ])('%s', (text, latex) => {
    expect(toLatex(parse(text))).toBe(latex);
  });
});
