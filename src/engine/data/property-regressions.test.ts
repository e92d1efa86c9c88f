import { describe, expect, it } from 'vitest';
import { csvToDataset } from './csv';

// What csv.property.test.ts found (issue 12), each the shrunk counterexample as a plain test.

describe('the CSV reader on what the property tests found', () => {
  it('quotes at most 40 characters of a column name (a 400-digit header was quoted whole in every message)', () => {
    const name = '9'.repeat(400); // past float64's range, so text: the first line is a header
    const asTarget = csvToDataset(`1e-300,${name}\n1,abc\n`);
    expect(asTarget.ok).toBe(false);
    if (!asTarget.ok) expect(asTarget.errors).toEqual([`the target "${'9'.repeat(39)}…" has a single class ("abc"); classification needs at least two`]);
    const asFeature = csvToDataset(`${name},y\nabc,1\n2,0\n`, { features: [name] });
    expect(asFeature.ok).toBe(false);
    if (!asFeature.ok) expect(asFeature.errors).toEqual([`line 2, column "${'9'.repeat(39)}…" (1): "abc" is not a number`]);
  });

  it('names a missing target or feature column by at most 40 of its characters, and suggests nothing for a 50 KB name', () => {
    const name = 'y'.repeat(50_000);
    const built = csvToDataset(`x,${name}\n1,2\n3,4\n`, { target: `${name}z`, features: [name] });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors.every((message) => message.length < 300)).toBe(true);
  });
});
