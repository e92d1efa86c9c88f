import { describe, expect, it } from 'vitest';
import { readoutHeader, readoutRow } from './loss-readout';
import { yMapping, type LossCurve } from './loss-series';

// Oracles: the tooltip lines written out by hand for a three-point curve.

const curve: LossCurve = { label: 'Adam', color: '#000', loss: [4, 2.5, 1.25], cost: [1, 3, 5], elapsedMs: [0, 0.5, 1], diverged: null };

describe('readoutHeader', () => {
  it('names the step under the pointer, never past the last one', () => {
    expect(readoutHeader(12.4, 'step', 100)).toBe('step 12');
    expect(readoutHeader(37.6, 'step', 30)).toBe('step 30');
  });

  it('counts evaluations and reads time in milliseconds', () => {
    expect(readoutHeader(1234.4, 'evaluations', 1)).toBe('1,234 evaluations');
    expect(readoutHeader(15000.4, 'evaluations', 1)).toBe('15k evaluations');
    expect(readoutHeader(12.345, 'time', 1)).toBe('12.3 ms');
  });
});

describe('readoutRow', () => {
  it('gives the loss at the point, and its step on the other axes', () => {
    const mapping = yMapping('log', null, [curve]);
    expect(readoutRow(curve, 1, false, 'step', mapping)).toBe('Adam: 2.5');
    expect(readoutRow(curve, 2, false, 'evaluations', mapping)).toBe('Adam: 1.25 (step 2)');
  });

  it('reads f − f* in gap mode, as the curve shows it', () => {
    expect(readoutRow(curve, 2, false, 'step', yMapping('gap', 1, [curve]))).toBe('Adam: f − f* = 0.25');
  });

  it('says where a diverged run stopped once past its end, and shortens long labels', () => {
    const diverged = { ...curve, label: 'x'.repeat(30), diverged: { step: 2, reason: 'non-finite loss' } };
    expect(readoutRow(diverged, 2, true, 'step', yMapping('log', null, [diverged]))).toBe(`${'x'.repeat(27)}…: diverged at step 2`);
  });

  it("adds a flagged run's flag, and says why a diverged run stopped", () => {
    const flagged = { ...curve, flag: 'left the view at step 1' };
    expect(readoutRow(flagged, 1, false, 'step', yMapping('log', null, [flagged]))).toBe('Adam: 2.5 ⚠ left the view at step 1');
    const diverged = { ...curve, diverged: { step: 2, reason: '|x| exceeded 1e12' }, flag: 'diverged at step 2: lr 40x above 2/λmax' };
    expect(readoutRow(diverged, 2, true, 'step', yMapping('log', null, [diverged]))).toBe('Adam: diverged at step 2: lr 40x above 2/λmax');
  });
});
