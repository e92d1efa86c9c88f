import { describe, expect, it } from 'vitest';
import { equalExpr } from './ast';
import { compileFormula } from './index';
import { parseFormula } from './parser';
import { BOUNDED_REGION, randomFormula } from './random-formula';
import { Random } from '../random';

// The claim under test is that every formula is strongly convex and well conditioned over the
// bounded region; the oracle is the Hessian by central differences of f (not the symbolic one).

/** Eigenvalues of a symmetric 2 × 2 matrix [[a, b], [b, c]], smallest first. */
function eigenvalues(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}

/** The Hessian of f at (x, y) by central differences of f alone. */
function finiteDifferenceHessian(f: (x: number, y: number) => number, x: number, y: number): [number, number, number] {
  const h = 1e-3;
  const fxx = (f(x + h, y) - 2 * f(x, y) + f(x - h, y)) / (h * h);
  const fyy = (f(x, y + h) - 2 * f(x, y) + f(x, y - h)) / (h * h);
  const fxy = (f(x + h, y + h) - f(x + h, y - h) - f(x - h, y + h) + f(x - h, y - h)) / (4 * h * h);
  return [fxx, fxy, fyy];
}

describe('randomFormula', () => {
  it('is a function of its seed', () => {
    expect(randomFormula(7).text).toBe(randomFormula(7).text);
    const texts = new Set(Array.from({ length: 20 }, (_, seed) => randomFormula(seed).text));
    expect(texts.size).toBe(20);
  });

  it('prints text that parses back to the same tree', () => {
    for (let seed = 0; seed < 200; seed++) {
      const formula = randomFormula(seed);
      const parsed = parseFormula(formula.text);
      expect(parsed.ok, formula.text).toBe(true);
      if (parsed.ok) expect(equalExpr(parsed.ast, formula.ast), formula.text).toBe(true);
    }
  });

  it('is strongly convex with condition number below 10 over the bounded region', () => {
    const points = new Random(12345);
    for (let seed = 0; seed < 200; seed++) {
      const formula = randomFormula(seed);
      const compiled = compileFormula(formula.text);
      if (!compiled.ok) throw new Error(compiled.error.message);
      const f = (x: number, y: number) => compiled.objective.value([x, y]);
      for (let k = 0; k < 25; k++) {
        const x = (2 * points.nextFloat() - 1) * BOUNDED_REGION;
        const y = (2 * points.nextFloat() - 1) * BOUNDED_REGION;
        const [smallest, largest] = eigenvalues(...finiteDifferenceHessian(f, x, y));
        expect(smallest, `${formula.text} at (${x}, ${y})`).toBeGreaterThan(0.5);
        expect(largest / smallest, `${formula.text} at (${x}, ${y})`).toBeLessThan(10);
      }
    }
  });

  it('uses a variety of the formula language', () => {
    const all = Array.from({ length: 200 }, (_, seed) => randomFormula(seed).text).join(' ');
    for (const word of ['sin(', 'cos(', 'exp(', 'log(', 'sqrt(', 'tanh(', 'atan(', 'cosh(', 'pi', 'e^', '^4', '^0.75', '/']) expect(all).toContain(word);
  });
});
