import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from './tokenizer';

function tokens(text: string): Token[] {
  const result = tokenize(text);
  if (!result.ok) throw new Error(result.error.message);
  return [...result.tokens];
}

function summary(text: string): string[] {
  return tokens(text).map((token) => `${token.kind}:${token.text}@${token.column}`);
}

describe('tokenize', () => {
  it('splits operators, names, numbers and parentheses, with 1-based columns', () => {
    expect(summary('sin(x) + 2*y')).toEqual([
      'identifier:sin@1',
      '(:(@4',
      'identifier:x@5',
      '):)@6',
      'operator:+@8',
      'number:2@10',
      'operator:*@11',
      'identifier:y@12',
      'end:@13',
    ]);
  });

  it('reads every number form as a float64', () => {
    const values = (text: string): number[] =>
      tokens(text).flatMap((token) => (token.kind === 'number' ? [token.value] : []));
    expect(values('12 3.25 .5 1. 1e-3 2.5E+4 7e2')).toEqual([12, 3.25, 0.5, 1, 0.001, 25000, 700]);
  });

  it('reads ** as the power operator and keeps its two characters for error messages', () => {
    const [, power] = tokens('x**2');
    expect(power).toMatchObject({ kind: 'operator', operator: '^', text: '**', column: 2 });
  });

  it('ends a number before letters that do not make an exponent: 2x, 2pi, 2exp', () => {
    expect(summary('2x')).toEqual(['number:2@1', 'identifier:x@2', 'end:@3']);
    expect(summary('2pi')).toEqual(['number:2@1', 'identifier:pi@2', 'end:@4']);
    expect(summary('2exp(x)').slice(0, 2)).toEqual(['number:2@1', 'identifier:exp@2']);
  });

  it('ignores whitespace of every kind', () => {
    expect(summary(' \tx\n+\r\ny ')).toEqual(['identifier:x@3', 'operator:+@5', 'identifier:y@8', 'end:@10']);
  });

  it.each([
    ['1 + 1e', "number '1e' is malformed at column 5", 5, 2],
    ['1e+', "number '1e+' is malformed at column 1", 1, 3],
    ['x*1.2.3', "number '1.2.3' is malformed at column 3", 3, 5],
    ['.', "number '.' is malformed at column 1", 1, 1],
    ['1e999', "number '1e999' is too large at column 1", 1, 5],
    ['1 + $', "unexpected character '$' at column 5", 5, 1],
    ['x # y', "unexpected character '#' at column 3", 3, 1],
    ['x + \u{1F600}', "unexpected character '\u{1F600}' at column 5", 5, 2],
  ])('reports %j as %j', (text, message, column, length) => {
    expect(tokenize(text)).toEqual({ ok: false, error: { message, column, length } });
  });
});
