import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../engine/expression';
import { errorSpan, messageWithColumn } from './formula-error';

function errorOf(text: string) {
  const compiled = compileFormula(text);
  if (compiled.ok) throw new Error(`${text} compiled`);
  return compiled.error;
}

describe('messageWithColumn', () => {
  it("keeps the parser's message when it names the column", () => {
    // '*' is the 5th character of "x + * y"
    expect(messageWithColumn(errorOf('x + * y'))).toBe("unexpected '*' at column 5");
  });

  it('adds the column where the message has none', () => {
    const error = errorOf('(1-x)^2 +');
    expect(error.message).not.toMatch(/column/);
    expect(messageWithColumn(error)).toMatch(/ at column 9$/);
  });
});

describe('errorSpan', () => {
  it('marks the offending characters', () => {
    expect(errorSpan('x + * y', errorOf('x + * y'))).toEqual({ before: 'x + ', marked: '*', after: ' y' });
    // an unknown function is marked whole
    expect(errorSpan('2*sni(x)', errorOf('2*sni(x)'))).toEqual({ before: '2*', marked: 'sni', after: '(x)' });
  });

  it('marks nothing, at the end, when the error is past the text', () => {
    expect(errorSpan('x +', { message: 'unexpected end', column: 4, length: 0 })).toEqual({ before: 'x +', marked: '', after: '' });
    expect(errorSpan('x', { message: 'odd', column: 99, length: 5 })).toEqual({ before: 'x', marked: '', after: '' });
  });
});
