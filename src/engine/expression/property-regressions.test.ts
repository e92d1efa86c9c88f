import { describe, expect, it } from 'vitest';
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
    const name = 'xy'.repeat(50_000);
    const parsed = parseFormula(`1 + ${name}`);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toBe(`unknown variable '${name.slice(0, 40)}…' at column 5 (use x and y; write x*y to multiply)`);
    expect(closestName('q'.repeat(100_000), ['lr', 'momentum'])).toBeUndefined();
  });

  it('refuses a sum of 12,000 terms, which it used to parse into a tree the printers overflowed the stack on', () => {
    const sum = Array.from({ length: 12_000 }, () => 'x').join('+');
    const parsed = parseFormula(sum);
    // the 2001st operation is the '+' at column 4002
    expect(parsed).toEqual({ ok: false, error: { message: 'formula has more than 2000 operations (at column 4002); write a shorter one', column: 4002, length: 1 } });
  });

  it('still parses, prints and typesets 2,000 operations', () => {
    const parsed = parseFormula(Array.from({ length: 2_001 }, () => 'x').join('+'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(toText(parsed.ast)).toHaveLength(2_001 * 4 - 3);
    expect(toLatex(parsed.ast)).toHaveLength(2_001 * 4 - 3);
  });

  it('stops reading at the first error, so a 150,000-character formula is not scanned to its end', () => {
    // before, every token was scanned first: the '$' at the end was the error reported
    const parsed = parseFormula(`${Array.from({ length: 75_000 }, () => 'x').join('+')}$`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.column).toBe(4002);
  });
});
