import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compileFormula, toLatex } from '../../engine/expression';
import { METHODS } from '../../engine/methods';
import { SURFACES } from '../../engine/problems/surfaces';
import { stackEquations } from '../runs/labels';
import { fallbackText, MAX_FALLBACK_LENGTH, MAX_TYPESET_DEPTH, MAX_TYPESET_GROUPS, MAX_TYPESET_LENGTH, measureLatex, typesetRefusal } from './typeset-limit';

/** `count` x's joined by `separator`. */
function chain(count: number, separator: string): string {
  return Array.from({ length: count }, () => 'x').join(separator);
}

/** The LaTeX the page typesets for a formula and its two partial derivatives. */
function formulaLatex(formula: string): string[] {
  const compiled = compileFormula(formula);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return [compiled.ast, ...compiled.gradient].map(toLatex);
}

describe('measureLatex', () => {
  it('counts braces, \\left...\\right and \\begin...\\end as groups, and the deepest nesting', () => {
    expect(measureLatex('x + y')).toEqual({ length: 5, depth: 0, groups: 0 });
    expect(measureLatex('x^{2}')).toEqual({ length: 5, depth: 1, groups: 1 });
    expect(measureLatex(String.raw`\frac{x}{y} + \left(x\right)^{2}`).groups).toBe(4);
    expect(measureLatex(String.raw`\frac{\sqrt{x}}{y}`).depth).toBe(2);
    expect(measureLatex(String.raw`\left(\left(x\right)\right)`).depth).toBe(2);
    // \begin{cases} is a group whose name's braces nest one more level inside it
    expect(measureLatex(String.raw`\begin{cases} x & y \end{cases}`).depth).toBe(2);
    // siblings do not add up: depth is the deepest path, not the number of groups
    expect(measureLatex('x^{2} + y^{2} + z^{2}')).toEqual({ length: 21, depth: 1, groups: 3 });
  });

  it('does not count escaped braces, line breaks or control words that merely start with left/right/end', () => {
    expect(measureLatex(String.raw`\{ x \} \\ \,`)).toEqual({ length: 13, depth: 0, groups: 0 });
    expect(measureLatex(String.raw`\leftarrow \rightarrow \endgraf`)).toEqual({ length: 31, depth: 0, groups: 0 });
    // a stray closing brace never makes the depth negative (and so never hides a later deep part)
    expect(measureLatex('}}}x^{y^{z}}').depth).toBe(2);
  });

  it('measures the deepest formulas the parser accepts as deep as their typeset form is', () => {
    // x^x^...^x nests one exponent group per x after the first
    expect(measureLatex(formulaLatex(chain(64, '^'))[0]).depth).toBe(63);
    // x/x/.../x is ((x/x)/x)/...: each division a \frac around the previous
    expect(measureLatex(formulaLatex(chain(64, '/'))[0]).depth).toBe(63);
    expect(measureLatex(formulaLatex(`${'sqrt('.repeat(63)}x${')'.repeat(63)}`)[0]).depth).toBe(63);
  });

  it('takes a long, deep string in one pass, without recursion', () => {
    const deep = `${'{'.repeat(500_000)}x${'}'.repeat(500_000)}`;
    expect(measureLatex(deep)).toEqual({ length: 1_000_001, depth: 500_000, groups: 500_000 });
  });
});

describe('typesetRefusal', () => {
  it('refuses past the depth, the groups or the length, naming the size and the limit, and accepts the limits themselves', () => {
    expect(typesetRefusal({ length: 100, depth: MAX_TYPESET_DEPTH, groups: MAX_TYPESET_DEPTH })).toBeNull();
    expect(typesetRefusal({ length: MAX_TYPESET_LENGTH, depth: 1, groups: MAX_TYPESET_GROUPS })).toBeNull();
    expect(typesetRefusal({ length: 597, depth: 149, groups: 149 })).toBe(`Too deeply nested to typeset (149 levels; at most ${MAX_TYPESET_DEPTH}): shown as text.`);
    expect(typesetRefusal({ length: 2_279, depth: 23, groups: 341 })).toBe(
      `Too many parts to typeset (341 fractions, roots, powers and brackets; at most ${MAX_TYPESET_GROUPS}): shown as text.`,
    );
    expect(typesetRefusal({ length: 142_573, depth: 3, groups: 3 })).toBe('Too long to typeset (142,573 characters of LaTeX; at most 4,000): shown as text.');
  });

  it("refuses the hostile links of issue 12 twice: the parser's depth limit, and typesetting for the deepest formulas the parser accepts", () => {
    // the links themselves no longer open (src/engine/limits.ts: 64 levels)
    for (const formula of [chain(150, '^'), chain(100, '^'), chain(150, '/'), chain(250, '/'), `${'sqrt('.repeat(160)}x${')'.repeat(160)}`]) {
      const compiled = compileFormula(formula);
      expect(compiled.ok, formula.slice(0, 20)).toBe(false);
      if (!compiled.ok) expect(compiled.error.message).toMatch(/levels deep is over the limit of 64/);
    }
    // the same shapes at the deepest the parser takes still must not reach KaTeX
    for (const formula of [chain(64, '^'), chain(64, '/'), `${'sqrt('.repeat(63)}x${')'.repeat(63)}`]) {
      const [f, partialX] = formulaLatex(formula);
      expect(typesetRefusal(measureLatex(f)), formula.slice(0, 20)).not.toBeNull();
      expect(typesetRefusal(measureLatex(partialX)), formula.slice(0, 20)).not.toBeNull();
    }
  });

  it('refuses nothing the app ships: every surface, its gradient, every n-D formula and every update rule', () => {
    for (const definition of SURFACES) {
      for (const tex of formulaLatex(definition.create().expression)) expect(typesetRefusal(measureLatex(tex)), definition.id).toBeNull();
      if (definition.nDimensional) expect(typesetRefusal(measureLatex(definition.nDimensional.formula)), definition.id).toBeNull();
    }
    for (const method of METHODS) expect(typesetRefusal(measureLatex(stackEquations(method.updateRule))), method.id).toBeNull();
  });
});

describe('the limits against KaTeX', () => {
  it('typesets the largest accepted formula (median of 5 logged)', () => {
    // MAX_TYPESET_DEPTH levels of fractions and roots around a power, then roots up to
    // MAX_TYPESET_GROUPS and plain terms up to MAX_TYPESET_LENGTH: the most KaTeX is ever asked to do
    let tex = 'x^{2}';
    for (let level = 1; level < MAX_TYPESET_DEPTH; level++) tex = level % 2 ? String.raw`\frac{${tex}}{y}` : String.raw`\sqrt{${tex}}`;
    while (measureLatex(tex).groups < MAX_TYPESET_GROUPS) tex += String.raw` + \sqrt{x}`;
    while (tex.length + 4 <= MAX_TYPESET_LENGTH) tex += ' + x';
    const size = measureLatex(tex);
    expect({ depth: size.depth, groups: size.groups }).toEqual({ depth: MAX_TYPESET_DEPTH, groups: MAX_TYPESET_GROUPS });
    expect(size.length).toBeGreaterThan(MAX_TYPESET_LENGTH - 4);
    expect(typesetRefusal(size)).toBeNull();
    const times: number[] = [];
    katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' }); // compile KaTeX's code paths first
    for (let trial = 0; trial < 5; trial++) {
      const start = performance.now();
      katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    // logged, not asserted (timings do not belong in npm test): about 35 ms on a quiet machine,
    // 290-380 ms under a load of 30, against seconds for the hostile links' gradients
    console.info(`largest accepted formula (${size.length} characters, depth ${size.depth}, ${size.groups} groups): KaTeX median ${times[2].toFixed(1)} ms`);
  });
});

describe('fallbackText', () => {
  it('shows a formula whole, and a huge gradient cut with its length', () => {
    expect(fallbackText('x^2')).toBe('x^2');
    const long = 'x'.repeat(MAX_FALLBACK_LENGTH + 1);
    expect(fallbackText(long)).toBe(`${'x'.repeat(MAX_FALLBACK_LENGTH)} … (4,001 characters in all)`);
  });
});
