import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { differentiate } from './derivative';
import { evaluate } from './evaluate';
import { parseFormula } from './parser';
import { randomFormula } from './random-formula';
import { emitWgslExpressions, objectiveWgslFunction, wgslFloat } from './wgsl';
import { runWgslObjective } from './wgsl-interpreter.test-helper';
import { Random } from '../random';

// The emitted WGSL runs on the GPU only in the browser tests (e2e/gpu-kernels.spec.ts). Here a small
// interpreter for the subset of WGSL the emitter writes runs it in emulated float32, and the
// results are held to evaluate() in float64 and to central differences of f.

function parse(text: string): Expr {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.ast;
}

/** |a − b| within `relative` of max(1, |b|), NaN matching NaN. */
function expectClose(actual: number, expected: number, relative: number, message: string): void {
  if (Number.isNaN(expected)) return expect(actual, message).toBeNaN();
  expect(Math.abs(actual - expected), `${message}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

describe('wgslFloat', () => {
  it('writes the nearest float32 with the fewest digits', () => {
    expect(wgslFloat(0.1)).toBe('0.1f');
    expect(wgslFloat(2)).toBe('2.0f');
    expect(wgslFloat(100)).toBe('100.0f');
    expect(wgslFloat(-3)).toBe('(-3.0f)');
    expect(wgslFloat(1e-8)).toBe('1e-8f');
    expect(wgslFloat(0.999)).toBe('0.999f');
    expect(wgslFloat(Math.PI)).toBe('3.1415927f');
    expect(wgslFloat(1e20)).toBe('100000000000000000000.0f');
    expect(wgslFloat(-0)).toBe('(-0.0f)');
  });

  it('makes NaN and values beyond float32 at run time', () => {
    expect(wgslFloat(NaN)).toBe('expressionNan()');
    expect(wgslFloat(Infinity)).toBe('expressionInfinity()');
    expect(wgslFloat(-1e39)).toBe('(-expressionInfinity())');
  });
});

describe('emitWgslExpressions', () => {
  it('hoists a subexpression shared by f and its gradient into one let', () => {
    // Rosenbrock: y - x^2 appears in f, ∂f/∂x and ∂f/∂y
    const ast = parse('(1 - x)^2 + 100*(y - x^2)^2');
    const code = emitWgslExpressions([ast, differentiate(ast, 'x'), differentiate(ast, 'y')], { x: 'x', y: 'y', prefix: 't' });
    expect(code.lines.filter((line) => line.endsWith('= x * x;'))).toHaveLength(1);
    expect(code.lines.filter((line) => line.includes('= y - '))).toHaveLength(1);
    expect(code.lines).toHaveLength(12);
    expect(code.results).toHaveLength(3);
    expect(code.lines.join('\n')).not.toContain('Power');
  });

  it('writes whole powers as multiplications, by repeated squaring', () => {
    // x^7 = x · x² · x⁴: two squarings and two products
    const code = emitWgslExpressions([parse('x^7')], { x: 'x', y: 'y', prefix: 't' });
    expect(code.lines).toEqual(['let t0 = x * x;', 'let t1 = x * t0;', 'let t2 = t0 * t0;', 'let t3 = t1 * t2;']);
    expect(emitWgslExpressions([parse('x^-2')], { x: 'x', y: 'y', prefix: 't' }).lines).toEqual(['let t0 = 1.0f / x;', 'let t1 = t0 * t0;']);
    expect(emitWgslExpressions([parse('x^3')], { x: 'x', y: 'y', prefix: 't' }).lines).toEqual(['let t0 = x * x;', 'let t1 = t0 * x;']);
  });

  it('keeps general powers, min, max, sign and e^u on their helpers', () => {
    const lines = (text: string) => emitWgslExpressions([parse(text)], { x: 'x', y: 'y', prefix: 't' }).lines.join(' ');
    expect(lines('x^2.5')).toBe('let t0 = expressionPower(x, 2.5f);');
    expect(lines('x^y')).toBe('let t0 = expressionPower(x, y);');
    expect(lines('e^x')).toBe('let t0 = exp(x);');
    expect(lines('min(x, y, 1)')).toBe('let t0 = ieeeMinimum(x, y); let t1 = ieeeMinimum(t0, 1.0f);');
    expect(lines('2^(1/2) * x + pi')).toBe('let t0 = 1.4142135f * x; let t1 = t0 + 3.1415927f;');
  });

  it('emits the sign and select nodes that differentiate makes', () => {
    const ast = parse('abs(x) + max(x, y)');
    const code = emitWgslExpressions([differentiate(ast, 'x')], { x: 'x', y: 'y', prefix: 't' }).lines.join(' ');
    expect(code).toContain('ieeeSign(x)');
    expect(code).toMatch(/select\(0\.0f, 1\.0f, x >= y\)/);
  });
});

describe('objectiveWgslFunction', () => {
  const seed = Date.now() >>> 0;
  const points = new Random(seed);
  const randomPoint = (): [number, number] => [(2 * points.nextFloat() - 1) * 3, (2 * points.nextFloat() - 1) * 3];

  it(`computes f and ∇f of random formulas as evaluate() and finite differences do (seed ${seed})`, () => {
    for (let n = 0; n < 60; n++) {
      const formula = randomFormula(seed + n);
      const code = objectiveWgslFunction('objective', formula.ast);
      const gradient = [differentiate(formula.ast, 'x'), differentiate(formula.ast, 'y')];
      for (let k = 0; k < 10; k++) {
        const [x, y] = randomPoint();
        const [value, gradientX, gradientY] = runWgslObjective(code, x, y);
        const where = `${formula.text} at (${x}, ${y})`;
        expectClose(value, evaluate(formula.ast, x, y), 1e-5, `f of ${where}`);
        expectClose(gradientX, evaluate(gradient[0], x, y), 1e-4, `∂f/∂x of ${where}`);
        expectClose(gradientY, evaluate(gradient[1], x, y), 1e-4, `∂f/∂y of ${where}`);
        const h = 1e-6;
        const central = (evaluate(formula.ast, x + h, y) - evaluate(formula.ast, x - h, y)) / (2 * h);
        expectClose(gradientX, central, 1e-4, `∂f/∂x against central differences of ${where}`);
      }
    }
  });

  it('follows the TypeScript engine through kinks, powers of negative numbers and NaN', () => {
    const cases: [string, number, number][] = [
      ['abs(x - 1) + min(x, y, 0.5) * max(y, 2*x)', -0.7, 1.3],
      ['x^3 + y^-3 + x^2.5', -1.5, 0.8],
      ['x^y', -2, 3],
      ['x^y', -2, 2.5],
      ['sqrt(x) + log(y)', -1, 2],
      ['tanh(40*x) + sinh(y) / cosh(y) + tan(x) + asin(y/4) + acos(x/4) + atan(x*y)', 0.3, -1.1],
      ['e^(x/2) * sin(pi*y) - 3/(1 + x^2)', 1.7, 0.25],
      ['x^64 + y^65', 1.01, 0.99],
    ];
    for (const [text, x, y] of cases) {
      const ast = parse(text);
      const code = objectiveWgslFunction('objective', ast);
      const [value, gradientX, gradientY] = runWgslObjective(code, x, y);
      expectClose(value, evaluate(ast, x, y), 1e-5, `f of ${text}`);
      expectClose(gradientX, evaluate(differentiate(ast, 'x'), x, y), 1e-4, `∂f/∂x of ${text}`);
      expectClose(gradientY, evaluate(differentiate(ast, 'y'), x, y), 1e-4, `∂f/∂y of ${text}`);
    }
  });
});
