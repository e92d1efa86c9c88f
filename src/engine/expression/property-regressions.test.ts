import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { closestName } from '../suggest';
import { parseFormula } from './parser';
import { toLatex, toText } from './print';

// What formula.property.test.ts found (issue 12), each the shrunk counterexample as a plain test.

describe('the formula parser on what the property tests found', () => {
  it('quotes at most 40 characters of a number too large for float64 (the message held all 310 digits)', () => {
    const digits = '1000001100000'.repeat(24).slice(0, 310);
    const parsed = parseFormula(`(1 - x)^2 + ${digits} - x)^2`);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toBe(`number '${digits.slice(0, 40)}…' is too large at column 13`);
    expect(parsed.error).toMatchObject({ column: 13, length: 310 });
  });

  it('quotes at most 40 characters of an unknown name, and suggests nothing for a 100,000-letter one', () => {
    const name = 'xy'.repeat(900);
    const parsed = parseFormula(`1 + ${name}`);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toBe(`unknown variable '${name.slice(0, 40)}…' at column 5 (use x and y; write x*y to multiply)`);
    expect(closestName('q'.repeat(100_000), ['lr', 'momentum'])).toBeUndefined();
  });

  it('refuses a sum of 12,000 terms, which it used to parse into a tree the printers overflowed the stack on', () => {
    const sum = Array.from({ length: 12_000 }, () => 'x').join('+');
    // by its length, before reading it; a sum within the length is as deep as it has terms (limits.ts)
    expect(parseFormula(sum)).toEqual({ ok: false, error: { message: LIMITS.formulaLength.over(sum.length), column: 2001, length: sum.length - 2000 } });
    const long = Array.from({ length: 1_000 }, () => 'x').join('+');
    expect(parseFormula(long)).toEqual({ ok: false, error: { message: '1,000 levels deep is over the limit of 64', column: 1, length: long.length } });
  });

  it('still parses, prints and typesets the longest sum it accepts', () => {
    const parsed = parseFormula(Array.from({ length: 64 }, () => 'x').join('+'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(toText(parsed.ast)).toHaveLength(64 * 4 - 3);
    expect(toLatex(parsed.ast)).toHaveLength(64 * 4 - 3);
  });

  it('stops reading at the first error: a parse error before a character it cannot read is the one reported', () => {
    // before, every token was scanned first: the '$' at the end was the error reported
    const parsed = parseFormula('1 2 $');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toBe("missing operator before '2' at column 3");
  });
});
