import { describe, expect, it } from 'vitest';
import type { BinaryOperator, Expr, FunctionName } from './ast';
import { compileFormula } from './index';
import { parseFormula } from './parser';

// Tree builders for the expected values, written out by hand from the grammar.
const n = (value: number): Expr => ({ type: 'number', value });
const x: Expr = { type: 'variable', name: 'x' };
const y: Expr = { type: 'variable', name: 'y' };
const pi: Expr = { type: 'constant', name: 'pi' };
const e: Expr = { type: 'constant', name: 'e' };
const neg = (operand: Expr): Expr => ({ type: 'negate', operand });
const op =
  (operator: BinaryOperator) =>
  (left: Expr, right: Expr): Expr => ({ type: 'binary', operator, left, right });
const add = op('+');
const sub = op('-');
const mul = op('*');
const div = op('/');
const pow = op('^');
const fn = (name: FunctionName, ...args: Expr[]): Expr => ({ type: 'call', name, args });

function parse(text: string): Expr {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.ast;
}

describe('parseFormula: precedence and associativity', () => {
  it.each<[string, Expr]>([
    ['x + y*2', add(x, mul(y, n(2)))],
    ['x*y + 2', add(mul(x, y), n(2))],
    ['x - y - 2', sub(sub(x, y), n(2))],
    ['x / y / 2', div(div(x, y), n(2))],
    ['x / y * 2', mul(div(x, y), n(2))],
    ['x*y^2', mul(x, pow(y, n(2)))],
    ['x^y^2', pow(x, pow(y, n(2)))],
    ['x**y**2', pow(x, pow(y, n(2)))],
    ['(x + y)*2', mul(add(x, y), n(2))],
    ['((x))', x],
    ['pi*e', mul(pi, e)],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('parseFormula: signs', () => {
  it.each<[string, Expr]>([
    ['-x^2', neg(pow(x, n(2)))],
    ['-2^2', neg(pow(n(2), n(2)))],
    ['2^-1', pow(n(2), neg(n(1)))],
    ['2^-x^2', pow(n(2), neg(pow(x, n(2))))],
    ['-x*y', mul(neg(x), y)],
    ['x*-y', mul(x, neg(y))],
    ['x - -y', sub(x, neg(y))],
    ['--x', neg(neg(x))],
    ['+x', x],
    ['x + +y', add(x, y)],
    ['-(x + y)', neg(add(x, y))],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('parseFormula: functions and implicit multiplication', () => {
  it.each<[string, Expr]>([
    ['sin(x)', fn('sin', x)],
    ['min(x, y, 1)', fn('min', x, y, n(1))],
    ['max(x^2, -y)', fn('max', pow(x, n(2)), neg(y))],
    ['log(exp(sqrt(abs(x))))', fn('log', fn('exp', fn('sqrt', fn('abs', x))))],
    ['2x', mul(n(2), x)],
    ['2 x', mul(n(2), x)],
    ['2x^2', mul(n(2), pow(x, n(2)))],
    ['-2x', mul(neg(n(2)), x)],
    ['2pi', mul(n(2), pi)],
    ['2 e', mul(n(2), e)],
    ['3sin(x)', mul(n(3), fn('sin', x))],
    ['2exp(x)', mul(n(2), fn('exp', x))],
    ['3(x + 1)', mul(n(3), add(x, n(1)))],
    ['2(x)^2', mul(n(2), pow(x, n(2)))],
    ['(x + 1)(y - 1)', mul(add(x, n(1)), sub(y, n(1)))],
    ['sin(x)(y)', mul(fn('sin', x), y)],
    ['(x)(y)(2)', mul(mul(x, y), n(2))],
    ['2x*y', mul(mul(n(2), x), y)],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('parseFormula: errors name the problem and its 1-based column', () => {
  it.each<[string, string, number, number]>([
    ['', 'empty formula', 1, 0],
    ['   ', 'empty formula', 1, 0],
    ['x + sinn(y)', "unknown function 'sinn' at column 5 (did you mean 'sin'?)", 5, 4],
    ['1 + 2*sinn(x)', "unknown function 'sinn' at column 7 (did you mean 'sin'?)", 7, 4],
    ['Exp(x)', "unknown function 'Exp' at column 1 (did you mean 'exp'?)", 1, 3],
    ['foo(x)', "unknown function 'foo' at column 1", 1, 3],
    ['x+z', "unknown variable 'z' at column 3 (use x and y)", 3, 1],
    ['X + y', "unknown variable 'X' at column 1 (did you mean 'x'?)", 1, 1],
    ['2*pie', "unknown variable 'pie' at column 3 (did you mean 'pi'?)", 3, 3],
    ['xy', "unknown variable 'xy' at column 1 (use x and y; write x*y to multiply)", 1, 2],
    ['cosy + 1', "unknown variable 'cosy' at column 1 (write cos(y) to apply cos)", 1, 4],
    ['sin x', "function 'sin' at column 1 needs parentheses: sin(...)", 1, 3],
    ['x(y + 1)', "'x' at column 1 is a variable, not a function: write x*(...) to multiply", 1, 1],
    ['pi(2)', "'pi' at column 1 is a constant, not a function: write pi*(...) to multiply", 1, 2],
    ['x + y)', "unexpected ')' at column 6", 6, 1],
    ['()', "unexpected ')' at column 2", 2, 1],
    ['(x + y', "missing ')' to close '(' at column 1", 1, 1],
    ['2*(x + (y - 1)', "missing ')' to close '(' at column 3", 3, 1],
    ['sin(x', "missing ')' to close '(' at column 4", 4, 1],
    ['sin(x, y)', 'sin takes 1 argument, got 2 at column 1', 1, 9],
    ['1 + sqrt()', 'sqrt takes 1 argument, got 0 at column 5', 5, 6],
    ['min(x)', 'min takes at least 2 arguments, got 1 at column 1', 1, 6],
    ['x +', "unexpected end of formula after '+'", 3, 1],
    ['x^', "unexpected end of formula after '^'", 2, 1],
    ['x**', "unexpected end of formula after '**'", 2, 2],
    ['(', "unexpected end of formula after '('", 1, 1],
    ['max(x,', "unexpected end of formula after ','", 6, 1],
    ['-', "unexpected end of formula after '-'", 1, 1],
    ['1 + $', "unexpected character '$' at column 5", 5, 1],
    ['x^1e', "number '1e' is malformed at column 3", 3, 2],
    ['2e', "number '2e' is malformed at column 1", 1, 2],
    ['x * / y', "unexpected '/' at column 5", 5, 1],
    ['^x', "unexpected '^' at column 1", 1, 1],
    ['x, y', "unexpected ',' at column 2", 2, 1],
    ['(x, y)', "unexpected ',' at column 3", 3, 1],
    ['min(x, )', "unexpected ')' at column 8", 8, 1],
    ['x y', "missing operator before 'y' at column 3", 3, 1],
    ['2 3', "missing operator before '3' at column 3", 3, 1],
    ['(x) 2', "missing operator before '2' at column 5", 5, 1],
    ['x^2 (y)', "implicit multiplication after an exponent is ambiguous at column 5: write '*' or parentheses", 5, 1],
    ['2^3x', "implicit multiplication after an exponent is ambiguous at column 4: write '*' or parentheses", 4, 1],
    ['x^2(y)', "implicit multiplication after an exponent is ambiguous at column 4: write '*' or parentheses", 4, 1],
    ['2^(x)(y)', "implicit multiplication after an exponent is ambiguous at column 6: write '*' or parentheses", 6, 1],
    ['1/2x', "implicit multiplication after '/' is ambiguous at column 4: write '*' or parentheses", 4, 1],
    ['y/(x)(x)', "implicit multiplication after '/' is ambiguous at column 6: write '*' or parentheses", 6, 1],
  ])('%j', (text, message, column, length) => {
    expect(parseFormula(text)).toEqual({ ok: false, error: { message, column, length } });
  });

  it('refuses absurd nesting with an error instead of overflowing the stack', () => {
    const result = parseFormula(`${'('.repeat(500)}x${')'.repeat(500)}`);
    expect(result).toEqual({ ok: false, error: { message: '65 levels deep is over the limit of 64 at column 65', column: 65, length: 1 } });
    expect(parseFormula(`${'-'.repeat(5000)}x`).ok).toBe(false);
  });
});

describe('garbage never throws', () => {
  // A small deterministic generator (xorshift32), so a failure is reproducible from its seed.
  function randomStrings(seed: number, count: number): string[] {
    const alphabet = ['x', 'y', 'e', 'pi', 'sin', 'min', 'max', 'log', '(', ')', ',', '+', '-', '*', '/', '^', '**', '.', '1', '2.5', '1e', 'E', ' ', '$', 'z', '0'];
    let state = seed >>> 0 || 1;
    const next = (): number => {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state;
    };
    return Array.from({ length: count }, () => {
      const length = next() % 16;
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      return text;
    });
  }

  it('parseFormula and compileFormula return a result for 5000 random token soups', () => {
    let accepted = 0;
    for (const text of randomStrings(12345, 5000)) {
      const parsed = parseFormula(text);
      const compiled = compileFormula(text);
      expect(compiled.ok).toBe(parsed.ok);
      if (compiled.ok) {
        accepted++;
        const gradient = new Float64Array(2);
        expect(typeof compiled.objective.valueAndGradient([0.5, -0.25], gradient)).toBe('number');
      } else {
        expect(compiled.error.column).toBeGreaterThanOrEqual(1);
        expect(compiled.error.column).toBeLessThanOrEqual(text.length + 1);
        expect(compiled.error.message.length).toBeGreaterThan(0);
      }
    }
    // The soup should exercise both paths, not only errors.
    expect(accepted).toBeGreaterThan(50);
  });

  it('random characters (any code unit) never throw', () => {
    let state = 99;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = 0; i < 12; i++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        text += String.fromCharCode(32 + (state % 95));
      }
      expect(() => compileFormula(text)).not.toThrow();
    }
  });
});
